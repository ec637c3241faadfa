import { SdkgenError } from '../errors.js';
import type { OpenApiDocument, Schema } from '../load/openapi-types.js';
import { singular, typeName } from './naming.js';
import { pointerJoin } from '../load/json-pointer.js';
import { resolveRef, schemaKeyOf } from './refs.js';
import { isRootSchema, resourceTypeNames, rootNameOf, type RootName } from './schema-roots.js';
import { sharedParamsName } from './shared-params.js';
import type { Decl, Property, TypeExpr } from './types.js';

export type Direction = 'request' | 'response';

/** Where a field lives in the spec, and where its schema does, when they are not one pointer apart. */
export interface FieldPointers {
  property: string;
  schema: string;
}

interface Context {
  owner: Decl;
  /** The name a nested declaration made here would take (from the property name). */
  hint: string;
  pointer: string;
  direction: Direction;
}

/**
 * Turns schemas into type expressions and declarations. A declaration is registered before its body
 * is built, so a schema that reaches itself becomes a reference, not an endless recursion.
 */
export class TypeBuilder {
  private readonly decls = new Map<string, Decl>();
  /** Component schema key → the declaration made from it (one per schema, wherever first used). */
  private readonly declOfSchema = new Map<string, string>();
  private readonly roots: Decl[] = [];
  /** Request shapes declared once (`AddressParam`), by name. */
  private readonly sharedParamsDecls = new Map<string, Decl>();
  /** The type names of the API resources, decided once for the document. */
  private readonly resourceNames: Map<string, RootName>;
  /**
   * Schemas being inlined right now (they have no declaration of their own to refer to): meeting one
   * of them again is a cycle TypeScript cannot express, such as `A = A | string`.
   */
  private readonly inlining: { ref: string; pointer: string }[] = [];

  constructor(private readonly document: OpenApiDocument) {
    this.resourceNames = resourceTypeNames(document);
  }

  get rootDecls(): Decl[] {
    return [...this.roots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): Decl | undefined {
    return this.decls.get(id);
  }

  /** The root declaration for a component schema such as `identity.verification_session`. */
  rootForSchema(key: string): Decl {
    const existing = this.declOfSchema.get(key);
    if (existing) return this.decls.get(existing)!;
    const pointer = pointerJoin('#/components/schemas', key);
    const schema = resolveRef<Schema>(this.document, pointer, pointer);
    const { namespace, name } = this.resourceNames.get(key) ?? rootNameOf(key, schema);
    const decl = this.newRoot(namespace, name, pointer, schema.description ?? '', `types/${[...namespace, name].join('/')}`);
    decl.schemaKey = key;
    this.declOfSchema.set(key, decl.id);
    decl.body = this.declBody(schema, decl, 'response', pointer);
    return decl;
  }

  /** A root declaration that does not come from a component schema, such as a params type. */
  newRoot(namespace: string[], name: string, pointer: string, description: string, module: string): Decl {
    let id = [...namespace, name].join('.');
    for (let n = 2; this.decls.has(id); n++) id = [...namespace, `${name}${n}`].join('.');
    const finalName = id.split('.').pop()!;
    const decl: Decl = {
      id,
      name: finalName,
      scope: namespace,
      rootId: id,
      body: { kind: 'interface', properties: [] },
      description,
      pointer,
      children: [],
      module,
    };
    this.decls.set(id, decl);
    this.roots.push(decl);
    return decl;
  }

  /**
   * An owner for the nested types of an inline response (a list's items, say) that becomes a root
   * declaration only if something is actually declared under it.
   */
  lazyRoot(namespace: string[], name: string, pointer: string, module: string): Decl {
    const id = [...namespace, name].join('.');
    return { id, name, scope: namespace, rootId: id, body: { kind: 'interface', properties: [] }, description: '', pointer, children: [], module };
  }

  private adopt(lazy: Decl): Decl {
    if (this.decls.get(lazy.id) === lazy) return lazy;
    const root = this.newRoot(lazy.scope, lazy.name, lazy.pointer, lazy.description, lazy.module ?? '');
    Object.assign(lazy, root);
    this.decls.set(lazy.id, lazy);
    this.roots[this.roots.indexOf(root)] = lazy;
    return lazy;
  }

  /**
   * Properties of an object schema, in the order stripe-node prints them. `located` gives a property
   * that is not under `pointer` in the spec (a query parameter) its own pointer and its schema's.
   */
  properties(schema: Schema, owner: Decl, direction: Direction, pointer: string, located?: (name: string) => FieldPointers | undefined): Property[] {
    const required = new Set(schema.required ?? []);
    const expandable = new Set(schema['x-expandableFields'] ?? []);
    const entries = Object.entries(schema.properties ?? {});
    const props = entries.map(([name, propSchema]): Property => {
      const own = located?.(name);
      const propPointer = own?.property ?? pointerJoin(pointer, 'properties', name);
      const property: Property = {
        name,
        type: this.typeOf(propSchema, { owner, hint: name, pointer: own?.schema ?? propPointer, direction }),
        // Stripe always sends a nullable response field (as null), so only requests treat it as optional.
        optional: !required.has(name) && !(direction === 'response' && propSchema.nullable === true),
        description: propSchema.description ?? '',
        deprecated: Boolean(propSchema.deprecated),
        pointer: propPointer,
      };
      if (this.isInteger(propSchema, own?.schema ?? propPointer)) property.integer = true;
      if (propSchema.format === 'unix-time') property.format = 'unix-time';
      const expansions = propSchema['x-expansionResources']?.oneOf;
      if (expandable.has(name) && expansions) {
        property.expandsTo = expansions
          .map((s) => (s.$ref ? schemaKeyOf(s.$ref) : undefined))
          .filter((key): key is string => key !== undefined)
          .map((key) => this.rootForSchema(key).id);
      }
      return property;
    });
    return props.sort(propertyOrder);
  }

  /** `integer`, directly or as a variant or item of the schema (`anyOf [integer, enum [""]]`). */
  private isInteger(schema: Schema, pointer: string): boolean {
    const own = schema.$ref ? resolveRef<Schema>(this.document, schema.$ref, pointer) : schema;
    const integer = (s: Schema) => s.type === 'integer';
    return integer(own) || Boolean(own.anyOf?.some(integer)) || Boolean(own.oneOf?.some(integer)) || (own.items ? integer(own.items) : false);
  }

  typeOf(schema: Schema, ctx: Context): TypeExpr {
    const type = this.baseTypeOf(schema, ctx);
    return schema.nullable ? union([type, { kind: 'null' }]) : type;
  }

  private baseTypeOf(schema: Schema, ctx: Context): TypeExpr {
    if (schema.$ref) return this.refType(schema.$ref, ctx);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return this.variantsType(variants, ctx, schema.anyOf ? 'anyOf' : 'oneOf');
    if (schema.allOf) {
      if (schema.allOf.length === 1) return this.typeOf(schema.allOf[0]!, { ...ctx, pointer: pointerJoin(ctx.pointer, 'allOf', 0) });
      return this.nestedDecl(mergeAllOf(schema.allOf, this.document, ctx.pointer, [ctx.pointer]), ctx);
    }
    if (schema.enum) return this.enumType(schema, ctx);
    switch (schema.type) {
      case 'string':
        // A file's bytes in an upload: whatever a user holds a file as (see the runtime's `FileUpload`).
        if (schema.format === 'binary' && ctx.direction === 'request') return { kind: 'shared', name: 'FileUpload' };
        return { kind: 'primitive', name: 'string' };
      case 'integer':
      case 'number':
        return { kind: 'primitive', name: 'number' };
      case 'boolean':
        return { kind: 'primitive', name: 'boolean' };
      case 'array':
        return {
          kind: 'array',
          items: schema.items
            ? this.typeOf(schema.items, { ...ctx, hint: singular(ctx.hint), pointer: pointerJoin(ctx.pointer, 'items') })
            : { kind: 'primitive', name: 'unknown' },
        };
      case 'object':
      case undefined:
        return this.objectType(schema, ctx);
      default:
        throw new SdkgenError(`unknown schema type '${String(schema.type)}'`, { where: ctx.pointer });
    }
  }

  private objectType(schema: Schema, ctx: Context): TypeExpr {
    const hasProperties = schema.properties !== undefined;
    const additional = schema.additionalProperties;
    if (!hasProperties && schema.type === undefined) return { kind: 'primitive', name: 'unknown' };
    if (!hasProperties && typeof additional === 'object') {
      if (ctx.hint === 'metadata' && additional.type === 'string') {
        return { kind: 'shared', name: ctx.direction === 'request' ? 'MetadataParam' : 'Metadata' };
      }
      return { kind: 'map', values: this.typeOf(additional, { ...ctx, pointer: pointerJoin(ctx.pointer, 'additionalProperties') }) };
    }
    if (!hasProperties && additional !== false && schema.title === undefined) {
      return { kind: 'map', values: { kind: 'primitive', name: 'unknown' } };
    }
    if (ctx.direction === 'request' && schema.title === 'range_query_specs') return { kind: 'shared', name: 'RangeQueryParam' };
    const shared = ctx.direction === 'request' ? sharedParamsName(schema) : undefined;
    if (shared) return { kind: 'ref', id: this.sharedParams(shared, schema, ctx.pointer).id };
    return this.nestedDecl(schema, ctx);
  }

  /** A request shape declared once at the top (`AddressParam`), from the first schema that is it. */
  private sharedParams(name: string, schema: Schema, pointer: string): Decl {
    const existing = this.sharedParamsDecls.get(name);
    if (existing) return existing;
    const decl = this.newRoot([], name, pointer, '', `types/${name}`);
    this.sharedParamsDecls.set(name, decl);
    decl.body = this.declBody(schema, decl, 'request', pointer);
    return decl;
  }

  private refType(ref: string, ctx: Context): TypeExpr {
    const key = schemaKeyOf(ref);
    const target = resolveRef<Schema>(this.document, ref, ctx.pointer);
    if (key === undefined) return this.inline(ref, target, { ...ctx, pointer: ref }, ctx.pointer);
    if (isRootSchema(key, target)) return { kind: 'ref', id: this.rootForSchema(key).id };
    const placed = this.declOfSchema.get(key);
    if (placed) return { kind: 'ref', id: placed };
    const pointer = pointerJoin('#/components/schemas', key);
    if (target.allOf && target.allOf.length > 1 && !target.anyOf && !target.oneOf) {
      // Declared under its key before its body is built, so a part that refers back to it is a recursive interface.
      return this.nestedDecl(mergeAllOf(target.allOf, this.document, pointer, [ref]), { ...ctx, pointer }, key);
    }
    const isObject = target.properties !== undefined || (target.type === 'object' && target.additionalProperties === undefined);
    if (!isObject || target.anyOf || target.oneOf) return this.inline(ref, target, { ...ctx, pointer: pointerJoin('#/components/schemas', key) }, ctx.pointer);
    return this.nestedDecl(target, { ...ctx, pointer: pointerJoin('#/components/schemas', key) }, key);
  }

  /** The type of a referenced schema printed in place, refusing a schema that reaches itself that way. */
  private inline(ref: string, target: Schema, ctx: Context, usedAt: string): TypeExpr {
    const start = this.inlining.findIndex((entry) => entry.ref === ref);
    if (start >= 0) {
      const loop = [...this.inlining.slice(start), { ref, pointer: usedAt }];
      throw cycleError(loop.map((entry) => entry.ref), loop.slice(1).map((entry, i) => keywordBetween(loop[i]!.ref, entry.pointer)));
    }
    this.inlining.push({ ref, pointer: usedAt });
    try {
      return this.typeOf(target, ctx);
    } finally {
      this.inlining.pop();
    }
  }

  private variantsType(variants: Schema[], ctx: Context, keyword: 'anyOf' | 'oneOf'): TypeExpr {
    const isEmptyString = (s: Schema) => s.type === 'string' && s.enum?.length === 1 && s.enum[0] === '';
    const kept = variants.map((s, index) => ({ s, index })).filter(({ s }) => !isEmptyString(s));
    const inlineObjects = kept.filter(({ s }) => !s.$ref && (s.properties !== undefined || s.type === 'object'));
    const members = kept.map(({ s, index }) => {
      const hint = inlineObjects.length > 1 && inlineObjects.some((o) => o.s === s) ? variantHint(ctx.hint, s, index) : ctx.hint;
      return this.typeOf(s, { ...ctx, hint, pointer: pointerJoin(ctx.pointer, keyword, index) });
    });
    const inner = union(members);
    return kept.length < variants.length ? { kind: 'emptyable', inner } : inner;
  }

  private enumType(schema: Schema, ctx: Context): TypeExpr {
    const values = (schema.enum ?? []).filter((v): v is string | number | boolean => v !== null);
    // A request enum that takes `''` to unset the field: `Emptyable<Members>`, so `null` unsets it too, as in stripe-node.
    if (ctx.direction === 'request' && values.length > 1 && values.includes('')) {
      return { kind: 'emptyable', inner: this.enumType({ ...schema, enum: values.filter((v) => v !== '') }, ctx) };
    }
    const literals = union(values.map((value) => ({ kind: 'literal', value }) as TypeExpr));
    if (values.length <= 1 || schema.type !== 'string') return literals;
    const decl = this.child(ctx.owner, typeName(ctx.hint), ctx.pointer, schema.description ?? '');
    if (decl.isNew) decl.decl.body = { kind: 'alias', type: literals };
    return { kind: 'ref', id: decl.decl.id };
  }

  private nestedDecl(schema: Schema, ctx: Context, schemaKey?: string): TypeExpr {
    // A component schema whose place-given name is taken by another shape (the second variant of an
    // `anyOf`, say) is named for itself rather than numbered: it may be reused far from here.
    const hinted = typeName(ctx.hint);
    const taken = schemaKey !== undefined && ctx.owner.children.some((c) => c.name === hinted && c.pointer !== ctx.pointer);
    const { decl, isNew } = this.child(ctx.owner, taken ? typeName(schemaKey) : hinted, ctx.pointer, schema.description ?? '');
    if (schemaKey) {
      decl.schemaKey = schemaKey;
      this.declOfSchema.set(schemaKey, decl.id);
    }
    if (isNew) decl.body = this.declBody(schema, decl, ctx.direction, ctx.pointer);
    return { kind: 'ref', id: decl.id };
  }

  private declBody(schema: Schema, decl: Decl, direction: Direction, pointer: string): Decl['body'] {
    const properties = this.properties(schema, decl, direction, pointer);
    const additional = schema.additionalProperties;
    if (typeof additional === 'object' && properties.length > 0) {
      return { kind: 'interface', properties, additional: this.typeOf(additional, { owner: decl, hint: 'value', pointer, direction }) };
    }
    return { kind: 'interface', properties };
  }

  /** A nested declaration under `owner`; the same schema pointer reuses it, a clash of names gets a number. */
  child(owner: Decl, name: string, pointer: string, description: string): { decl: Decl; isNew: boolean } {
    if (owner.rootId === owner.id) this.adopt(owner);
    const safeName = name === owner.name || owner.scope.includes(name) ? `${name}Details` : name;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? safeName : `${safeName}${n}`;
      const existing = owner.children.find((c) => c.name === candidate);
      if (existing?.pointer === pointer) return { decl: existing, isNew: false };
      if (existing) continue;
      const decl: Decl = {
        id: `${owner.id}.${candidate}`,
        name: candidate,
        scope: [...owner.scope, owner.name],
        rootId: owner.rootId,
        body: { kind: 'interface', properties: [] },
        description,
        pointer,
        children: [],
      };
      owner.children.push(decl);
      this.decls.set(decl.id, decl);
      return { decl, isNew: true };
    }
  }
}

function variantHint(hint: string, schema: Schema, index: number): string {
  return schema.title ? schema.title : `${hint}_${index + 1}`;
}

/** `id` and `object` first, then required before optional, then by name: stable and easy to scan. */
function propertyOrder(a: Property, b: Property): number {
  const rank = (p: Property) => (p.name === 'id' ? 0 : p.name === 'object' ? 1 : p.optional ? 3 : 2);
  return rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function union(members: TypeExpr[]): TypeExpr {
  const flat: TypeExpr[] = [];
  const seen = new Set<string>();
  for (const member of members.flatMap((m) => (m.kind === 'union' ? m.members : [m]))) {
    const key = memberKey(member);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(member);
  }
  if (flat.length === 1) return flat[0]!;
  // `null` last, as people write it.
  flat.sort((a, b) => Number(a.kind === 'null') - Number(b.kind === 'null'));
  return { kind: 'union', members: flat };
}

/**
 * Equal for equal members, as their JSON is. Enums make most members literals and refs: those are
 * keyed without serialising them (a whole-API model makes about 40,000 union members).
 */
function memberKey(member: TypeExpr): string {
  switch (member.kind) {
    case 'literal':
      // JSON's spelling of a number, so that keys are equal exactly when the JSON would be.
      return typeof member.value === 'string' ? `s${member.value}` : `v${JSON.stringify(member.value)}`;
    case 'ref':
      return `r${member.id}`;
    case 'primitive':
      return `p${member.name}`;
    case 'null':
      return 'n';
    default:
      // Starts with `{`, so never equal to a key above.
      return JSON.stringify(member);
  }
}

/**
 * The parts of an `allOf` as one object schema, parts that are `allOf`s themselves included. `chain`
 * holds the schemas being merged: a part that is one of them again is a cycle no type can express.
 */
function mergeAllOf(parts: Schema[], document: OpenApiDocument, pointer: string, chain: string[]): Schema {
  let properties: Record<string, Schema> = {};
  const required: string[] = [];
  let description: string | undefined;
  for (const [index, part] of parts.entries()) {
    let schema = part;
    let partChain = chain;
    if (part.$ref) {
      const seen = chain.indexOf(part.$ref);
      if (seen >= 0) throw cycleError([...chain.slice(seen), part.$ref], ['allOf']);
      schema = resolveRef<Schema>(document, part.$ref, pointerJoin(pointer, 'allOf', index));
      partChain = [...chain, part.$ref];
    }
    if (schema.allOf) schema = { ...mergeAllOf(schema.allOf, document, partChain.at(-1)!, partChain), description: schema.description };
    // Spread, not Object.assign: a property named `__proto__` must stay a property.
    properties = { ...properties, ...schema.properties };
    required.push(...(schema.required ?? []));
    description ??= schema.description;
  }
  return { type: 'object', properties, required, ...(description === undefined ? {} : { description }) };
}

/** `schema cycle through allOf: #/components/schemas/A → B → A`: component schemas after the first by name. */
function cycleError(refs: string[], keywords: string[]): SdkgenError {
  const names = refs.map((ref, i) => (i === 0 ? ref : (schemaKeyOf(ref) ?? ref)));
  const through = [...new Set(keywords)].join('/');
  return new SdkgenError(`schema cycle through ${through}: ${names.join(' → ')}`);
}

/** How the schema at `from` reaches the `$ref` used at `usedAt`: `$ref`, or the keyword in between (`anyOf`, `items`...). */
function keywordBetween(from: string, usedAt: string): string {
  if (!usedAt.startsWith(`${from}/`)) return '$ref';
  const keyword = usedAt.slice(from.length + 1).split('/').find((segment) => ['allOf', 'anyOf', 'oneOf', 'items', 'additionalProperties', 'not'].includes(segment));
  return keyword ?? '$ref';
}
