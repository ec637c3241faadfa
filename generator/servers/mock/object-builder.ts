import crypto from 'node:crypto';
import type { Decl, Property, TypeExpr } from '../../model/types.js';
import { idPrefix } from '../../model/examples.js';
import { coerceParam, fakeObject } from './fake-object.js';
import type { FormObject } from './form-decode.js';
import type { StoredObject } from './object-store.js';
import { setField } from './own-field.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes drawn in blocks: one system call per few hundred ids instead of one per id. */
class RandomPool {
  private block = Buffer.alloc(0);
  private at = 0;

  take(count: number): Buffer {
    if (this.at + count > this.block.length) {
      this.block = crypto.randomBytes(Math.max(8192, count));
      this.at = 0;
    }
    const out = this.block.subarray(this.at, this.at + count);
    this.at += count;
    return out;
  }
}

const pool = new RandomPool();

/** Random letters and digits, as in Stripe's ids. */
export function randomToken(length = 24): string {
  const bytes = pool.take(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[bytes[i]! % 62];
  return out;
}

export function newId(objectName: string): string {
  return `${idPrefix(objectName)}_${randomToken()}`;
}

/**
 * A new object of the response type: its required fields filled from the schema, then the request's
 * params applied where the object has a field of that name; `created` is now, `livemode` false.
 */
export function buildObject(type: TypeExpr, decl: Decl, index: Map<string, Decl>, id: string, params: FormObject, now: number): StoredObject {
  const object = fakeObject(type, index, id) as StoredObject;
  mergeParams(object, decl, params, index);
  if ('created' in object) object.created = now;
  if ('livemode' in object) object.livemode = false;
  return object;
}

const NOT_FIELDS = new Set(['id', 'object', 'expand', 'created', 'livemode']);

/**
 * Applies params onto an object as Stripe's updates do: hashes merge into what is there, a map such
 * as `metadata` merges key by key (`''` removes a key, `metadata=''` empties it), `''` unsets a field.
 * Mutates `target`, copying any nested object it changes (stored objects are never changed in place).
 */
export function mergeParams(target: StoredObject, decl: Decl, params: FormObject, index: Map<string, Decl>): void {
  if (decl.body.kind !== 'interface') return;
  for (const key of Object.keys(params)) {
    if (NOT_FIELDS.has(key)) continue;
    const property = fieldsOf(decl).get(key);
    if (!property) continue;
    const value = params[key]!;
    const existing = target[key];
    if (isMapLike(property.type, index)) {
      if (value === '') setField(target, key, {});
      else if (typeof value !== 'string') {
        const next: StoredObject = isPlainObject(existing) ? { ...existing } : {};
        for (const [k, v] of Object.entries(value)) {
          if (v === '') delete next[k];
          // A key such as `__proto__` is kept as data, as Stripe keeps it.
          else if (typeof v === 'string') Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        setField(target, key, next);
      }
      continue;
    }
    const sub = objectDecl(property.type, index);
    if (sub && typeof value !== 'string' && isPlainObject(existing) && !Object.keys(value).every((k) => /^\d+$/.test(k))) {
      const copy = { ...existing };
      mergeParams(copy, sub, value, index);
      setField(target, key, copy);
      continue;
    }
    const coerced = coerceParam(property.type, value, index);
    if (coerced !== undefined) setField(target, key, coerced);
    else if (value === '') setField(target, key, null);
  }
}

const fieldIndex = new WeakMap<Decl, Map<string, Property>>();

/** A declaration's fields by name (kept beside the declaration, which lives as long as the model). */
function fieldsOf(decl: Decl): Map<string, Property> {
  let fields = fieldIndex.get(decl);
  if (!fields) {
    fields = new Map(decl.body.kind === 'interface' ? decl.body.properties.map((p) => [p.name, p]) : []);
    fieldIndex.set(decl, fields);
  }
  return fields;
}

export function isPlainObject(value: unknown): value is StoredObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMapLike(type: TypeExpr, index: Map<string, Decl>): boolean {
  switch (type.kind) {
    case 'map':
    case 'shared':
      return true;
    case 'emptyable':
      return isMapLike(type.inner, index);
    case 'union':
      return type.members.some((m) => m.kind !== 'null' && isMapLike(m, index)) && type.members.every((m) => m.kind === 'null' || isMapLike(m, index));
    case 'ref': {
      const decl = index.get(type.id);
      return decl?.body.kind === 'alias' ? isMapLike(decl.body.type, index) : false;
    }
    default:
      return false;
  }
}

/** The interface a field holds (through nullable unions and aliases), if it holds one. */
export function objectDecl(type: TypeExpr, index: Map<string, Decl>): Decl | undefined {
  switch (type.kind) {
    case 'emptyable':
      return objectDecl(type.inner, index);
    case 'union':
      for (const member of type.members) {
        const found = objectDecl(member, index);
        if (found) return found;
      }
      return undefined;
    case 'ref': {
      const decl = index.get(type.id);
      if (!decl) return undefined;
      return decl.body.kind === 'alias' ? objectDecl(decl.body.type, index) : decl;
    }
    default:
      return undefined;
  }
}

/** The literal values of a field's type (a `status` enum). */
export function enumValues(type: TypeExpr, index: Map<string, Decl>): string[] {
  switch (type.kind) {
    case 'literal':
      return typeof type.value === 'string' ? [type.value] : [];
    case 'union':
      return type.members.flatMap((m) => enumValues(m, index));
    case 'ref': {
      const decl = index.get(type.id);
      return decl?.body.kind === 'alias' ? enumValues(decl.body.type, index) : [];
    }
    default:
      return [];
  }
}
