import type { OpenApiDocument, Schema } from '../load/openapi-types.js';
import { camelCase, identifier, pascalCase, singular, typeName } from './naming.js';
import type { HttpVerb, OperationNames } from './types.js';

export interface OperationKey {
  id: string;
  method: HttpVerb;
  path: string;
  /** Whether the operation answers with a list (`object: 'list'`): a GET that lists. */
  returnsList?: boolean;
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
  const names = new Map<string, OperationNames>();
  const taken = new Map<string, Set<string>>();
  const ordered = [...operations].sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
  for (const op of ordered) {
    const hint = hints.get(`${op.method} ${op.path}`);
    const derived = hint ?? derive(op, namespaces, document);
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
      // stripe-node's method is `del`, its params type `...DeleteParams`.
      paramsType: `${singular(derived.className)}${pascalCase(method === 'del' ? 'delete' : method)}Params`,
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
        method: methodName(op.method_name),
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

function derive(op: OperationKey, namespaces: Set<string>, document: OpenApiDocument): SdkHint {
  const segments = op.path.split('/').filter(Boolean);
  const version = /^v\d+$/.test(segments[0] ?? '') ? `/${segments.shift()}` : '';
  const namespace: string[] = [];
  const nsSegments: string[] = [];
  while (segments.length > 1 && namespaces.has(segments[0]!)) {
    nsSegments.push(segments[0]!);
    namespace.push(typeName(segments.shift()!));
  }
  const collection = segments.shift() ?? 'root';
  const className = typeName(collection);
  const isParam = (s: string | undefined) => s !== undefined && s.startsWith('{');
  // Path parameter names differ between a collection and its items (`{id}` vs `{fee}`), so compare without them.
  const shape = (p: string) => p.replace(/\{[^}]*\}/g, '{}');
  const hasItems = (prefix: string) => Object.keys(document.paths).some((p) => shape(p).startsWith(`${shape(prefix)}/{`));
  const collectionPath = [version, ...nsSegments, collection].join('/');
  const rest = segments;
  const verb = op.method;
  let method: string;
  if (rest.length === 0) {
    // A path with no `/{id}` below it is a singleton (`/v1/balance`): it is retrieved and updated, not listed.
    const singleton = !hasItems(collectionPath) && singular(collection) === collection;
    method = verb === 'GET' ? (singleton ? 'retrieve' : 'list') : verb === 'POST' ? (singleton ? 'update' : 'create') : 'del';
  } else if (rest.length === 1 && isParam(rest[0])) {
    method = verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'del';
  } else {
    const words = rest.filter((s) => !isParam(s));
    const noun = pascalCase(words.join('_'));
    const one = pascalCase(singular(words.join('_')));
    const endsWithParam = isParam(rest[rest.length - 1]);
    const own = document.paths[op.path] ?? {};
    const subPrefix = op.path.replace(/\/\{[^}]+\}$/, '');
    const isSubCollection = !endsWithParam && (hasItems(op.path) || (own.get !== undefined && op.returnsList === true) || Boolean(document.paths[op.path]?.get && hasItems(subPrefix) && subPrefix !== op.path));
    if (endsWithParam) {
      method = `${verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'delete'}${one}`;
    } else if (verb === 'GET' && words.length === 1 && words[0] === 'search') {
      method = 'search';
    } else if (verb === 'GET') {
      method = `${op.returnsList ? 'list' : 'retrieve'}${noun}`;
    } else if (verb === 'DELETE') {
      method = `delete${isSubCollection ? noun : noun}`;
    } else if (isSubCollection) {
      method = `create${one}`;
    } else if (own.get !== undefined) {
      // POST beside a GET of the same path updates that sub-resource (`/customers/{id}/cash_balance`).
      method = `update${noun}`;
    } else {
      method = camelCase(words.join('_'));
    }
  }
  return { method: methodName(method), namespace, className };
}

/** Method names are property names, so reserved words are allowed; `delete` is `del`, as in stripe-node. */
function methodName(name: string): string {
  const camel = camelCase(name);
  if (camel === 'delete') return 'del';
  return camel === 'constructor' ? 'constructor_' : camel;
}

export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
