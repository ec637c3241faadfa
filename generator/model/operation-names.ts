import type { OpenApiDocument, OperationObject, Response, Schema } from '../load/openapi-types.js';
import { FolderNames } from '../text/file-name.js';
import { camelCase, identifier, pascalCase, singular, typeName } from './naming.js';
import { resolveRef, schemaKeyOf } from './refs.js';
import { resourceTypeNames, type RootName } from './schema-roots.js';
import type { HttpVerb, OperationNames } from './types.js';

export interface OperationKey {
  id: string;
  method: HttpVerb;
  path: string;
  /** Whether the operation answers with a list (`object: 'list'`): a GET that lists. */
  returnsList?: boolean;
}

interface Derived {
  method: string;
  namespace: string[];
  className: string;
  /** The params type's name: `VerificationSessionCreateParams`, `CustomerBalanceTransactionListParams`. */
  paramsType: string;
  /** The singular name of what the resource holds, for headings and example variables: `VerificationSession`. */
  singularName: string;
}

/**
 * Where Stripe's SDKs name an operation against every rule below; each entry says why. Keyed by
 * `VERB path`, matched with path parameter names blanked.
 */
const IRREGULAR_METHODS: Record<string, { method: string; why: string }> = {
  'DELETE /v1/subscriptions/{}': { method: 'cancel', why: 'DELETE ends the subscription (it stays readable, status `canceled`): the SDKs call it cancel' },
  'POST /v1/apps/secrets/delete': { method: 'deleteWhere', why: 'deletes the secret found by name and scope, not one given by id' },
  'GET /v1/invoices/upcoming': { method: 'retrieveUpcoming', why: 'reads the upcoming invoice: the SDKs name it as a retrieve, not as an action `upcoming`' },
};

/**
 * Sub-resources whose items come in several types: named as the SDKs name the family. Keyed by the
 * sub-collection's path with parameter names blanked.
 */
const IRREGULAR_SUBRESOURCES: Record<string, { name: string; why: string }> = {
  '/v1/customers/{}/sources': { name: 'CustomerSource', why: 'a customer\'s sources are bank accounts, cards and sources: the SDKs call the family CustomerSource' },
};

/**
 * Actions whose bare name is a reserved word or a built-in method in some of Stripe's SDK languages
 * (`void`, `return`, Java's `finalize`, Ruby's `send`) carry the resource's name: `voidInvoice`.
 */
const QUALIFIED_ACTIONS = new Set(['void', 'return', 'finalize', 'send']);

const shape = (p: string) => p.replace(/\{[^}]*\}/g, '{}');
const isParam = (s: string | undefined): boolean => s !== undefined && s.startsWith('{');
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Decides the resource, namespace, method and params type name of every operation, once. The SDK
 * variant of the spec states them (`x-stripeOperations` / `x-stripeResource`); otherwise they are
 * derived from the path, the verb and what the operation returns, the way stripe-node names them
 * (create / list / retrieve / update / del, sub-resources, actions).
 */
export function nameOperations(document: OpenApiDocument, operations: OperationKey[]): Map<string, OperationNames> {
  const hints = sdkHints(document);
  const naming = new PathNaming(document);
  const names = new Map<string, OperationNames>();
  const taken = new Map<string, Set<string>>();
  const flat = uniqueFlatNames(operations);
  const docFiles = docFileNames(operations);
  const ordered = [...operations].sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
  for (const op of ordered) {
    const derived = hints.get(`${op.method} ${op.path}`) ?? naming.derive(op);
    const resourceKey = [...derived.namespace, derived.className].join('.');
    const used = taken.get(resourceKey) ?? new Set<string>();
    taken.set(resourceKey, used);
    let method = derived.method;
    if (used.has(method)) method = `${method}${pascalCase(op.method.toLowerCase())}`;
    for (let n = 2; used.has(method); n++) method = `${derived.method}${n}`;
    used.add(method);
    const namespaceProperty = derived.namespace.map((n) => memberName(camelCase(n)));
    const resourceProperty = memberName(camelCase(derived.className));
    const resourcePath = [...namespaceProperty, resourceProperty].join('.');
    names.set(op.id, {
      flat: flat.get(op.id)!,
      docFile: docFiles.get(op.id)!,
      namespace: derived.namespace,
      namespaceProperty,
      resourceClass: derived.className,
      resourceProperty,
      method,
      paramsType: method === derived.method ? derived.paramsType : `${derived.singularName}${pascalCase(method)}Params`,
      responseType: `${derived.singularName}${pascalCase(method)}Response`,
      resourcePath,
      resourceId: [...derived.namespace, derived.className].join('.'),
      call: `${resourcePath}.${method}`,
      module: `resources/${[...derived.namespace, derived.className].join('/')}`,
      singularName: derived.singularName,
      exampleVariable: identifier(derived.singularName),
    });
  }
  return names;
}

/**
 * The flat function of each operation: the operationId as an identifier. Distinct operationIds can
 * give one identifier (`PostThings`, `Post*Things`, `PostThings` with a zero-width space). Plain
 * operationIds (letters, digits, `_`) come first, then the others, each in operationId order; the
 * first keeps the identifier and the others are numbered, so the package still compiles.
 */
function uniqueFlatNames(operations: OperationKey[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const plain = (id: string) => (/^[A-Za-z0-9_]+$/.test(id) ? 0 : 1);
  for (const op of [...operations].sort((a, b) => plain(a.id) - plain(b.id) || compare(a.id, b.id))) {
    const base = memberName(identifier(op.id));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    names.set(op.id, name);
  }
  return names;
}

/**
 * The base name of each operation's docs pages (`docs/<base>.md`, `.html`): the operationId made a
 * safe file name, unique without regard to case, never one of the docs' own index pages.
 */
function docFileNames(operations: OperationKey[]): Map<string, string> {
  const folder = new FolderNames();
  for (const own of ['README', 'index', 'assets', 'webhooks']) folder.reserve(own);
  return new Map([...operations].sort((a, b) => compare(a.id, b.id)).map((op) => [op.id, folder.claim(op.id)]));
}

function sdkHints(document: OpenApiDocument): Map<string, Derived> {
  const hints = new Map<string, Derived>();
  for (const schema of Object.values(document.components?.schemas ?? {}) as Schema[]) {
    const resource = schema['x-stripeResource'];
    const operations = schema['x-stripeOperations'];
    if (!resource?.class_name || !operations) continue;
    const singularName = typeName(resource.class_name);
    for (const op of operations) {
      if (op.method_on !== 'service' || !op.method_name || !op.operation || !op.path) continue;
      const method = methodName(op.method_name);
      hints.set(`${op.operation.toUpperCase()} ${op.path}`, {
        method,
        namespace: resource.in_package ? resource.in_package.split('.').map((p) => typeName(p)) : [],
        className: plural(singularName),
        singularName,
        paramsType: `${singularName}${pascalCase(method === 'del' ? 'delete' : method)}Params`,
      });
    }
  }
  return hints;
}

interface Returned {
  /** The component schema key of the returned resource (a list's item), when it is one resource. */
  key?: string;
  list: boolean;
}

/** Derives names from paths, for specs without the SDK hints. Holds what it learns of the document. */
class PathNaming {
  private readonly namespaces: Set<string>;
  private readonly resources: Map<string, RootName>;
  private readonly shapes: Set<string>;
  /** A path by its shape (`/v1/customers/{}`), the first the spec lists. */
  private readonly pathOfShape = new Map<string, string>();
  /** Shapes that have a path parameter below them (`/v1/customers` for `/v1/customers/{}`). */
  private readonly withItems = new Set<string>();
  private readonly returns = new Map<string, Returned>();

  constructor(private readonly document: OpenApiDocument) {
    this.resources = resourceTypeNames(document);
    this.shapes = new Set(Object.keys(document.paths).map(shape));
    // Looked up for every operation: indexed once, so naming stays linear in the number of paths.
    for (const path of Object.keys(document.paths)) if (!this.pathOfShape.has(shape(path))) this.pathOfShape.set(shape(path), path);
    for (const s of this.shapes) for (let at = s.indexOf('/{'); at >= 0; at = s.indexOf('/{', at + 1)) this.withItems.add(s.slice(0, at));
    // Namespaces are the prefixes of dotted schema names (`identity.verification_session`), test helpers,
    // and the prefixes only the paths show (`sigma`).
    this.namespaces = new Set(['test_helpers']);
    for (const key of Object.keys(document.components?.schemas ?? {})) {
      const dot = key.indexOf('.');
      if (dot > 0) this.namespaces.add(key.slice(0, dot).replace(/^deleted_/, ''));
    }
    for (const name of this.resources.values()) {
      if (name.namespace.length === 1) this.namespaces.add(name.namespace[0]!.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
    }
  }

  derive(op: OperationKey): Derived {
    const segments = op.path.split('/').filter(Boolean);
    const version = /^v\d+$/.test(segments[0] ?? '') ? `/${segments.shift()}` : '';
    const nsSegments: string[] = [];
    while (segments.length > 1 && this.namespaces.has(segments[0]!)) nsSegments.push(segments.shift()!);
    const namespace = nsSegments.map((s) => typeName(s));
    let collection = segments.shift() ?? 'root';
    const collectionSegments = [collection];
    // `/v1/apple_pay/domains` is one resource, `apple_pay_domain`.
    const joined = segments[0] && !isParam(segments[0]) ? `${collection}_${segments[0]}` : undefined;
    if (joined && !this.resourceKey(nsSegments, collection) && this.resourceKey(nsSegments, joined)) {
      collection = joined;
      collectionSegments.push(segments.shift()!);
    }
    const collectionPath = [version, ...nsSegments, ...collectionSegments].join('/');
    const resourceKey = this.resourceKey(nsSegments, collection);
    const resource = resourceKey ? this.resources.get(resourceKey) : undefined;
    const singleton = resourceKey !== undefined && resourceKey.split('.').pop() === collection && !this.hasItems(collectionPath);
    const singularName = resource ? resource.name : typeName(singular(collection));
    let className = typeName(collection);
    if (resource && singleton) className = resource.name;
    else if (resource && plural(resource.name).toLowerCase() === className.toLowerCase()) className = plural(resource.name);
    const rest = segments;
    const verb = op.method;
    // `/v1/account` is the caller's own account beside the `/v1/accounts` collection of the same type:
    // its params are the current one's (`AccountRetrieveCurrentParams`), so the two never share a name.
    const current = singleton && this.hasItems([version, ...nsSegments, plural(collection)].join('/')) ? 'Current' : '';
    const ownParams = (name: string) => ({ singularName, paramsType: `${singularName}${pascalCase(name === 'del' ? 'delete' : name)}${current}Params` });
    const done = (method: string, params?: { singularName: string; paramsType: string }): Derived => {
      const irregular = ownEntry(IRREGULAR_METHODS, `${verb} ${shape(op.path)}`);
      // A path of ids only (`/v1/things/{a}/{b}`) leaves no word to name the method by: the verb does.
      const name = methodName(irregular?.method ?? method) || (verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'del');
      return { method: name, namespace, className, ...(params && !irregular ? params : ownParams(name)) };
    };
    if (rest.length === 0) {
      const single = singleton || (!this.hasItems(collectionPath) && singular(collection) === collection);
      return done(verb === 'GET' ? (single ? 'retrieve' : 'list') : verb === 'POST' ? (single ? 'update' : 'create') : 'del');
    }
    if (rest.length === 1 && isParam(rest[0])) return done(verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'del');
    if (isParam(rest[0])) {
      const [sub, item, action] = rest.slice(1);
      const parentPath = op.path.split('/').slice(0, op.path.split('/').indexOf(rest[0]!) + 1).join('/');
      const subPath = `${parentPath}/${sub}`;
      if (sub && !isParam(sub) && (rest.length === 2 || (rest.length >= 3 && isParam(item)))) {
        const info = this.subResource(namespace, singularName, subPath, sub);
        const noun = info.noun;
        const params = (base: string) => (info.typeName ? { singularName: info.typeName, paramsType: `${info.typeName}${upperFirst(base)}Params` } : undefined);
        if (rest.length === 4 && action && !isParam(action)) {
          // POST to an item's action is the action (`sources/{id}/verify` → `verifySource`); other verbs read or remove a part of the item.
          if (verb === 'POST') return done(`${camelCase(action)}${noun}`, params(camelCase(action)));
          return done(`${verb === 'GET' ? 'retrieve' : 'delete'}${noun}${pascalCase(action)}`);
        }
        if (rest.length === 3) {
          const base = verb === 'GET' ? 'retrieve' : verb === 'POST' ? 'update' : 'delete';
          return done(`${base}${noun}`, params(base));
        }
        const returned = this.returned(op.path, verb);
        const siblings = this.document.paths[op.path] ?? {};
        if (verb === 'GET') {
          if (returned.list) return done(`list${info.plural}`, params('list'));
          // A download (`quotes/{quote}/pdf`) is named by what it fetches.
          if (!info.typeName && !this.answersJson(op.path, verb)) return done(camelCase(sub));
          return done(`retrieve${noun}`, params('retrieve'));
        }
        if (verb === 'DELETE') return done(`delete${noun}`, params('delete'));
        if (info.typeName || info.collection) {
          const base = info.collection || !siblings.get ? 'create' : 'update';
          return done(`${base}${noun}`, params(base));
        }
        if (siblings.get) return done(`update${noun}`);
        if (returned.key && returned.key.split('.').pop() === sub) return done(`create${pascalCase(sub)}`);
        return done(this.action(sub, singularName));
      }
      // `/cards/{card}/shipping/deliver`: an action on a part of the resource is named for the resource,
      // or for the part when that is a resource of its own (`/charges/{charge}/dispute/close` → `closeDispute`).
      if (rest.length === 3 && !isParam(sub) && !isParam(item) && verb === 'POST') {
        return done(`${camelCase(item!)}${this.resources.has(sub!) ? pascalCase(sub!) : singularName}`);
      }
    }
    const words = rest.filter((s) => !isParam(s));
    const noun = pascalCase(words.join('_'));
    if (verb === 'GET' && words.length === 1 && words[0] === 'search') return done('search');
    if (verb === 'GET') {
      if (this.returned(op.path, verb).list) return done(`list${noun}`);
      // A read named by a verb (`credit_notes/preview`, `apps/secrets/find`) is that verb.
      return done(rest.length === 1 && !this.document.paths[op.path]?.post ? camelCase(words[0]!) : `retrieve${noun}`);
    }
    if (verb === 'DELETE') return done(`delete${noun}`);
    if (this.document.paths[op.path]?.get) return done(`update${noun}`);
    return done(words.length === 1 ? this.action(words[0]!, singularName) : camelCase(words.join('_')));
  }

  private action(word: string, singularName: string): string {
    const name = camelCase(word);
    return QUALIFIED_ACTIONS.has(name) ? `${name}${singularName}` : name;
  }

  /**
   * What a path below an item (`/customers/{customer}/balance_transactions`) holds. It is a
   * sub-resource of its own, named by its items' type (`CustomerBalanceTransactionListParams`), when
   * its items are a resource named after it (`capabilities` → `capability`) that is not served on its
   * own elsewhere, or one named after the parent (`customer_balance_transaction`, `fee_refund`); stripe-node
   * keeps sub-resources out of namespaces. Otherwise its operations are the parent's own methods.
   */
  private subResource(namespace: string[], parentName: string, subPath: string, sub: string): { typeName?: string; noun: string; plural: string; collection: boolean } {
    const collection = this.hasItems(subPath) || this.returned(subPath, 'GET').list;
    const key =
      this.returned(`${subPath}/{}`, 'GET').key ??
      this.returned(subPath, 'GET').key ??
      this.returned(subPath, 'POST').key ??
      (this.resources.has(singular(sub)) ? singular(sub) : undefined);
    const itemName = key ? this.resources.get(key)?.name : undefined;
    const segmentNoun = pascalCase(singular(sub));
    // The item type's name without the parent's (`CreditNoteLineItem` → `LineItem`) names the methods when it extends the path's word (`lines`).
    const lastWord = parentName.match(/[A-Z][a-z0-9]*$/)?.[0] ?? parentName;
    const stripped = itemName?.startsWith(parentName) ? itemName.slice(parentName.length) : itemName?.startsWith(lastWord) ? itemName.slice(lastWord.length) : undefined;
    const extended = stripped && stripped !== segmentNoun && stripped.startsWith(segmentNoun) ? stripped : undefined;
    const noun = extended ?? segmentNoun;
    const pluralNoun = extended ? plural(extended) : pascalCase(sub);
    const irregular = ownEntry(IRREGULAR_SUBRESOURCES, shape(subPath));
    if (irregular) return { typeName: irregular.name, noun, plural: pluralNoun, collection };
    const servedAlone = key !== undefined && this.shapes.has(`/v1/${plural(key.split('.').pop()!)}`);
    const own =
      namespace.length === 0 &&
      key !== undefined &&
      itemName !== undefined &&
      ((key === singular(sub) && !servedAlone && (collection || sub !== singular(sub) || (this.document.paths[subPath]?.get !== undefined && this.document.paths[subPath]?.post !== undefined))) ||
        itemName === `${parentName}${segmentNoun}` ||
        itemName === `${lastWord}${segmentNoun}` ||
        (extended !== undefined && itemName === `${parentName}${extended}`));
    return { typeName: own ? itemName : undefined, noun, plural: pluralNoun, collection };
  }

  /** The resource schema key a collection segment serves, if the spec has one. */
  private resourceKey(nsSegments: string[], segment: string): string | undefined {
    const ns = nsSegments.filter((s) => s !== 'test_helpers');
    for (const prefix of [ns.join('.'), '']) {
      for (const name of [singular(segment), segment]) {
        const key = prefix ? `${prefix}.${name}` : name;
        if (this.resources.has(key)) return key;
      }
    }
    return undefined;
  }

  /** Whether the path has items below it (`/v1/customers` has `/v1/customers/{customer}`). */
  private hasItems(prefix: string): boolean {
    return this.withItems.has(shape(prefix));
  }

  private answersJson(path: string, verb: HttpVerb): boolean {
    const object = (this.document.paths[path] as Record<string, OperationObject | undefined> | undefined)?.[verb.toLowerCase()];
    const entry = object?.responses?.['200'];
    return !entry || '$ref' in entry || (entry as Response).content?.['application/json'] !== undefined;
  }

  /** What the operation at a path (parameter names blanked or not) returns. */
  private returned(path: string, verb: HttpVerb): Returned {
    const key = `${verb} ${shape(path)}`;
    let found = this.returns.get(key);
    if (!found) this.returns.set(key, (found = this.readReturned(path, verb)));
    return found;
  }

  private readReturned(path: string, verb: HttpVerb): Returned {
    const actual = this.pathOfShape.get(shape(path));
    const object = actual ? (this.document.paths[actual] as Record<string, OperationObject | undefined>)[verb.toLowerCase()] : undefined;
    const entry = object?.responses?.['200'];
    if (!entry || '$ref' in entry) return { list: false };
    let schema = (entry as Response).content?.['application/json']?.schema;
    try {
      if (schema?.$ref && schemaKeyOf(schema.$ref) && this.resources.has(schemaKeyOf(schema.$ref)!)) return { key: schemaKeyOf(schema.$ref), list: false };
      if (schema?.$ref) schema = resolveRef<Schema>(this.document, schema.$ref, '');
    } catch {
      return { list: false };
    }
    const isList = schema?.properties?.object?.enum?.[0] === 'list' && schema.properties.data !== undefined;
    const item = isList ? schema!.properties!.data!.items : undefined;
    const key = item?.$ref ? schemaKeyOf(item.$ref) : undefined;
    return { key: key && this.resources.has(key) ? key : undefined, list: isList };
  }
}

/** A table's own entry for `key`: a spec-made key such as `constructor` never reaches `Object.prototype`. */
function ownEntry<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Method names are property names, so reserved words are allowed; `delete` is `del`, as in stripe-node. */
function methodName(name: string): string {
  const camel = camelCase(name);
  if (camel === 'delete') return 'del';
  return memberName(camel);
}

/**
 * Members every object already has (`constructor`, `toString`, `__proto__`...) and `then`, which would
 * make the client a thenable that `await` calls: a client or resource property never takes one.
 */
const TAKEN_MEMBERS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'then', 'prototype']);

/** A property or method name on the client or a resource object. */
function memberName(name: string): string {
  return TAKEN_MEMBERS.has(name) ? `${name}_` : name;
}

export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
