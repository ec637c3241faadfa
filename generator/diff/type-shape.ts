import { printType } from '../emit/typescript/type-expr.js';
import type { Decl, TypeExpr } from '../model/types.js';

/** Looks a declaration up by id, in one model. */
export type DeclLookup = (id: string) => Decl | undefined;

/** A field's type with the two wrappers the diff reports on their own taken off. */
export interface Unwrapped {
  type: TypeExpr;
  nullable: boolean;
  /** Stripe's `anyOf [X, enum [""]]`: `Emptyable<X>`. */
  emptyable: boolean;
}

export function unwrap(type: TypeExpr): Unwrapped {
  let nullable = false;
  let emptyable = false;
  let current = type;
  for (;;) {
    if (current.kind === 'union' && current.members.some((m) => m.kind === 'null')) {
      nullable = true;
      const rest = current.members.filter((m) => m.kind !== 'null');
      current = rest.length === 1 ? rest[0]! : { kind: 'union', members: rest };
    } else if (current.kind === 'emptyable') {
      emptyable = true;
      current = current.inner;
    } else {
      return { type: current, nullable, emptyable };
    }
  }
}

/** A declaration that is diffed on its own, by id: a top-level type made from a component schema. */
export function isComponentRoot(decl: Decl): boolean {
  return decl.rootId === decl.id && decl.schemaKey !== undefined;
}

/**
 * The skeleton of a type: what must match for two types to be "the same type" whose insides are then
 * compared. Nested object declarations and enums stand for their kind only (their contents are
 * compared field by field and value by value); top-level types stand for their id.
 */
export function shapeOf(type: TypeExpr, decls: DeclLookup): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'shared':
      return type.name;
    case 'literal':
      return 'enum';
    case 'null':
      return 'null';
    case 'array':
      return `array<${shapeOf(type.items, decls)}>`;
    case 'map':
      return `map<${shapeOf(type.values, decls)}>`;
    case 'emptyable':
      return `emptyable<${shapeOf(type.inner, decls)}>`;
    case 'union': {
      // Enum members count once: adding a value is an enum change, not a new union member.
      const parts: string[] = [];
      for (const member of type.members) {
        const shape = shapeOf(member, decls);
        if (shape !== 'enum' || !parts.includes('enum')) parts.push(shape);
      }
      return parts.join('|');
    }
    case 'ref': {
      const decl = decls(type.id);
      // Worked out by the generator (expand paths): the spec says `string`, so that is what is compared.
      if (decl?.derived) return 'string';
      if (!decl || isComponentRoot(decl)) return `ref:${type.id}`;
      if (decl.body.kind === 'alias') return enumValues(decl.body.type, decls) ? 'enum' : shapeOf(decl.body.type, decls);
      return 'object';
    }
  }
}

/** The values of an enum type (inline literals or a named enum), or undefined for any other type. */
export function enumValues(type: TypeExpr, decls: DeclLookup): (string | number | boolean)[] | undefined {
  if (type.kind === 'literal') return [type.value];
  if (type.kind === 'union' && type.members.every((m) => m.kind === 'literal')) {
    return type.members.map((m) => (m as { value: string | number | boolean }).value);
  }
  if (type.kind === 'ref') {
    const decl = decls(type.id);
    if (decl && !decl.derived && !isComponentRoot(decl) && decl.body.kind === 'alias') return enumValues(decl.body.type, decls);
  }
  return undefined;
}

/** A type as the generated package prints it, declarations by their qualified id. */
export function printed(type: TypeExpr): string {
  return printType(type, (id) => id);
}

export type Relation = 'same' | 'wider' | 'narrower' | 'different';

/** Whether `after` accepts every value of `before` (wider), the reverse (narrower), both, or neither. */
export function relation(before: TypeExpr, after: TypeExpr, oldDecls: DeclLookup, newDecls: DeclLookup): Relation {
  const a = { type: before, decls: oldDecls };
  const b = { type: after, decls: newDecls };
  const aInB = accepts(b, a);
  const bInA = accepts(a, b);
  if (aInB && bInA) return 'same';
  if (aInB) return 'wider';
  if (bInA) return 'narrower';
  return 'different';
}

interface Typed {
  type: TypeExpr;
  decls: DeclLookup;
}

/**
 * Whether every value of `value` is a value of `target`, structurally: through arrays and maps, so
 * `Array<string>` → `Array<Emptyable<string>>` widens as `string` → `Emptyable<string>` does.
 */
function accepts(target: Typed, value: Typed): boolean {
  const targets = alternatives(target);
  return alternatives(value).every((v) => targets.some((t) => covers(t, v)));
}

/** The members of a type as a union: enums as their literals, `Emptyable<X>` as `null | '' | X`. */
function alternatives({ type, decls }: Typed): Typed[] {
  const values = enumValues(type, decls);
  if (values) return values.map((value) => ({ type: { kind: 'literal', value }, decls }));
  if (type.kind === 'union') return type.members.flatMap((m) => alternatives({ type: m, decls }));
  if (type.kind === 'emptyable') {
    return [{ type: { kind: 'null' }, decls }, { type: { kind: 'literal', value: '' }, decls }, ...alternatives({ type: type.inner, decls })];
  }
  return [{ type, decls }];
}

function covers(target: Typed, value: Typed): boolean {
  const [t, v] = [target.type, value.type];
  if (t.kind === 'primitive' && t.name === 'unknown') return true;
  if (v.kind === 'literal') return (t.kind === 'literal' && t.value === v.value) || (t.kind === 'primitive' && t.name === typeof v.value);
  if (v.kind === 'array' && t.kind === 'array') return accepts({ ...target, type: t.items }, { ...value, type: v.items });
  if (v.kind === 'map' && t.kind === 'map') return accepts({ ...target, type: t.values }, { ...value, type: v.values });
  return shapeOf(t, target.decls) === shapeOf(v, value.decls);
}
