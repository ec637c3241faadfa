import { SdkgenError } from '../errors.js';
import { pointerJoin } from './json-pointer.js';
import { HTTP_METHODS } from './openapi-types.js';

/**
 * Checks that the parts of the document sdkgen reads have the JSON types OpenAPI 3.0 gives them, so
 * that a spec with `paths` as a list, `parameters` as a string or a schema that is `true` is refused
 * with the pointer of the first such value, instead of crashing somewhere in the model or an emitter.
 * Only types are checked here; meaning (dangling refs, cycles) is checked where it is used.
 */
export function checkShape(document: Record<string, unknown>): void {
  new ShapeCheck().document(document);
}

type Json = unknown;
const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);
const STRING_KEYWORDS = ['title', 'description', 'format', 'x-resourceId'];

function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}` : `${typeof value} ${String(value)}`;
}

function refuse(at: Segments, expected: string, value: Json): never {
  const segments: (string | number)[] = [];
  for (let step: Segments | undefined = at; step; step = step.up) segments.push(step.key);
  throw new SdkgenError(`expected ${expected}, found ${kindOf(value)}`, { where: pointerJoin('#', ...segments.reverse()) });
}

/**
 * Where the check is, as a chain of pointer segments back to the root: a step down costs one small
 * object, not a copy of the path, and the pointer string is only built for an error.
 */
interface Segments {
  readonly up?: Segments;
  readonly key: string | number;
}

function down(at: Segments | undefined, ...keys: (string | number)[]): Segments {
  let step = at;
  for (const key of keys) step = { up: step, key };
  return step!;
}

/** A place from the document's root. */
function top(...keys: (string | number)[]): Segments {
  return down(undefined, ...keys);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ShapeCheck {
  /** A schema shared by YAML aliases is checked once. */
  private readonly seen = new Set<object>();

  document(doc: Record<string, Json>): void {
    if (doc.info !== undefined) {
      const info = this.object(doc.info, top('info'));
      this.optionalString(info, 'title', top('info'));
      this.optionalString(info, 'description', top('info'));
      if (info.version !== undefined && typeof info.version !== 'string' && typeof info.version !== 'number') refuse(top('info', 'version'), 'a string', info.version);
    }
    if (doc.servers !== undefined) {
      this.list(doc.servers, top('servers')).forEach((server, i) => this.optionalString(this.object(server, top('servers', i)), 'url', top('servers', i)));
    }
    for (const [path, item] of Object.entries(this.object(doc.paths, top('paths')))) this.pathItem(item, top('paths', path));
    if (doc.components !== undefined) {
      const components = this.object(doc.components, top('components'));
      for (const kind of ['schemas', 'parameters', 'requestBodies', 'responses']) {
        if (components[kind] === undefined) continue;
        for (const [name, value] of Object.entries(this.object(components[kind], top('components', kind)))) {
          const at = top('components', kind, name);
          if (kind === 'schemas') this.schema(value, at);
          else if (kind === 'parameters') this.parameter(value, at);
          else if (kind === 'requestBodies') this.content(this.object(value, at), at);
          else this.response(value, at);
        }
      }
    }
  }

  private pathItem(value: Json, at: Segments): void {
    const item = this.object(value, at);
    if (item.parameters !== undefined) this.parameters(item.parameters, down(at, 'parameters'));
    for (const method of HTTP_METHODS) {
      if (item[method] !== undefined) this.operation(item[method], down(at, method));
    }
  }

  private operation(value: Json, at: Segments): void {
    const op = this.object(value, at);
    for (const key of ['operationId', 'summary', 'description']) this.optionalString(op, key, at);
    if (op.parameters !== undefined) this.parameters(op.parameters, down(at, 'parameters'));
    if (op.requestBody !== undefined) {
      const bodyAt = down(at, 'requestBody');
      const body = this.object(op.requestBody, bodyAt);
      if (!this.isRef(body, bodyAt)) this.content(body, bodyAt);
    }
    if (op.responses !== undefined) {
      for (const [code, response] of Object.entries(this.object(op.responses, down(at, 'responses')))) this.response(response, down(at, 'responses', code));
    }
  }

  private parameters(value: Json, at: Segments): void {
    this.list(value, at).forEach((parameter, i) => this.parameter(parameter, down(at, i)));
  }

  private parameter(value: Json, at: Segments): void {
    const parameter = this.object(value, at);
    if (this.isRef(parameter, at)) return;
    for (const key of ['name', 'in']) {
      if (typeof parameter[key] !== 'string') refuse(down(at, key), 'a string', parameter[key]);
    }
    this.optionalString(parameter, 'description', at);
    if (parameter.schema !== undefined) this.schema(parameter.schema, down(at, 'schema'));
  }

  private response(value: Json, at: Segments): void {
    const response = this.object(value, at);
    if (this.isRef(response, at)) return;
    this.optionalString(response, 'description', at);
    if (response.headers !== undefined) this.object(response.headers, down(at, 'headers'));
    this.content(response, at);
  }

  /** `content` of a request body or response: media types, each with an optional schema. */
  private content(holder: Record<string, Json>, at: Segments): void {
    this.optionalString(holder, 'description', at);
    if (holder.content === undefined) return;
    for (const [type, media] of Object.entries(this.object(holder.content, down(at, 'content')))) {
      const object = this.object(media, down(at, 'content', type));
      if (object.schema !== undefined) this.schema(object.schema, down(at, 'content', type, 'schema'));
    }
  }

  /**
   * The Stripe spec has some hundred thousand schema nodes, so this path builds nothing per node but
   * the segment list it passes down (the pointer string is only made for an error).
   */
  private schema(value: Json, at: Segments): void {
    const schema = this.object(value, at, 'a schema object');
    if (this.seen.has(schema)) return;
    this.seen.add(schema);
    if (this.isRef(schema, at)) return;
    for (const key of STRING_KEYWORDS) this.optionalString(schema, key, at);
    if (schema.type !== undefined && (typeof schema.type !== 'string' || !SCHEMA_TYPES.has(schema.type))) {
      refuse(down(at, 'type'), 'one of string, number, integer, boolean, object, array', schema.type);
    }
    if (schema.properties !== undefined) {
      const propertiesAt = down(at, 'properties');
      const properties = this.object(schema.properties, propertiesAt);
      for (const name in properties) this.schema(properties[name], { up: propertiesAt, key: name });
    }
    for (const key of ['required', 'x-expandableFields']) {
      if (schema[key] === undefined) continue;
      const names = this.list(schema[key], down(at, key));
      for (let i = 0; i < names.length; i++) if (typeof names[i] !== 'string') refuse(down(at, key, i), 'a string', names[i]);
    }
    if (schema.enum !== undefined) {
      const members = this.list(schema.enum, down(at, 'enum'));
      for (let i = 0; i < members.length; i++) {
        if (members[i] !== null && typeof members[i] === 'object') refuse(down(at, 'enum', i), 'a string, number, boolean or null', members[i]);
      }
    }
    if (schema.items !== undefined) this.schema(schema.items, down(at, 'items'));
    if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
      this.schema(schema.additionalProperties, down(at, 'additionalProperties'));
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (schema[key] === undefined) continue;
      this.list(schema[key], down(at, key)).forEach((part, i) => this.schema(part, down(at, key, i)));
    }
    const expansions = schema['x-expansionResources'];
    if (expansions !== undefined) {
      const oneOf = this.object(expansions, down(at, 'x-expansionResources')).oneOf;
      if (oneOf !== undefined) this.list(oneOf, down(at, 'x-expansionResources', 'oneOf')).forEach((part, i) => this.schema(part, down(at, 'x-expansionResources', 'oneOf', i)));
    }
  }

  /** Whether the value is a `$ref` (whose target is checked where it is defined); the ref must be a string. */
  private isRef(value: Record<string, Json>, at: Segments): boolean {
    if (value.$ref === undefined) return false;
    if (typeof value.$ref !== 'string') refuse(down(at, '$ref'), 'a string', value.$ref);
    return true;
  }

  private object(value: Json, at: Segments, expected = 'an object'): Record<string, Json> {
    if (!isObject(value)) refuse(at, expected, value);
    return value;
  }

  private list(value: Json, at: Segments): Json[] {
    if (!Array.isArray(value)) refuse(at, 'a list', value);
    return value;
  }

  private optionalString(holder: Record<string, Json>, key: string, at: Segments): void {
    if (holder[key] !== undefined && typeof holder[key] !== 'string') refuse(down(at, key), 'a string', holder[key]);
  }
}
