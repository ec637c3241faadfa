import type { Decl, TypeExpr } from './types.js';

/**
 * How deep the typed paths go (`a.b.c`). Stripe expands up to four levels, but a fourth level would
 * quadruple the unions (32,649 paths over the v524 spec instead of 7,638) for paths nobody types by
 * hand. The depth is fixed, never cut by a count: a resource's paths depend only on the resources
 * they pass through, so a change elsewhere in the spec cannot drop or add a whole level of them.
 */
export const EXPAND_DEPTH = 3;

/**
 * The expandable paths of a resource type, from `x-expandableFields` / `x-expansionResources`:
 * `last_verification_report`, through sub-objects (`invoice_settings.default_payment_method`) and
 * through expanded objects (`customer.default_source`), up to `EXPAND_DEPTH` levels.
 */
export function expandPaths(root: Decl, index: Map<string, Decl>): string[] {
  const paths: string[] = [];
  let frontier: { prefix: string; decl: Decl }[] = [{ prefix: '', decl: root }];
  for (let depth = 1; depth <= EXPAND_DEPTH && frontier.length > 0; depth++) {
    const next: { prefix: string; decl: Decl }[] = [];
    for (const { prefix, decl } of frontier) {
      if (decl.body.kind !== 'interface') continue;
      for (const p of decl.body.properties) {
        const path = `${prefix}${p.name}`;
        if (p.expandsTo && p.expandsTo.length > 0) {
          paths.push(path);
          for (const id of p.expandsTo) {
            const target = index.get(id);
            if (target) next.push({ prefix: `${path}.`, decl: target });
          }
          continue;
        }
        // Expandable fields inside a sub-object are expanded through it: `invoice_settings.default_payment_method`.
        for (const id of nestedDecls(p.type)) {
          const target = index.get(id);
          if (target && target.rootId === decl.rootId) next.push({ prefix: `${path}.`, decl: target });
        }
      }
    }
    frontier = next;
  }
  return [...new Set(paths)].sort();
}

function nestedDecls(type: TypeExpr): string[] {
  switch (type.kind) {
    case 'ref':
      return [type.id];
    case 'array':
      return nestedDecls(type.items);
    case 'union':
      return type.members.flatMap(nestedDecls);
    case 'emptyable':
      return nestedDecls(type.inner);
    default:
      return [];
  }
}

export function literalUnion(values: string[]): TypeExpr {
  return values.length === 1 ? { kind: 'literal', value: values[0]! } : { kind: 'union', members: values.map((value) => ({ kind: 'literal', value })) };
}
