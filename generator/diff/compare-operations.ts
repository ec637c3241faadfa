import type { Operation, ResponseShape } from '../model/types.js';
import { compareFields } from './compare-fields.js';
import { compareTypes } from './compare-types.js';
import { operationRef, resourceName, type DiffContext } from './context.js';
import { printed, shapeOf, type DeclLookup } from './type-shape.js';

/** Operations by operationId: added, removed, deprecated, renamed in the package, their params and results. */
export function compareOperations(ctx: DiffContext): void {
  const before = new Map(ctx.old.model.operations.map((op) => [op.id, op]));
  const after = new Set(ctx.new_.model.operations.map((op) => op.id));
  for (const op of ctx.new_.model.operations) {
    const previous = before.get(op.id);
    if (previous) compareOperation(ctx, previous, op);
    else ctx.report('endpoint-added', { ...describe(op), location: { new: op.pointer } });
  }
  for (const op of ctx.old.model.operations) {
    if (!after.has(op.id)) ctx.report(op.deprecated ? 'deprecated-endpoint-removed' : 'endpoint-removed', { ...describe(op), location: { old: op.pointer } });
  }
}

function compareOperation(ctx: DiffContext, before: Operation, after: Operation): void {
  const location = { old: before.pointer, new: after.pointer };
  const oldName = operationRef(before).sdk;
  const newName = operationRef(after).sdk;
  if (!before.deprecated && after.deprecated) ctx.report('endpoint-deprecated', { ...describe(after), location });
  if (before.deprecated && !after.deprecated) ctx.report('endpoint-reactivated', { ...describe(after), location });
  if (oldName !== newName) ctx.report('sdk-method-renamed', { ...describe(before), location, old: oldName, new: newName });
  const params = after.params ?? before.params;
  if (params) {
    const scope = { direction: 'request' as const, in: params.in, operations: [operationRef(after)] };
    compareFields(ctx, scope, params.decl.id, before.params?.decl, after.params?.decl, new Set());
  }
  compareResponse(ctx, before, after);
}

function compareResponse(ctx: DiffContext, before: Operation, after: Operation): void {
  const base = { ...describe(after), location: { old: before.pointer, new: after.pointer } };
  const [a, b] = [before.response, after.response];
  if (a.kind !== b.kind || shapeOf(a.type, ctx.old.decl) !== shapeOf(b.type, ctx.new_.decl)) {
    ctx.report('response-body-type-changed', { ...base, old: resultType(a), new: resultType(b) });
    return;
  }
  // The same result type: an inline one (not a top-level type, which is compared on its own) field by field.
  const scope = { direction: 'response' as const, operations: base.operations };
  const path = b.type.kind === 'ref' ? b.type.id : base.subject;
  compareTypes(ctx, scope, path, { ...base, direction: 'response' }, a.type, b.type, new Set());
}

function resultType(response: ResponseShape): string {
  const item = printed(response.type);
  return response.kind === 'list' ? `ApiList<${item}>` : response.kind === 'search' ? `ApiSearchResult<${item}>` : item;
}

function describe(op: Operation) {
  const ref = operationRef(op);
  return { direction: 'operation' as const, subject: ref.sdk, owner: resourceName(op), name: op.names.method, operations: [ref] };
}

/** Top-level types each operation returns (an item type for lists), for the `operations` of a response change. */
export function operationsReturning(operations: Operation[], decl: DeclLookup): Map<string, Operation[]> {
  const byType = new Map<string, Operation[]>();
  for (const op of operations) {
    for (const id of topLevelRefs(op.response.type, decl)) {
      const list = byType.get(id) ?? [];
      list.push(op);
      byType.set(id, list);
    }
  }
  return byType;
}

function topLevelRefs(type: ResponseShape['type'], decl: DeclLookup): string[] {
  switch (type.kind) {
    case 'ref':
      return decl(type.id)?.schemaKey !== undefined ? [type.id] : [];
    case 'union':
      return type.members.flatMap((m) => topLevelRefs(m, decl));
    case 'array':
      return topLevelRefs(type.items, decl);
    default:
      return [];
  }
}
