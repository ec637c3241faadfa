import crypto from 'node:crypto';
import { idPrefix } from '../../model/examples.js';
import type { Decl, Operation, TypeExpr } from '../../model/types.js';
import { objectLiteral } from './api-plan.js';
import type { FormObject, FormValue } from './form-decode.js';
import { setField } from './own-field.js';

/** 2023-09-12, the date of the pinned spec: every object is "created" then, so answers are stable. */
export const MOCK_CREATED = 1694476800;
const MAX_DEPTH = 4;

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
 * An answer shaped by the operation's response schema: required fields filled with plain values
 * (`null` where nullable), the object's id taken from the path (`/v1/x/{id}`) or derived from the
 * request, and the request's own top-level fields echoed where the object has them.
 */
export function fakeResponse(request: FakeRequest): unknown {
  const { op, pathValues } = request;
  const pathPath = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  if (op.response.kind !== 'object') {
    const item = new Faker(request.index, request.seed).value(op.response.type, 'data', 0);
    return op.response.kind === 'list'
      ? { object: 'list', data: [item], has_more: false, url: pathPath }
      : { object: 'search_result', data: [item], has_more: false, next_page: null, url: pathPath };
  }
  const pathIds = op.pathParams.map((p) => pathValues[p.name]).filter((v): v is string => Boolean(v));
  const faker = new Faker(request.index, request.seed, pathIds[pathIds.length - 1]);
  const object = faker.value(op.response.type, 'response', 0);
  if (object && typeof object === 'object' && !Array.isArray(object)) echo(object as Record<string, unknown>, op.response.type, request.params, request.index, faker);
  return object;
}

/** An object of `type` with the given id, its required fields filled with plain values. */
export function fakeObject(type: TypeExpr, index: Map<string, Decl>, id: string, seed: string): unknown {
  return new Faker(index, seed, id).value(type, 'response', 0);
}

/** A request value (strings all the way down) as the field's type has it; `undefined` if it does not fit. */
export function coerceParam(expr: TypeExpr, value: FormValue, index: Map<string, Decl>, seed: string): unknown {
  return coerceTo(expr, value, index, new Faker(index, seed));
}

class Faker {
  constructor(
    private readonly index: Map<string, Decl>,
    private readonly seed: string,
    private readonly topId?: string,
  ) {}

  value(expr: TypeExpr, name: string, depth: number): unknown {
    switch (expr.kind) {
      case 'primitive':
        return expr.name === 'string' ? '' : expr.name === 'number' ? (name === 'created' ? MOCK_CREATED : 0) : expr.name === 'boolean' ? false : null;
      case 'literal':
        return expr.value;
      case 'null':
        return null;
      case 'array':
        return [];
      case 'map':
      case 'shared':
        return {};
      case 'emptyable':
        return this.value(expr.inner, name, depth);
      case 'union':
        // Nullable wins (Stripe sends null for what is not set); then the first member.
        return expr.members.some((m) => m.kind === 'null') ? null : this.value(expr.members[0]!, name, depth);
      case 'ref':
        return this.ref(expr.id, name, depth);
    }
  }

  object(decl: Decl, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (decl.body.kind !== 'interface') return out;
    for (const p of decl.body.properties) {
      if (p.optional) continue;
      setField(out, p.name, p.name === 'id' && depth === 0 ? this.id(decl) : this.value(p.type, p.name, depth + 1));
    }
    return out;
  }

  private ref(id: string, name: string, depth: number): unknown {
    const decl = this.index.get(id);
    if (!decl) return null;
    if (decl.body.kind === 'alias') return this.value(decl.body.type, name, depth);
    if (depth > MAX_DEPTH) return {};
    return this.object(decl, depth);
  }

  id(decl: Decl): string {
    if (this.topId) return this.topId;
    const objectName = objectLiteral(decl) ?? decl.name;
    const prefix = idPrefix(objectName);
    const hash = crypto.createHash('sha256').update(`${objectName}\n${this.seed}`).digest('base64url').replace(/[-_]/g, '').slice(0, 24);
    return `${prefix}_${hash}`;
  }
}

/** Copies the request's fields onto the answer where the object has a field of that name. */
function echo(object: Record<string, unknown>, type: TypeExpr, params: FormObject, index: Map<string, Decl>, faker: Faker): void {
  const decl = type.kind === 'ref' ? index.get(type.id) : undefined;
  if (!decl || decl.body.kind !== 'interface') return;
  const byName = new Map(decl.body.properties.map((p) => [p.name, p]));
  for (const key of Object.keys(params)) {
    const property = byName.get(key);
    if (!property || key === 'id' || key === 'object') continue;
    const value = coerceTo(property.type, params[key]!, index, faker);
    if (value !== undefined) setField(object, key, value);
  }
}

/** A decoded form value (strings all the way down) as the response type has it. */
function coerceTo(expr: TypeExpr, value: FormValue, index: Map<string, Decl>, faker: Faker): unknown {
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
        .map((k) => coerceTo(expr.items, value[k]!, index, faker));
    case 'map':
    case 'shared':
      return typeof value === 'string' ? undefined : { ...value };
    case 'emptyable':
      return coerceTo(expr.inner, value, index, faker);
    case 'null':
      return null;
    case 'union': {
      // The first member of the value's shape that takes it: `"passport"` among literals, a hash as an object.
      const structured = typeof value !== 'string';
      for (const member of expr.members) {
        if (member.kind === 'null' || isObjectLike(member, index) !== structured) continue;
        const coerced = coerceTo(member, value, index, faker);
        if (coerced !== undefined) return coerced;
      }
      return undefined;
    }
    case 'ref': {
      const decl = index.get(expr.id);
      if (!decl) return undefined;
      if (decl.body.kind === 'alias') return coerceTo(decl.body.type, value, index, faker);
      if (typeof value === 'string') return undefined;
      const out = faker.object(decl, 1);
      for (const key of Object.keys(value)) {
        const property = decl.body.properties.find((p) => p.name === key);
        if (!property) continue;
        const coerced = coerceTo(property.type, value[key]!, index, faker);
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
