import type { Decl, Property } from '../model/types.js';
import { compareTypes } from './compare-types.js';
import type { DiffContext, FieldScope } from './context.js';
import { fieldRule, type RuleId } from './rules.js';
import { printed, unwrap } from './type-shape.js';

/** Declarations on the path being walked (old id > new id), so a type that contains itself ends the walk. */
export type WalkStack = Set<string>;

/**
 * Compares the fields of one object type in both specs. `owner` is the path the changelog names it by
 * (`Identity.VerificationSession`, `Issuing.Authorization.request_history[]`); an absent side has no fields.
 */
export function compareFields(
  ctx: DiffContext,
  scope: FieldScope,
  owner: string,
  before: Decl | undefined,
  after: Decl | undefined,
  stack: WalkStack,
): void {
  const oldProps = propertiesOf(before);
  const newProps = propertiesOf(after);
  for (const [name, prop] of newProps) {
    const previous = oldProps.get(name);
    if (previous) compareField(ctx, scope, owner, { before: before!, after: after! }, previous, prop, stack);
    else ctx.report(addedRule(scope, prop), { ...field(scope, owner, name, after!), location: { new: prop.pointer }, new: printed(prop.type) });
  }
  for (const [name, prop] of oldProps) {
    if (newProps.has(name)) continue;
    ctx.report(fieldRule(scope.direction, 'removed'), {
      ...field(scope, owner, name, before!),
      location: { old: prop.pointer },
      old: printed(prop.type),
    });
  }
}

function compareField(
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
  if (before.optional !== after.optional) say(after.optional ? 'became-optional' : 'became-required', before.optional, after.optional);
  if (!before.deprecated && after.deprecated) say('deprecated', false, true);
  if (before.description !== after.description) say('description-changed', before.description, after.description);
  const a = unwrap(before.type);
  const b = unwrap(after.type);
  if (a.nullable !== b.nullable) say(b.nullable ? 'became-nullable' : 'became-not-nullable', a.nullable, b.nullable);
  if (a.emptyable !== b.emptyable) say(b.emptyable ? 'became-emptyable' : 'became-not-emptyable', a.emptyable, b.emptyable);
  compareTypes(ctx, scope, base.subject, base, a.type, b.type, stack);
}

function addedRule(scope: FieldScope, prop: Property): RuleId {
  if (scope.direction === 'request') return prop.optional ? 'new-optional-request-property' : 'new-required-request-property';
  return prop.optional ? 'response-optional-property-added' : 'response-required-property-added';
}

function field(scope: FieldScope, owner: string, name: string, decl: Decl) {
  return {
    direction: scope.direction,
    subject: `${owner}.${name}`,
    owner,
    name,
    declaration: decl.id,
    ...(scope.in ? { in: scope.in } : {}),
    operations: scope.operations,
  };
}

function propertiesOf(decl: Decl | undefined): Map<string, Property> {
  if (!decl || decl.body.kind !== 'interface') return new Map();
  return new Map(decl.body.properties.map((p) => [p.name, p]));
}
