import type { OpenApiDocument, Schema } from '../load/openapi-types.js';
import { camelCase, identifier, pascalCase, singular, typeName } from './naming.js';
import type { HttpVerb, OperationNames } from './types.js';

export interface OperationKey {
  id: string;
  method: HttpVerb;
  path: string;
}

interface SdkHint {
  method: string;
  namespace: string[];
  className: string;
}

/**
 * Decides the resource, namespace and method name of every operation, once. The SDK variant of the
 * spec states them (`x-stripeOperations` / `x-stripeResource`); otherwise they are derived from the
 * path and the verb the way stripe-node names them (create / list / retrieve / update / del / actions).
 */
export function nameOperations(document: OpenApiDocument, operations: OperationKey[]): Map<string, OperationNames> {
  const hints = sdkHints(document);
  const namespaces = knownNamespaces(document);
  const allPaths = new Set(Object.keys(document.paths));
  const names = new Map<string, OperationNames>();
  const taken = new Map<string, Set<string>>();
  const ordered = [...operations].sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
  for (const op of ordered) {
    const hint = hints.get(`${op.method} ${op.path}`);
    const derived = hint ?? derive(op, namespaces, allPaths);
    const resourceKey = [...derived.namespace, derived.className].join('.');
    const used = taken.get(resourceKey) ?? new Set<string>();
    taken.set(resourceKey, used);
    let method = derived.method;
    if (used.has(method)) method = `${method}${pascalCase(op.method.toLowerCase())}`;
    for (let n = 2; used.has(method); n++) method = `${derived.method}${n}`;
    used.add(method);
    names.set(op.id, {
      flat: identifier(op.id),
      namespace: derived.namespace,
      namespaceProperty: derived.namespace.map((n) => camelCase(n)),
      resourceClass: derived.className,
      resourceProperty: camelCase(derived.className),
      method,
      paramsType: `${singular(derived.className)}${pascalCase(method)}Params`,
    });
  }
  return names;
}

function sdkHints(document: OpenApiDocument): Map<string, SdkHint> {
  const hints = new Map<string, SdkHint>();
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[]) {
    const resource = schema['x-stripeResource'];
    const operations = schema['x-stripeOperations'];
    if (!resource?.class_name || !operations) continue;
    for (const op of operations) {
      if (op.method_on !== 'service' || !op.method_name || !op.operation || !op.path) continue;
      hints.set(`${op.operation.toUpperCase()} ${op.path}`, {
        method: identifier(op.method_name),
        namespace: resource.in_package ? resource.in_package.split('.').map((p) => typeName(p)) : [],
        className: plural(typeName(resource.class_name)),
      });
    }
  }
  return hints;
}

/** Namespaces are the prefixes of dotted schema names (`identity.verification_session`), plus test helpers. */
function knownNamespaces(document: OpenApiDocument): Set<string> {
  const found = new Set<string>(['test_helpers']);
  for (const key of Object.keys(document.components?.schemas ?? {})) {
    const dot = key.indexOf('.');
    if (dot > 0) found.add(key.slice(0, dot).replace(/^deleted_/, ''));
  }
  return found;
}

function derive(op: OperationKey, namespaces: Set<string>, allPaths: Set<string>): SdkHint {
  const segments = op.path.split('/').filter(Boolean);
  if (/^v\d+$/.test(segments[0] ?? '')) segments.shift();
  const namespace: string[] = [];
  while (segments.length > 1 && namespaces.has(segments[0]!)) namespace.push(typeName(segments.shift()!));
  const collection = segments.shift() ?? 'root';
  const className = typeName(collection);
  const isParam = (s: string | undefined) => s !== undefined && s.startsWith('{');
  const rest = segments;
  const verb = op.method;
  let method: string;
  if (rest.length === 0) {
    method = verb === 'GET' ? (singular(collection) === collection ? 'retrieve' : 'list') : verb === 'POST' ? (singular(collection) === collection ? 'update' : 'create') : 'del';
  } else if (rest.length === 1 && isParam(rest[0])) {
    method = verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'del';
  } else {
    const words = rest.filter((s) => !isParam(s));
    const last = words[words.length - 1] ?? 'action';
    const endsWithParam = isParam(rest[rest.length - 1]);
    const prefix = op.path.slice(0, op.path.lastIndexOf(`/${last}`) + last.length + 1);
    const isSubCollection = endsWithParam || [...allPaths].some((p) => p.startsWith(`${prefix}/{`));
    const noun = pascalCase(words.join('_'));
    if (isSubCollection) {
      const one = pascalCase(singular(words.join('_')));
      if (endsWithParam) method = `${verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'delete'}${one}`;
      else method = verb === 'GET' ? `list${noun}` : verb === 'POST' ? `create${one}` : `delete${noun}`;
    } else if (verb === 'GET' && words.length === 1 && last === 'search') {
      method = 'search';
    } else if (verb === 'GET' && !isParam(rest[0])) {
      method = `retrieve${noun}`;
    } else if (verb === 'GET') {
      method = `list${noun}`;
    } else if (verb === 'DELETE') {
      method = `delete${noun}`;
    } else {
      method = camelCase(words.join('_'));
    }
  }
  return { method: identifier(method), namespace, className };
}

export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
