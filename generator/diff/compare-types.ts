import type { TypeExpr } from '../model/types.js';
import { compareEnum } from './compare-enums.js';
import { compareFields, type WalkStack } from './compare-fields.js';
import type { DiffContext, FieldScope } from './context.js';
import { notation } from './notation.js';
import { fieldRule } from './rules.js';
import { enumValues, isComponentRoot, printed, relation, shapeOf } from './type-shape.js';
import type { Change } from './types.js';

export type FieldBase = Omit<Change, 'rule' | 'level'>;

/**
 * Compares two types at one place (`path`): a different skeleton is a type change; the same skeleton
 * is compared inside: enum values, array items, union members and nested object types field by field.
 * Top-level types are compared on their own, so a reference to one is the same type when the id is.
 */
export function compareTypes(
  ctx: DiffContext,
  scope: FieldScope,
  path: string,
  base: FieldBase,
  before: TypeExpr,
  after: TypeExpr,
  stack: WalkStack,
): void {
  const oldShape = shapeOf(before, ctx.old.decl);
  const newShape = shapeOf(after, ctx.new_.decl);
  if (oldShape !== newShape) {
    const how = relation(before, after, ctx.old.decl, ctx.new_.decl);
    const harmless = scope.direction === 'request' ? how === 'wider' : how === 'narrower';
    ctx.report(
      fieldRule(scope.direction, 'type-changed'),
      {
        ...base,
        subject: path,
        old: printed(before),
        new: printed(after),
        types: { old: notation(before, ctx.old.decl), new: notation(after, ctx.new_.decl) },
      },
      harmless ? 'non-breaking' : 'breaking',
    );
    return;
  }
  const oldValues = enumValues(before, ctx.old.decl);
  const newValues = enumValues(after, ctx.new_.decl);
  if (oldValues && newValues) return compareEnum(ctx, scope, path, base, oldValues, newValues);
  if (before.kind === 'array' && after.kind === 'array') return compareTypes(ctx, scope, `${path}[]`, base, before.items, after.items, stack);
  if (before.kind === 'map' && after.kind === 'map') return compareTypes(ctx, scope, `${path}[key]`, base, before.values, after.values, stack);
  if (before.kind === 'emptyable' && after.kind === 'emptyable') return compareTypes(ctx, scope, path, base, before.inner, after.inner, stack);
  if (before.kind === 'union' && after.kind === 'union') return compareMembers(ctx, scope, path, base, before.members, after.members, stack);
  if (before.kind === 'ref' && after.kind === 'ref') compareNested(ctx, scope, path, base, before.id, after.id, stack);
}

/** Union members pair up in order, the enum members counting as one (their skeletons matched already). */
function compareMembers(
  ctx: DiffContext,
  scope: FieldScope,
  path: string,
  base: FieldBase,
  before: TypeExpr[],
  after: TypeExpr[],
  stack: WalkStack,
): void {
  const literals = (members: TypeExpr[]) => members.filter((m) => m.kind === 'literal');
  const others = (members: TypeExpr[]) => members.filter((m) => m.kind !== 'literal');
  const [oldLiterals, newLiterals] = [literals(before), literals(after)];
  if (oldLiterals.length && newLiterals.length) {
    compareTypes(ctx, scope, path, base, { kind: 'union', members: oldLiterals }, { kind: 'union', members: newLiterals }, stack);
  }
  const [oldOthers, newOthers] = [others(before), others(after)];
  for (let i = 0; i < Math.min(oldOthers.length, newOthers.length); i++) {
    compareTypes(ctx, scope, path, base, oldOthers[i]!, newOthers[i]!, stack);
  }
}

function compareNested(ctx: DiffContext, scope: FieldScope, path: string, base: FieldBase, oldId: string, newId: string, stack: WalkStack): void {
  const before = ctx.old.decl(oldId);
  const after = ctx.new_.decl(newId);
  if (!before || !after || isComponentRoot(before) || isComponentRoot(after)) return;
  // Derived declarations change only when what they derive from does, which is reported where it is.
  if (before.derived || after.derived) return;
  const key = `${scope.direction}:${oldId}>${newId}`;
  if (ctx.unchanged.has(key)) return;
  if (stack.has(key)) {
    ctx.cycles++;
    return;
  }
  const [changes, cycles] = [ctx.changes.length, ctx.cycles];
  stack.add(key);
  if (before.body.kind === 'alias' && after.body.kind === 'alias') {
    compareTypes(ctx, scope, path, base, before.body.type, after.body.type, stack);
  } else {
    compareFields(ctx, scope, path, before, after, stack);
  }
  stack.delete(key);
  // A nested type reached by many paths (a shared schema) is walked again only if it had changes to
  // name on each path; a walk cut short by a cycle proves nothing, so it is not remembered.
  if (ctx.changes.length === changes && ctx.cycles === cycles) ctx.unchanged.add(key);
}
