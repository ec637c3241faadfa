import type { Decl, TypeExpr } from './types.js';

/** Stripe expands at most four levels deep (`a.b.c.d`). */
const MAX_DEPTH = 4;
/** Beyond this many paths a union stops helping anyone; deeper levels are left out rather than the type exploding. */
const MAX_PATHS = 400;

/**
 * The expandable paths of a resource type, from `x-expandableFields` / `x-expansionResources`:
 * `last_verification_report`, and through expanded objects `a.b` up to Stripe's depth, as far as
 * the list stays readable. Breadth first, so a cut drops the deepest paths.
 */
export function expandPaths(root: Decl, index: Map<string, Decl>): string[] {
  const paths: string[] = [];
  let frontier: { prefix: string; decl: Decl }[] = [{ prefix: '', decl: root }];
  for (let depth = 1; depth <= MAX_DEPTH && frontier.length > 0; depth++) {
    const level: string[] = [];
    const next: { prefix: string; decl: Decl }[] = [];
    for (const { prefix, decl } of frontier) {
      if (decl.body.kind !== 'interface') continue;
      for (const p of decl.body.properties) {
        const path = `${prefix}${p.name}`;
        if (p.expandsTo && p.expandsTo.length > 0) {
          level.push(path);
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
    if (paths.length + level.length > MAX_PATHS && depth > 1) break;
    paths.push(...level);
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
