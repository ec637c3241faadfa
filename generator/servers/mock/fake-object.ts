import crypto from 'node:crypto';
import { exampleObject, exampleValue, idPrefix, objectNameOf, responsePage } from '../../model/examples.js';
import type { Decl, Operation, TypeExpr } from '../../model/types.js';
import type { FormObject, FormValue } from './form-decode.js';
import { setField } from './own-field.js';

export interface FakeRequest {
  op: Operation;
  index: Map<string, Decl>;
  params: FormObject;
  /** Path parameter values, decoded. */
  pathValues: Record<string, string>;
  /** What makes the answer's ids: the same request always gets the same ids. */
  seed: string;
}

/**
 * An answer shaped by the operation's response schema, with the model's minimal example values
 * (what a new object holds before anything is set: `null` where nullable), the object's id taken from
 * the path (`/v1/x/{id}`) or derived from the request, and the request's own top-level fields echoed
 * where the object has them.
 */
export function fakeResponse(request: FakeRequest): unknown {
  const { op, pathValues, index, seed } = request;
  const pathPath = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  if (op.response.kind !== 'object') {
    return responsePage(op, exampleValue(op.response.type, index, { policy: 'minimal', name: 'data', id: (decl) => seededId(decl, seed) }), pathPath);
  }
  const pathIds = op.pathParams.map((p) => pathValues[p.name]).filter((v): v is string => Boolean(v));
  const pathId = pathIds[pathIds.length - 1];
  const object = exampleValue(op.response.type, index, { policy: 'minimal', name: 'response', id: (decl) => pathId ?? seededId(decl, seed) });
  if (object && typeof object === 'object' && !Array.isArray(object)) echo(object as Record<string, unknown>, op.response.type, request.params, index);
  return object;
}

/** An object of `type` with the given id, its required fields filled with minimal values. */
export function fakeObject(type: TypeExpr, index: Map<string, Decl>, id: string): unknown {
  return exampleValue(type, index, { policy: 'minimal', name: 'response', id: () => id });
}

/** A request value (strings all the way down) as the field's type has it; `undefined` if it does not fit. */
export function coerceParam(expr: TypeExpr, value: FormValue, index: Map<string, Decl>): unknown {
  return coerceTo(expr, value, index);
}

/** The same request always gets the same id: a hash of the object's name and the request. */
function seededId(decl: Decl, seed: string): string {
  const objectName = objectNameOf(decl) ?? decl.name;
  const hash = crypto.createHash('sha256').update(`${objectName}\n${seed}`).digest('base64url').replace(/[-_]/g, '').slice(0, 24);
  return `${idPrefix(objectName)}_${hash}`;
}

/** Copies the request's fields onto the answer where the object has a field of that name. */
function echo(object: Record<string, unknown>, type: TypeExpr, params: FormObject, index: Map<string, Decl>): void {
  const decl = type.kind === 'ref' ? index.get(type.id) : undefined;
  if (!decl || decl.body.kind !== 'interface') return;
  const byName = new Map(decl.body.properties.map((p) => [p.name, p]));
  for (const key of Object.keys(params)) {
    const property = byName.get(key);
    if (!property || key === 'id' || key === 'object') continue;
    const value = coerceTo(property.type, params[key]!, index);
    if (value !== undefined) setField(object, key, value);
  }
}

/** A decoded form value (strings all the way down) as the response type has it. */
function coerceTo(expr: TypeExpr, value: FormValue, index: Map<string, Decl>): unknown {
  if (value === '') return allowsNull(expr) ? null : undefined;
  switch (expr.kind) {
    case 'primitive':
      if (typeof value !== 'string') return undefined;
      return expr.name === 'number' ? Number(value) : expr.name === 'boolean' ? value === 'true' : value;
    case 'literal':
      return value === String(expr.value) ? expr.value : undefined;
    case 'array':
      if (typeof value === 'string') return undefined;
      return Object.keys(value)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => coerceTo(expr.items, value[k]!, index));
    case 'map':
    case 'shared':
      return typeof value === 'string' ? undefined : { ...value };
    case 'emptyable':
      return coerceTo(expr.inner, value, index);
    case 'null':
      return null;
    case 'union': {
      // The first member of the value's shape that takes it: `"passport"` among literals, a hash as an object.
      const structured = typeof value !== 'string';
      for (const member of expr.members) {
        if (member.kind === 'null' || isObjectLike(member, index) !== structured) continue;
        const coerced = coerceTo(member, value, index);
        if (coerced !== undefined) return coerced;
      }
      return undefined;
    }
    case 'ref': {
      const decl = index.get(expr.id);
      if (!decl) return undefined;
      if (decl.body.kind === 'alias') return coerceTo(decl.body.type, value, index);
      if (typeof value === 'string') return undefined;
      // A nested object: its required fields filled, no id of its own.
      const out = exampleObject(decl, index, { policy: 'minimal' });
      for (const key of Object.keys(value)) {
        const property = decl.body.properties.find((p) => p.name === key);
        if (!property) continue;
        const coerced = coerceTo(property.type, value[key]!, index);
        if (coerced !== undefined) setField(out, key, coerced);
      }
      return out;
    }
  }
}

function allowsNull(expr: TypeExpr): boolean {
  return expr.kind === 'null' || (expr.kind === 'union' && expr.members.some(allowsNull));
}

function isObjectLike(expr: TypeExpr, index: Map<string, Decl>): boolean {
  if (expr.kind === 'array' || expr.kind === 'map' || expr.kind === 'shared') return true;
  if (expr.kind === 'ref') return index.get(expr.id)?.body.kind === 'interface';
  return false;
}
