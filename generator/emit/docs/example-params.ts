import { stringExample } from '../../model/examples.js';
import type { Decl, Operation, TypeExpr } from '../../model/types.js';

/**
 * A small, valid params object for snippets: every required field, plus `metadata` where the
 * operation takes it (the docs' usual `order_id` example).
 */
export function exampleParams(op: Operation, index: Map<string, Decl>): Record<string, unknown> {
  const decl = op.params?.decl;
  if (!decl || decl.body.kind !== 'interface') return {};
  // Built as entries: a field named `__proto__` must stay a field.
  const entries: [string, unknown][] = [];
  for (const p of decl.body.properties) {
    if (!p.optional) entries.push([p.name, exampleValue(p.type, p.name, index, 0)]);
    else if (p.name === 'metadata') entries.push(['metadata', { order_id: '6735' }]);
  }
  return Object.fromEntries(entries);
}

/** A URL, an email, a currency... where the name says which; otherwise `<name>_example`. */
function stringParam(name: string): string {
  const known = name === 'id' || name === 'client_secret' ? name : stringExample(name, undefined);
  return known === name ? `${name}_example` : known;
}

function exampleValue(expr: TypeExpr, name: string, index: Map<string, Decl>, depth: number): unknown {
  switch (expr.kind) {
    case 'primitive':
      return expr.name === 'string' ? stringParam(name) : expr.name === 'number' ? 1 : expr.name === 'boolean' ? true : '';
    case 'literal':
      return expr.value;
    case 'null':
      return null;
    case 'array':
      return [exampleValue(expr.items, name, index, depth + 1)];
    case 'shared':
      // A file as stripe-node takes one; a real call passes its bytes or a stream as `data`.
      if (expr.name === 'FileUpload') return { data: 'file contents', name: 'document.pdf', type: 'application/pdf' };
      return { key: 'value' };
    case 'map':
      return { key: 'value' };
    case 'union':
      return exampleValue(expr.members.find((m) => m.kind !== 'null') ?? expr.members[0]!, name, index, depth);
    case 'emptyable':
      return exampleValue(expr.inner, name, index, depth);
    case 'ref': {
      const decl = index.get(expr.id);
      if (!decl || depth > 4) return {};
      if (decl.body.kind === 'alias') return exampleValue(decl.body.type, name, index, depth);
      return Object.fromEntries(decl.body.properties.filter((p) => !p.optional).map((p) => [p.name, exampleValue(p.type, p.name, index, depth + 1)]));
    }
  }
}
