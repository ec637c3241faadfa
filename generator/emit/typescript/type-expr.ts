import { tsString } from '../../text/escape.js';
import type { TypeExpr } from '../../model/types.js';

/** How a file refers to a declaration: decided by the file's import plan. */
export type RefPrinter = (id: string) => string;

/** A model type expression as TypeScript source, in stripe-node's style (`Array<T>`, `Emptyable<T>`). */
export function printType(expr: TypeExpr, ref: RefPrinter): string {
  switch (expr.kind) {
    case 'primitive':
      return expr.name;
    case 'null':
      return 'null';
    case 'literal':
      return typeof expr.value === 'string' ? tsString(expr.value) : String(expr.value);
    case 'array':
      return `Array<${printType(expr.items, ref)}>`;
    case 'map':
      return `{ [key: string]: ${printType(expr.values, ref)} }`;
    case 'union':
      return expr.members.map((m) => printType(m, ref)).join(' | ');
    case 'emptyable':
      return `Emptyable<${printType(expr.inner, ref)}>`;
    case 'shared':
      return expr.name;
    case 'ref':
      return ref(expr.id);
  }
}

/** Every declaration id and shared alias an expression mentions, for import planning. */
export function collectRefs(expr: TypeExpr, ids: Set<string>, shared: Set<string>): void {
  switch (expr.kind) {
    case 'array':
      return collectRefs(expr.items, ids, shared);
    case 'map':
      return collectRefs(expr.values, ids, shared);
    case 'union':
      return expr.members.forEach((m) => collectRefs(m, ids, shared));
    case 'emptyable':
      shared.add('Emptyable');
      return collectRefs(expr.inner, ids, shared);
    case 'shared':
      shared.add(expr.name);
      return;
    case 'ref':
      ids.add(expr.id);
      return;
    default:
      return;
  }
}
