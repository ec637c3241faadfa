import { SdkgenError } from '../errors.js';
import { pointerJoin } from '../model/refs.js';
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

function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}` : `${typeof value} ${String(value)}`;
}

function refuse(pointer: string, expected: string, value: Json): never {
  throw new SdkgenError(`expected ${expected}, found ${kindOf(value)}`, { where: pointer });
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ShapeCheck {
  /** A schema shared by YAML aliases is checked once. */
  private readonly seen = new WeakSet<object>();

  document(doc: Record<string, Json>): void {
    if (doc.info !== undefined) {
      const info = this.object(doc.info, '#/info');
      this.optionalString(info, 'title', '#/info');
      this.optionalString(info, 'description', '#/info');
      if (info.version !== undefined && typeof info.version !== 'string' && typeof info.version !== 'number') refuse('#/info/version', 'a string', info.version);
    }
    if (doc.servers !== undefined) {
      this.list(doc.servers, '#/servers').forEach((server, i) => this.optionalString(this.object(server, pointerJoin('#/servers', i)), 'url', pointerJoin('#/servers', i)));
    }
    for (const [path, item] of Object.entries(this.object(doc.paths, '#/paths'))) this.pathItem(item, pointerJoin('#/paths', path));
    if (doc.components !== undefined) {
      const components = this.object(doc.components, '#/components');
      for (const kind of ['schemas', 'parameters', 'requestBodies', 'responses']) {
        if (components[kind] === undefined) continue;
        const at = pointerJoin('#/components', kind);
        for (const [name, value] of Object.entries(this.object(components[kind], at))) {
          const pointer = pointerJoin(at, name);
          if (kind === 'schemas') this.schema(value, pointer);
          else if (kind === 'parameters') this.parameter(value, pointer);
          else if (kind === 'requestBodies') this.content(this.object(value, pointer), pointer);
          else this.response(value, pointer);
        }
      }
    }
  }

  private pathItem(value: Json, pointer: string): void {
    const item = this.object(value, pointer);
    if (item.parameters !== undefined) this.parameters(item.parameters, pointerJoin(pointer, 'parameters'));
    for (const method of HTTP_METHODS) {
      if (item[method] !== undefined) this.operation(item[method], pointerJoin(pointer, method));
    }
  }

  private operation(value: Json, pointer: string): void {
    const op = this.object(value, pointer);
    for (const key of ['operationId', 'summary', 'description']) this.optionalString(op, key, pointer);
    if (op.parameters !== undefined) this.parameters(op.parameters, pointerJoin(pointer, 'parameters'));
    if (op.requestBody !== undefined) {
      const at = pointerJoin(pointer, 'requestBody');
      const body = this.object(op.requestBody, at);
      if (!this.isRef(body, at)) this.content(body, at);
    }
    if (op.responses !== undefined) {
      const at = pointerJoin(pointer, 'responses');
      for (const [code, response] of Object.entries(this.object(op.responses, at))) this.response(response, pointerJoin(at, code));
    }
  }

  private parameters(value: Json, pointer: string): void {
    this.list(value, pointer).forEach((parameter, i) => this.parameter(parameter, pointerJoin(pointer, i)));
  }

  private parameter(value: Json, pointer: string): void {
    const parameter = this.object(value, pointer);
    if (this.isRef(parameter, pointer)) return;
    for (const key of ['name', 'in']) {
      if (typeof parameter[key] !== 'string') refuse(pointerJoin(pointer, key), 'a string', parameter[key]);
    }
    this.optionalString(parameter, 'description', pointer);
    if (parameter.schema !== undefined) this.schema(parameter.schema, pointerJoin(pointer, 'schema'));
  }

  private response(value: Json, pointer: string): void {
    const response = this.object(value, pointer);
    if (this.isRef(response, pointer)) return;
    this.optionalString(response, 'description', pointer);
    if (response.headers !== undefined) this.object(response.headers, pointerJoin(pointer, 'headers'));
    this.content(response, pointer);
  }

  /** `content` of a request body or response: media types, each with an optional schema. */
  private content(holder: Record<string, Json>, pointer: string): void {
    this.optionalString(holder, 'description', pointer);
    if (holder.content === undefined) return;
    const at = pointerJoin(pointer, 'content');
    for (const [type, media] of Object.entries(this.object(holder.content, at))) {
      const mediaAt = pointerJoin(at, type);
      const object = this.object(media, mediaAt);
      if (object.schema !== undefined) this.schema(object.schema, pointerJoin(mediaAt, 'schema'));
    }
  }

  private schema(value: Json, pointer: string): void {
    const schema = this.object(value, pointer, 'a schema object');
    if (this.seen.has(schema)) return;
    this.seen.add(schema);
    if (this.isRef(schema, pointer)) return;
    for (const key of ['title', 'description', 'format', 'x-resourceId']) this.optionalString(schema, key, pointer);
    if (schema.type !== undefined && (typeof schema.type !== 'string' || !SCHEMA_TYPES.has(schema.type))) {
      refuse(pointerJoin(pointer, 'type'), 'one of string, number, integer, boolean, object, array', schema.type);
    }
    if (schema.properties !== undefined) {
      const at = pointerJoin(pointer, 'properties');
      for (const [name, property] of Object.entries(this.object(schema.properties, at))) this.schema(property, pointerJoin(at, name));
    }
    for (const key of ['required', 'x-expandableFields']) {
      if (schema[key] === undefined) continue;
      this.list(schema[key], pointerJoin(pointer, key)).forEach((name, i) => {
        if (typeof name !== 'string') refuse(pointerJoin(pointer, key, i), 'a string', name);
      });
    }
    if (schema.enum !== undefined) {
      this.list(schema.enum, pointerJoin(pointer, 'enum')).forEach((member, i) => {
        if (member !== null && typeof member === 'object') refuse(pointerJoin(pointer, 'enum', i), 'a string, number, boolean or null', member);
      });
    }
    if (schema.items !== undefined) this.schema(schema.items, pointerJoin(pointer, 'items'));
    if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
      this.schema(schema.additionalProperties, pointerJoin(pointer, 'additionalProperties'));
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (schema[key] === undefined) continue;
      this.list(schema[key], pointerJoin(pointer, key)).forEach((part, i) => this.schema(part, pointerJoin(pointer, key, i)));
    }
    const expansions = schema['x-expansionResources'];
    if (expansions !== undefined) {
      const at = pointerJoin(pointer, 'x-expansionResources');
      const oneOf = this.object(expansions, at).oneOf;
      if (oneOf !== undefined) this.list(oneOf, pointerJoin(at, 'oneOf')).forEach((part, i) => this.schema(part, pointerJoin(at, 'oneOf', i)));
    }
  }

  /** Whether the value is a `$ref` (whose target is checked where it is defined); the ref must be a string. */
  private isRef(value: Record<string, Json>, pointer: string): boolean {
    if (value.$ref === undefined) return false;
    if (typeof value.$ref !== 'string') refuse(pointerJoin(pointer, '$ref'), 'a string', value.$ref);
    return true;
  }

  private object(value: Json, pointer: string, expected = 'an object'): Record<string, Json> {
    if (!isObject(value)) refuse(pointer, expected, value);
    return value;
  }

  private list(value: Json, pointer: string): Json[] {
    if (!Array.isArray(value)) refuse(pointer, 'a list', value);
    return value;
  }

  private optionalString(holder: Record<string, Json>, key: string, pointer: string): void {
    if (holder[key] !== undefined && typeof holder[key] !== 'string') refuse(pointerJoin(pointer, key), 'a string', holder[key]);
  }
}
