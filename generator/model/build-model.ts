import { SdkgenError } from '../errors.js';
import type { OpenApiDocument, OperationObject, Parameter, Ref, RequestBody, Response, Schema } from '../load/openapi-types.js';
import { identifier } from './naming.js';
import { nameOperations, type OperationKey } from './operation-names.js';
import { pointerJoin } from '../load/json-pointer.js';
import { resolveRef } from './refs.js';
import { selectOperations, type Selection } from './select-operations.js';
import { TypeBuilder, type FieldPointers } from './type-builder.js';
import { indexDecls } from './decl-index.js';
import { expandPaths, literalUnion, type ExpandPathMemo } from './expansions.js';
import { webhookEventTypes } from './events.js';
import { assignModulePaths } from './module-paths.js';
import type { ApiModel, Decl, HttpVerb, Operation, OperationNames, OperationParameter, ParamsShape, PathParam, ResourceGroup, ResponseShape } from './types.js';

const VERBS: Record<string, HttpVerb> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

interface RawOperation extends OperationKey {
  pointer: string;
  object: OperationObject;
  pathParameters: (Parameter | Ref)[];
}

export interface BuildOptions extends Selection {
  specSha256: string;
  /** Also declare every API resource type, reachable from an operation or not (whole-API builds). */
  allResourceTypes?: boolean;
}

/** Spec → model: operations with their names, params and responses, and the types they reach. */
export function buildModel(document: OpenApiDocument, options: BuildOptions): ApiModel {
  const all = listOperations(document);
  const names = nameOperations(document, all);
  const selected = selectOperations(all, options, (op) => {
    const n = names.get(op.id)!;
    return [n.resourcePath, n.resourceId, op.path.split('/{')[0]!.replace(/^\/v\d+\//, '').replace(/\//g, '.')];
  });
  const types = new TypeBuilder(document);
  const apiServer = serverOf(document.servers) ?? 'https://api.stripe.com';
  const fileServer = fileServerOf(all, apiServer);
  const operations = selected.map((raw) => buildOperation(document, raw, names.get(raw.id)!, types, { apiServer, fileServer }));
  const events = webhookEventTypes(document);
  if (options.allResourceTypes) {
    for (const [key, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (schema['x-resourceId']) types.rootForSchema(key);
    }
    // So that every event of a whole-API build has its object typed.
    for (const ref of events.flatMap((event) => event.objects)) types.rootForSchema(ref.schemaKey);
  }
  addExpansions(types, operations);
  const declarations = types.rootDecls;
  const resources = groupResources(operations);
  assignModulePaths(declarations, resources);
  return {
    title: document.info?.title ?? 'API',
    apiVersion: String(document.info?.version ?? ''),
    specSha256: options.specSha256,
    selection: {
      ...(options.operations?.length ? { operations: options.operations } : {}),
      ...(options.resources?.length ? { resources: options.resources } : {}),
      all: Boolean(options.allResourceTypes),
    },
    serverUrl: apiServer,
    operations,
    declarations,
    resources,
    events,
  };
}

/** Every operation of the spec with what naming needs to know of it, sorted by operationId. */
export function listOperations(document: OpenApiDocument): RawOperation[] {
  const out: RawOperation[] = [];
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, verb] of Object.entries(VERBS)) {
      const object = item[key as keyof typeof item] as OperationObject | undefined;
      if (!object) continue;
      const pointer = pointerJoin('#/paths', path, key);
      const id = object.operationId ?? `${key}${path}`;
      const clash = seen.get(id);
      if (clash) throw new SdkgenError(`operationId '${id}' is used twice (also at ${clash})`, { where: pointer });
      seen.set(id, pointer);
      out.push({ id, method: verb, path, pointer, object, pathParameters: item.parameters ?? [], returnsList: answersWithList(document, object) });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Gives every resource type with expandable fields an `ExpandPath` alias, and types each operation's
 * `expand` param with the paths of what it returns, so that the client can narrow the result.
 */
function addExpansions(types: TypeBuilder, operations: Operation[]): void {
  const index = indexDecls({ declarations: types.rootDecls });
  const pathsDecl = new Map<string, Decl>();
  const memo: ExpandPathMemo = new Map();
  for (const root of types.rootDecls) {
    if (!root.schemaKey) continue;
    const paths = expandPaths(root, index, memo);
    if (paths.length === 0) continue;
    const { decl } = types.child(root, 'ExpandPath', `${root.pointer}/x-expandableFields`, `The paths of ${root.name} that \`expand\` accepts.`);
    decl.body = { kind: 'alias', type: literalUnion(paths) };
    decl.derived = 'expand-paths';
    pathsDecl.set(root.id, decl);
  }
  for (const op of operations) {
    const params = op.params?.decl;
    const expand = params?.body.kind === 'interface' ? params.body.properties.find((p) => p.name === 'expand') : undefined;
    const target = op.response.type.kind === 'ref' ? pathsDecl.get(op.response.type.id) : undefined;
    if (!params || !expand || !target || target.body.kind !== 'alias') continue;
    if (op.response.kind === 'object') {
      expand.type = { kind: 'array', items: { kind: 'ref', id: target.id } };
      op.expansion = { pathsDecl: target.id };
      continue;
    }
    const members = target.body.type.kind === 'union' ? target.body.type.members : [target.body.type];
    const listPaths = members.flatMap((m) => (m.kind === 'literal' ? [`data.${String(m.value)}`] : []));
    const { decl } = types.child(params, 'ExpandPath', expand.pointer, 'The paths of the listed objects that `expand` accepts.');
    decl.body = { kind: 'alias', type: literalUnion(listPaths) };
    decl.derived = 'expand-paths';
    expand.type = { kind: 'array', items: { kind: 'ref', id: decl.id } };
    op.expansion = { pathsDecl: decl.id, itemPathsDecl: target.id };
  }
}

/** Whether the success response is a Stripe list object (`object: 'list'` with `data`). */
function answersWithList(document: OpenApiDocument, object: OperationObject): boolean {
  const response = object.responses?.['200'];
  const schema = response && !('$ref' in response) ? response.content?.['application/json']?.schema : undefined;
  let resolved = schema;
  try {
    if (schema?.$ref) resolved = resolveRef<Schema>(document, schema.$ref, '');
  } catch {
    // A dangling $ref is reported where the response is built, with its pointer.
    return false;
  }
  return resolved?.properties?.object?.enum?.[0] === 'list' && resolved.properties.data !== undefined;
}

/** A `servers` list's first URL, without its trailing slash. */
function serverOf(servers: { url: string }[] | undefined): string | undefined {
  const url = servers?.[0]?.url;
  return typeof url === 'string' && url !== '' ? url.replace(/\/+$/, '') : undefined;
}

/**
 * The host Stripe serves files from: the one the spec names for its uploads (`multipart/form-data`
 * operations with their own `servers`). The spec names it only there, but Stripe serves file
 * downloads (a quote's PDF) from it too, as stripe-node does.
 */
function fileServerOf(operations: RawOperation[], apiServer: string): string | undefined {
  for (const op of operations) {
    const server = serverOf(op.object.servers);
    const body = op.object.requestBody;
    if (server && server !== apiServer && body && !('$ref' in body) && body.content?.['multipart/form-data']) return server;
  }
  return undefined;
}

interface Servers {
  apiServer: string;
  fileServer: string | undefined;
}

function buildOperation(document: OpenApiDocument, raw: RawOperation, names: OperationNames, types: TypeBuilder, servers: Servers): Operation {
  const parameters = [...raw.pathParameters, ...(raw.object.parameters ?? [])].map((p, index) =>
    'ref' in p || '$ref' in p ? resolveRef<Parameter>(document, (p as Ref).$ref, pointerJoin(raw.pointer, 'parameters', index)) : p,
  );
  const declared = parameters.filter((p) => p.in === 'path');
  // In the order of the path, as stripe-node takes them: `/v1/transfers/{transfer}/reversals/{id}` → (transfer, id).
  const pathParams: PathParam[] = [...raw.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const p = declared.find((d) => d.name === name);
    if (!p) throw new SdkgenError(`path parameter '{${name}}' has no parameter definition`, { where: raw.pointer });
    return { name: p.name, identifier: identifier(p.name), description: p.description ?? '' };
  });
  const module = names.module;
  const response = buildResponse(document, raw, names, types, module);
  const own = serverOf(raw.object.servers);
  const server = own ?? (response.binary ? servers.fileServer : undefined);
  return {
    id: raw.id,
    method: raw.method,
    path: raw.path,
    pointer: raw.pointer,
    summary: raw.object.summary ?? '',
    title: raw.object.summary || operationTitle(names),
    description: raw.object.description ?? '',
    deprecated: Boolean(raw.object.deprecated),
    names,
    ...(server && server !== servers.apiServer ? { server } : {}),
    pathParams,
    params: buildParams(document, raw, names, parameters, types, module),
    response,
    parameters: parametersByLocation(document, raw, parameters),
  };
}

/** Each parameter where it travels, with its pointer: path-level ones under the path item, body fields under the body schema. */
function parametersByLocation(document: OpenApiDocument, raw: RawOperation, parameters: Parameter[]): OperationParameter[] {
  const itemPointer = raw.pointer.slice(0, raw.pointer.lastIndexOf('/'));
  const out: OperationParameter[] = parameters.flatMap((p, index): OperationParameter[] => {
    if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') return [];
    const pointer = index < raw.pathParameters.length
      ? pointerJoin(itemPointer, 'parameters', index)
      : pointerJoin(raw.pointer, 'parameters', index - raw.pathParameters.length);
    return [{ name: p.name, in: p.in, required: p.in === 'path' || Boolean(p.required), pointer }];
  });
  const requestBody = raw.object.requestBody;
  if (requestBody && raw.method !== 'GET' && raw.method !== 'DELETE') {
    const bodyPointer = pointerJoin(raw.pointer, 'requestBody');
    const body = '$ref' in requestBody ? resolveRef<RequestBody>(document, requestBody.$ref, bodyPointer) : requestBody;
    const [mediaType, media] = Object.entries(body.content ?? {})[0] ?? [];
    if (media?.schema) {
      const schemaPointer = pointerJoin(bodyPointer, 'content', mediaType!, 'schema');
      const schema = media.schema.$ref ? resolveRef<Schema>(document, media.schema.$ref, schemaPointer) : media.schema;
      const required = new Set(schema.required ?? []);
      const base = media.schema.$ref ?? schemaPointer;
      for (const name of Object.keys(schema.properties ?? {})) out.push({ name, in: 'body', required: required.has(name), pointer: pointerJoin(base, 'properties', name) });
    }
  }
  return out;
}

function buildParams(
  document: OpenApiDocument,
  raw: RawOperation,
  names: OperationNames,
  parameters: Parameter[],
  types: TypeBuilder,
  module: string,
): ParamsShape | undefined {
  // A DELETE's body parameters travel in its query string, as stripe-node sends them.
  if (raw.object.requestBody && raw.method !== 'GET') {
    const bodyPointer = pointerJoin(raw.pointer, 'requestBody');
    const body = '$ref' in raw.object.requestBody
      ? resolveRef<RequestBody>(document, raw.object.requestBody.$ref, bodyPointer)
      : raw.object.requestBody;
    const [mediaType, media] = Object.entries(body.content ?? {})[0] ?? [];
    const schemaPointer = pointerJoin(bodyPointer, 'content', mediaType ?? '', 'schema');
    const schema = media?.schema?.$ref ? resolveRef<Schema>(document, media.schema.$ref, schemaPointer) : media?.schema;
    if (schema && Object.keys(schema.properties ?? {}).length > 0) {
      const decl = types.newRoot(names.namespace, names.paramsType, schemaPointer, body.description ?? '', module);
      decl.body = { kind: 'interface', properties: types.properties(schema, decl, 'request', schemaPointer) };
      const encoding = mediaType === 'multipart/form-data' ? 'multipart' : 'form';
      return { in: raw.method === 'DELETE' ? 'query' : 'body', encoding, required: (schema.required ?? []).length > 0, decl };
    }
  }
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length === 0) {
    if (raw.method !== 'DELETE') return undefined;
    // stripe-node gives every delete a params type, empty when it takes none, so a params argument is accepted.
    const decl = types.newRoot(names.namespace, names.paramsType, paramsPointer(raw), '', module);
    return { in: 'query', encoding: 'form', required: false, decl };
  }
  const schema: Schema = {
    type: 'object',
    properties: Object.fromEntries(query.map((p) => [p.name, { ...(p.schema ?? {}), description: p.description ?? p.schema?.description }])),
    required: query.filter((p) => p.required).map((p) => p.name),
  };
  // The params type gathers parameters that the spec keeps apart, so each field points at its own
  // parameter (a later one of the same name, the operation's own, wins as it does in `schema`).
  const located = new Map<string, FieldPointers>();
  parameterPointers(raw).forEach((pointer, index) => {
    const p = parameters[index]!;
    if (p.in === 'query') located.set(p.name, { property: pointer, schema: pointerJoin(pointer, 'schema') });
  });
  const decl = types.newRoot(names.namespace, names.paramsType, paramsPointer(raw), '', module);
  decl.body = { kind: 'interface', properties: types.properties(schema, decl, 'request', decl.pointer, (name) => located.get(name)) };
  return { in: 'query', encoding: 'form', required: query.some((p) => p.required), decl };
}

/** Where the params type of an operation without a body is: its parameter list, or the operation when it has none of its own. */
function paramsPointer(raw: RawOperation): string {
  return raw.object.parameters?.length ? pointerJoin(raw.pointer, 'parameters') : raw.pointer;
}

/** Each parameter's own pointer, path item's first as `buildOperation` lists them; a `$ref` one at its target. */
function parameterPointers(raw: RawOperation): string[] {
  const itemPointer = raw.pointer.slice(0, raw.pointer.lastIndexOf('/'));
  const at = (list: (Parameter | Ref)[], listPointer: string) =>
    list.map((p, index) => ('$ref' in p ? (p as Ref).$ref : pointerJoin(listPointer, index)));
  return [...at(raw.pathParameters, pointerJoin(itemPointer, 'parameters')), ...at(raw.object.parameters ?? [], pointerJoin(raw.pointer, 'parameters'))];
}

function buildResponse(document: OpenApiDocument, raw: RawOperation, names: OperationNames, types: TypeBuilder, module: string): ResponseShape {
  const responses = raw.object.responses ?? {};
  const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  const pointer = pointerJoin(raw.pointer, 'responses', code ?? '200');
  const entry = code ? responses[code]! : undefined;
  const response = entry && '$ref' in entry ? resolveRef<Response>(document, entry.$ref, pointer) : (entry as Response | undefined);
  const content = response?.content ?? {};
  const schema = content['application/json']?.schema;
  const binary = schema ? undefined : Object.keys(content).find((type) => !/\bjson\b/i.test(type));
  if (binary) return { kind: 'object', type: { kind: 'primitive', name: 'unknown' }, binary };
  if (!schema) return { kind: 'object', type: { kind: 'primitive', name: 'unknown' } };
  const schemaPointer = pointerJoin(pointer, 'content', 'application/json', 'schema');
  const resolved = schema.$ref ? resolveRef<Schema>(document, schema.$ref, schemaPointer) : schema;
  const objectEnum = resolved.properties?.object?.enum;
  const items = resolved.properties?.data?.items;
  if (!schema.$ref && items && (objectEnum?.[0] === 'list' || objectEnum?.[0] === 'search_result')) {
    const holder = types.lazyRoot(names.namespace, names.responseType, schemaPointer, module);
    const type = types.typeOf(items, { owner: holder, hint: 'data', pointer: pointerJoin(schemaPointer, 'properties', 'data', 'items'), direction: 'response' });
    return { kind: objectEnum[0] === 'list' ? 'list' : 'search', type };
  }
  const responseName = names.responseType;
  if (!schema.$ref && resolved.properties) {
    const decl = types.newRoot(names.namespace, responseName, schemaPointer, resolved.description ?? '', module);
    decl.body = { kind: 'interface', properties: types.properties(resolved, decl, 'response', schemaPointer) };
    return { kind: 'object', type: { kind: 'ref', id: decl.id } };
  }
  const holder = types.lazyRoot(names.namespace, responseName, schemaPointer, module);
  return { kind: 'object', type: types.typeOf(schema, { owner: holder, hint: 'response', pointer: schemaPointer, direction: 'response' }) };
}

/** A heading in the API reference's style when the spec has no summary: "Create a VerificationSession". */
function operationTitle(names: OperationNames): string {
  const thing = names.singularName;
  const words = names.method.replace(/_$/, '').replace(/([A-Z])/g, ' $1').toLowerCase().split(' ');
  const verb = words[0] === 'del' ? 'delete' : words[0]!;
  const rest = words.slice(1).join(' ');
  const Verb = verb.charAt(0).toUpperCase() + verb.slice(1);
  if (verb === 'list' && !rest) return `List all ${names.resourceClass}`;
  if (verb === 'search' && !rest) return `Search ${names.resourceClass}`;
  const article = /^[aeiou]/i.test(thing) ? 'an' : 'a';
  return rest ? `${Verb} ${rest} of ${article} ${thing}` : `${Verb} ${article} ${thing}`;
}

function groupResources(operations: Operation[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const op of operations) {
    const n = op.names;
    const key = n.resourceId;
    let group = groups.get(key);
    if (!group) {
      group = {
        namespace: n.namespace,
        namespaceProperty: n.namespaceProperty,
        className: n.resourceClass,
        property: n.resourceProperty,
        path: n.resourcePath,
        id: n.resourceId,
        module: n.module,
        methodsModule: `methods/${[...n.namespace, n.resourceClass].join('/')}`,
        operations: [],
      };
      groups.set(key, group);
    }
    group.operations.push(op);
  }
  return [...groups.values()].sort((a, b) => (a.module < b.module ? -1 : 1));
}
