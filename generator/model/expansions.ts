import type { Decl, TypeExpr } from './types.js';

/**
 * How deep the typed paths go (`a.b.c`). Stripe expands up to four levels, but a fourth level would
 * quadruple the unions (32,649 paths over the v524 spec instead of 7,638) for paths nobody types by
 * hand. The depth is fixed, never cut by a count: a resource's paths depend only on the resources
 * they pass through, so a change elsewhere in the spec cannot drop or add a whole level of them.
 */
export const EXPAND_DEPTH = 3;

/** Paths below one declaration, by how many levels they may go: shared by every resource that reaches it. */
export type ExpandPathMemo = Map<Decl, (string[] | undefined)[]>;

/**
 * The expandable paths of a resource type, from `x-expandableFields` / `x-expansionResources`:
 * `last_verification_report`, through sub-objects (`invoice_settings.default_payment_method`) and
 * through expanded objects (`customer.default_source`), up to `EXPAND_DEPTH` levels.
 * Pass one `memo` for all the roots of a model: most resources reach the same few (a customer, a
 * payment method), whose paths are then worked out once.
 */
export function expandPaths(root: Decl, index: Map<string, Decl>, memo: ExpandPathMemo = new Map()): string[] {
  return [...pathsBelow(root, EXPAND_DEPTH, index, memo)].sort();
}

/** The paths of `decl` up to `levels` deep, relative to it. */
function pathsBelow(decl: Decl, levels: number, index: Map<string, Decl>, memo: ExpandPathMemo): string[] {
  if (levels === 0 || decl.body.kind !== 'interface') return [];
  let byLevels = memo.get(decl);
  const known = byLevels?.[levels];
  if (known) return known;
  const paths = new Set<string>();
  const through = (name: string, target: Decl) => {
    for (const path of pathsBelow(target, levels - 1, index, memo)) paths.add(`${name}.${path}`);
  };
  for (const p of decl.body.properties) {
    if (p.expandsTo && p.expandsTo.length > 0) {
      paths.add(p.name);
      for (const id of p.expandsTo) {
        const target = index.get(id);
        if (target) through(p.name, target);
      }
      continue;
    }
    // Expandable fields inside a sub-object are expanded through it: `invoice_settings.default_payment_method`.
    forEachNestedDecl(p.type, (id) => {
      const target = index.get(id);
      if (target && target.rootId === decl.rootId) through(p.name, target);
    });
  }
  const found = [...paths];
  if (!byLevels) memo.set(decl, (byLevels = []));
  byLevels[levels] = found;
  return found;
}

function forEachNestedDecl(type: TypeExpr, visit: (id: string) => void): void {
  switch (type.kind) {
    case 'ref':
      return visit(type.id);
    case 'array':
      return forEachNestedDecl(type.items, visit);
    case 'union':
      return type.members.forEach((member) => forEachNestedDecl(member, visit));
    case 'emptyable':
      return forEachNestedDecl(type.inner, visit);
  }
}

export function literalUnion(values: string[]): TypeExpr {
  return values.length === 1 ? { kind: 'literal', value: values[0]! } : { kind: 'union', members: values.map((value) => ({ kind: 'literal', value })) };
}
