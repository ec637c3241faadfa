import type { Decl, Operation, TypeExpr } from '../../model/types.js';

/**
 * What an operation does to the store, read from its generated method name and its path's shape:
 * `POST /v1/customers` creates in the collection `/v1/customers`, `GET /v1/customers/{customer}`
 * retrieves from it, `POST /v1/payment_intents/{intent}/cancel` is an action on one stored object.
 * Anything else (`GET /v1/balance`) is answered from the schema alone.
 */
export type Role = 'create' | 'list' | 'search' | 'retrieve' | 'update' | 'del' | 'action' | 'schema';

export interface PlannedOperation {
  op: Operation;
  role: Role;
  /** The collection's path template (`/v1/customers/{customer}/balance_transactions`); '' for `schema`. */
  collection: string;
  /** For item operations and actions: the path parameter holding the object's id. */
  idParam?: string;
  /** The response's declaration (the item's, for lists), when it is an object type. */
  decl?: Decl;
  /** The declared `object` value of that type (`customer`), if any. */
  objectName?: string;
  /** For actions: the action's name (`cancel`), the last path segment. */
  action?: string;
  /** Names of the list's query params that filter by equality on a field of the item (`customer`, `status`). */
  filters: string[];
}

const ITEM = /^(.*)\/\{([^}]+)\}$/;
const ACTION = /^(.*)\/\{([^}]+)\}\/([a-z_]+)$/;
const PAGING = new Set(['limit', 'starting_after', 'ending_before', 'expand', 'created', 'page', 'query']);

export function planOperations(operations: Operation[], index: Map<string, Decl>): PlannedOperation[] {
  const planned = operations.map((op) => planOne(op, index));
  // An action is only stateful on a collection the store knows (one with a create, list or retrieve).
  const collections = new Set(planned.filter((p) => p.role !== 'action' && p.role !== 'schema').map((p) => p.collection));
  return planned.map((p) => {
    if (p.role !== 'action' || collections.has(p.collection)) return p;
    // Test helpers (`/v1/test_helpers/refunds/{refund}/expire`) act on the live collection's objects.
    const live = p.collection.replace(/^\/v1\/test_helpers\//, '/v1/');
    return collections.has(live) ? { ...p, collection: live } : { ...p, role: 'schema' as const, collection: '' };
  });
}

function planOne(op: Operation, index: Map<string, Decl>): PlannedOperation {
  const decl = responseDecl(op.response.type, index);
  const objectName = decl ? objectLiteral(decl) : undefined;
  const base = { op, decl, objectName, filters: [] as string[] };
  const item = ITEM.exec(op.path);
  const verb = op.names.method;
  if (op.response.kind === 'list' && op.method === 'GET') return { ...base, role: 'list', collection: op.path, filters: listFilters(op, decl, index) };
  if (op.response.kind === 'search' && op.method === 'GET') return { ...base, role: 'search', collection: op.path.replace(/\/search$/, '') };
  if (!decl || !objectName) return { ...base, role: 'schema', collection: '' };
  // `POST /v1/transfers/{id}/reversals` (createReversal) creates under its parent.
  if (op.method === 'POST' && !item && verb.startsWith('create')) return { ...base, role: 'create', collection: op.path };
  if (item) {
    const [, collection, idParam] = item;
    if (op.method === 'GET') return { ...base, role: 'retrieve', collection: collection!, idParam };
    if (op.method === 'POST') return { ...base, role: 'update', collection: collection!, idParam };
    if (op.method === 'DELETE') return { ...base, role: 'del', collection: collection!, idParam };
  }
  const action = ACTION.exec(op.path);
  if (action && op.method === 'POST') return { ...base, role: 'action', collection: action[1]!, idParam: action[2], action: action[3] };
  return { ...base, role: 'schema', collection: '' };
}

/** Query params of a list that name a top-level field of the item: Stripe filters on them by equality. */
function listFilters(op: Operation, item: Decl | undefined, index: Map<string, Decl>): string[] {
  if (!item || item.body.kind !== 'interface' || op.params?.decl.body.kind !== 'interface') return [];
  const fields = new Set(item.body.properties.map((p) => p.name));
  return op.params.decl.body.properties.filter((p) => !PAGING.has(p.name) && fields.has(p.name) && isScalar(p.type, index)).map((p) => p.name);
}

function isScalar(type: TypeExpr, index: Map<string, Decl>): boolean {
  if (type.kind === 'primitive' || type.kind === 'literal' || type.kind === 'null') return true;
  if (type.kind === 'union') return type.members.every((m) => isScalar(m, index));
  if (type.kind === 'ref') {
    const decl = index.get(type.id);
    return decl?.body.kind === 'alias' && isScalar(decl.body.type, index);
  }
  return false;
}

/** The object type an operation answers with; of `Customer | DeletedCustomer`, the live one. */
function responseDecl(type: TypeExpr, index: Map<string, Decl>): Decl | undefined {
  if (type.kind === 'ref') {
    const decl = index.get(type.id);
    return decl?.body.kind === 'alias' ? responseDecl(decl.body.type, index) : decl;
  }
  if (type.kind !== 'union') return undefined;
  const members = type.members.map((m) => responseDecl(m, index)).filter((d): d is Decl => Boolean(d && objectLiteral(d)));
  return members.find((d) => d.body.kind === 'interface' && !d.body.properties.some((p) => p.name === 'deleted')) ?? members[0];
}

export function objectLiteral(decl: Decl): string | undefined {
  if (decl.body.kind !== 'interface') return undefined;
  const object = decl.body.properties.find((p) => p.name === 'object');
  return object?.type.kind === 'literal' ? String(object.type.value) : undefined;
}
