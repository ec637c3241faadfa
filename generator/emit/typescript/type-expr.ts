import { tsString } from '../../text/escape.js';
import type { TypeExpr } from '../../model/types.js';

/** How a file refers to a declaration: decided by the file's import plan. */
export type RefPrinter = (id: string) => string;

/** How a file names a shared alias (`Emptyable`, `MetadataParam`): the file's emitter imports it as it is named. */
export type SharedPrinter = (name: string) => string;

/** A model type expression as TypeScript source, in stripe-node's style (`Array<T>`, `Emptyable<T>`). */
export function printType(expr: TypeExpr, ref: RefPrinter, shared: SharedPrinter = (name) => name): string {
  switch (expr.kind) {
    case 'primitive':
      return expr.name;
    case 'null':
      return 'null';
    case 'literal':
      return typeof expr.value === 'string' ? tsString(expr.value) : String(expr.value);
    case 'array':
      return `Array<${printType(expr.items, ref, shared)}>`;
    case 'map':
      return `{ [key: string]: ${printType(expr.values, ref, shared)} }`;
    case 'union':
      return expr.members.map((m) => printType(m, ref, shared)).join(' | ');
    case 'emptyable':
      return `${shared('Emptyable')}<${printType(expr.inner, ref, shared)}>`;
    case 'shared':
      return shared(expr.name);
    case 'ref':
      return ref(expr.id);
  }
}
