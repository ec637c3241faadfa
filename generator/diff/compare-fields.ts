import type { Decl, Property } from '../model/types.js';
import { compareField } from './compare-field-modifiers.js';
import type { DiffContext, FieldScope } from './context.js';
import { fieldRule, type RuleId } from './rules.js';
import { printed } from './type-shape.js';

/** Declarations on the path being walked (old id > new id), so a type that contains itself ends the walk. */
export type WalkStack = Set<string>;

/**
 * Compares the fields of one object type in both specs: fields added and removed here, the fields in
 * both by `compareField`. `owner` is the path the changelog names it by
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
    ctx.report(fieldRule(scope.direction, prop.deprecated ? 'deprecated-removed' : 'removed'), {
      ...field(scope, owner, name, before!),
      location: { old: prop.pointer },
      old: printed(prop.type),
    });
  }
}

function addedRule(scope: FieldScope, prop: Property): RuleId {
  if (scope.direction === 'request') return prop.optional ? 'new-optional-request-property' : 'new-required-request-property';
  return prop.optional ? 'response-optional-property-added' : 'response-required-property-added';
}

export function field(scope: FieldScope, owner: string, name: string, decl: Decl) {
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
