import type { Decl, Property } from '../model/types.js';
import { field, type WalkStack } from './compare-fields.js';
import { compareTypes } from './compare-types.js';
import type { DiffContext, FieldScope } from './context.js';
import { fieldRule } from './rules.js';
import { notation } from './notation.js';
import { unwrap } from './type-shape.js';

/**
 * A field in both specs: optional ⇄ required, deprecated, description, and the two wrappers of its type
 * (`| null`, `Emptyable<>`), which are changes of their own and never a type change; then the type.
 */
export function compareField(
  ctx: DiffContext,
  scope: FieldScope,
  owner: string,
  decls: { before: Decl; after: Decl },
  before: Property,
  after: Property,
  stack: WalkStack,
): void {
  const base = { ...field(scope, owner, after.name, decls.after), location: { old: before.pointer, new: after.pointer } };
  const say = (change: Parameters<typeof fieldRule>[1], old: unknown, now: unknown) =>
    ctx.report(fieldRule(scope.direction, change), { ...base, old, new: now });
  // Changelog bullets word `| null` and `''` changes as type changes of the whole field, as stripe-node does.
  const retyped = (change: Parameters<typeof fieldRule>[1], old: unknown, now: unknown) =>
    ctx.report(fieldRule(scope.direction, change), {
      ...base,
      old,
      new: now,
      types: { old: notation(before.type, ctx.old.decl), new: notation(after.type, ctx.new_.decl) },
    });
  if (before.optional !== after.optional) say(after.optional ? 'became-optional' : 'became-required', before.optional, after.optional);
  if (!before.deprecated && after.deprecated) say('deprecated', false, true);
  if (before.description !== after.description) say('description-changed', before.description, after.description);
  const a = unwrap(before.type);
  const b = unwrap(after.type);
  if (a.nullable !== b.nullable) retyped(b.nullable ? 'became-nullable' : 'became-not-nullable', a.nullable, b.nullable);
  if (a.emptyable !== b.emptyable) retyped(b.emptyable ? 'became-emptyable' : 'became-not-emptyable', a.emptyable, b.emptyable);
  compareTypes(ctx, scope, base.subject, base, a.type, b.type, stack);
}
