import type { TypeExpr } from '../model/types.js';
import { enumValues, isComponentRoot, type DeclLookup } from './type-shape.js';

/** Enums with more values than this read as `enum` alone, as stripe-node's changelog writes long ones. */
const SPELLED_ENUM_VALUES = 5;

/**
 * A type in the notation of stripe-node's changelog: `string`, `array(string)`, `emptyStringable(string)`,
 * `literal('card')`, `enum('document'|'id_number') | null`, `Identity.VerificationSession.Options`.
 * Declarations go by the qualified name the package gives them; expand paths, which the spec types as strings, are `string`.
 */
export function notation(type: TypeExpr, decls: DeclLookup): string {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'unknown' ? 'any' : type.name;
    case 'null':
      return 'null';
    case 'literal':
      return enumNotation([type.value]);
    case 'array':
      return `array(${notation(type.items, decls)})`;
    case 'map':
      return `map(${notation(type.values, decls)})`;
    case 'emptyable':
      return `emptyStringable(${notation(type.inner, decls)})`;
    case 'shared':
      return type.name;
    case 'union': {
      const literals = type.members.filter((m) => m.kind === 'literal').map((m) => (m as { value: string | number | boolean }).value);
      const rest = type.members.filter((m) => m.kind !== 'literal').map((m) => notation(m, decls));
      return [...(literals.length ? [enumNotation(literals)] : []), ...rest].join(' | ');
    }
    case 'ref': {
      const decl = decls(type.id);
      if (!decl) return type.id;
      if (decl.derived) return 'string';
      const values = isComponentRoot(decl) ? undefined : enumValues(type, decls);
      if (values) return enumNotation(values);
      if (decl.body.kind === 'alias' && !isComponentRoot(decl)) return notation(decl.body.type, decls);
      return decl.id;
    }
  }
}

function enumNotation(values: (string | number | boolean)[]): string {
  const quoted = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  if (values.length === 1) return `literal(${quoted[0]})`;
  return values.length <= SPELLED_ENUM_VALUES ? `enum(${quoted.join('|')})` : 'enum';
}
