import { isRootSchema } from '../model/schema-roots.js';
import type { Decl } from '../model/types.js';
import type { OpenApiDocument } from '../load/openapi-types.js';
import { compareFields } from './compare-fields.js';
import { operationsReturning } from './compare-operations.js';
import { operationRef, type DiffContext, type ModelSide } from './context.js';
import { isComponentRoot } from './type-shape.js';

/**
 * Top-level types (API resources such as `Identity.VerificationSession`), matched by schema name:
 * new and removed resources, and every field of those in both specs, as seen by readers.
 */
export function compareResources(ctx: DiffContext): void {
  const before = componentRoots(ctx.old);
  const after = componentRoots(ctx.new_);
  const returning = operationsReturning(ctx.new_.model.operations, ctx.new_.decl);
  const returnedBefore = operationsReturning(ctx.old.model.operations, ctx.old.decl);
  for (const [key, decl] of after) {
    const previous = before.get(key);
    if (previous) {
      const operations = (returning.get(decl.id) ?? returnedBefore.get(previous.id) ?? []).map(operationRef);
      compareFields(ctx, { direction: 'response', operations }, decl.id, previous, decl, new Set());
    } else if (!isRootIn(ctx.old.document, key)) {
      ctx.report('type-added', { direction: 'response', subject: decl.id, declaration: decl.id, operations: [], location: { new: decl.pointer } });
    }
  }
  for (const [key, decl] of before) {
    if (after.has(key) || isRootIn(ctx.new_.document, key)) continue;
    ctx.report('type-removed', { direction: 'response', subject: decl.id, declaration: decl.id, operations: [], location: { old: decl.pointer } });
  }
}

function componentRoots(side: ModelSide): Map<string, Decl> {
  return new Map(side.model.declarations.filter(isComponentRoot).map((d) => [d.schemaKey!, d]));
}

/** Whether the spec has the schema as a top-level type at all (a selection may simply not reach it). */
function isRootIn(document: OpenApiDocument, key: string): boolean {
  const schema = document.components?.schemas?.[key];
  return schema !== undefined && isRootSchema(key, schema);
}
