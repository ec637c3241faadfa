import type { Decl } from '../../model/types.js';
import type { StripeError } from '../stripe-error.js';
import type { PlannedOperation } from './api-plan.js';
import { expand } from './expand.js';
import { fakeObject, fakeResponse } from './fake-object.js';
import type { FormObject } from './form-decode.js';
import { onAction, onCreate } from './lifecycles.js';
import { listPage } from './lists.js';
import { buildObject, mergeParams, newId, objectDecl } from './object-builder.js';
import type { MockStore, StoredEntry, StoredObject } from './object-store.js';
import { searchPage } from './search.js';

export interface ApiRequest {
  plan: PlannedOperation;
  apiKey: string;
  /** Params without `expand` (checked and applied here). */
  params: FormObject;
  expand: string[];
  /** Path parameter values, decoded. */
  pathValues: Record<string, string>;
  pathname: string;
  /** What seeds the answer of an operation answered from the schema alone. */
  seed: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const ITEM = /^(.*)\/\{([^}]+)\}$/;
const PAYMENT_METHODS = '/v1/payment_methods';

/**
 * The operations of the spec over the store: creates, reads, updates, deletes, lists, searches and
 * actions, with the errors Stripe gives (404 `resource_missing`, 400 for a state an action refuses).
 */
export class StatefulApi {
  /** Collection templates that hold objects of their own (a create or a retrieve serves them). */
  private readonly stored = new Map<string, PlannedOperation>();

  constructor(
    plans: PlannedOperation[],
    private readonly index: Map<string, Decl>,
    private readonly store: MockStore,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    for (const plan of plans) {
      if ((plan.role === 'create' || plan.role === 'retrieve') && !this.stored.has(plan.collection)) this.stored.set(plan.collection, plan);
    }
  }

  handle(request: ApiRequest): ApiAnswer {
    const { plan } = request;
    switch (plan.role) {
      case 'create':
        return this.create(request);
      case 'retrieve':
        return this.withObject(request, (entry) => this.answer(request, entry.object));
      case 'update':
        return this.withObject(request, (entry) => {
          const next = { ...entry.object };
          mergeParams(next, plan.decl!, request.params, this.index);
          this.store.update(request.apiKey, entry, next, plan.op.id);
          return this.answer(request, next);
        });
      case 'del':
        return this.withObject(request, (entry) => {
          this.store.delete(request.apiKey, entry, plan.op.id);
          const deleted = fakeResponse({ op: plan.op, index: this.index, params: {}, pathValues: request.pathValues, seed: request.seed }) as StoredObject;
          return { status: 200, body: { ...deleted, id: entry.id, deleted: true } };
        });
      case 'action':
        return this.action(request);
      case 'list':
        return this.list(request);
      case 'search':
        return this.search(request);
      case 'schema':
        return { status: 200, body: fakeResponse({ op: plan.op, index: this.index, params: request.params, pathValues: request.pathValues, seed: request.seed }) };
    }
  }

  private create(request: ApiRequest): ApiAnswer {
    const { plan, params, apiKey } = request;
    const missing = this.missingParent(request);
    if (missing) return missing;
    const objectName = plan.objectName!;
    const chosen = typeof params.id === 'string' && params.id !== '' ? params.id : undefined;
    if (chosen && this.store.get(apiKey, chosen)) {
      return error(400, { type: 'invalid_request_error', code: 'resource_already_exists', param: 'id', message: `${objectName} already exists with id '${chosen}'.` });
    }
    const id = chosen ?? newId(objectName);
    const now = this.now();
    const object = buildObject({ kind: 'ref', id: plan.decl!.id }, plan.decl!, this.index, id, params, now);
    this.linkParent(request, object);
    const refusal = onCreate(objectName, plan.decl!, this.index, object, params, now);
    if (refusal) return error(400, { type: 'invalid_request_error', code: refusal.code, message: refusal.message }, refusal.extra);
    const entry = this.store.create(apiKey, this.collectionPath(plan.collection, request.pathValues), object, plan.op.id);
    return this.answer(request, entry.object);
  }

  private action(request: ApiRequest): ApiAnswer {
    const { plan } = request;
    return this.withObject(request, (entry) => {
      // An action answering with another type (a refund of a charge, say) is answered from the schema.
      if (entry.object.object !== plan.objectName) {
        return { status: 200, body: fakeResponse({ op: plan.op, index: this.index, params: request.params, pathValues: request.pathValues, seed: request.seed }) };
      }
      const next = { ...entry.object };
      const refusal = onAction(plan.objectName!, plan.action!, next, request.params, this.now());
      if (refusal) return error(400, { type: 'invalid_request_error', code: refusal.code, message: refusal.message }, refusal.extra);
      mergeParams(next, plan.decl!, request.params, this.index);
      this.store.update(request.apiKey, entry, next, plan.op.id);
      return this.answer(request, next);
    });
  }

  private list(request: ApiRequest): ApiAnswer {
    const { plan, apiKey, params } = request;
    const collection = this.collectionPath(plan.collection, request.pathValues);
    const page = listPage(this.store.space(apiKey), collection, params, plan.filters, plan.objectName ?? 'object');
    if ('status' in page) return error(page.status, { type: 'invalid_request_error', code: page.code, param: page.param, message: page.message });
    const data = plan.decl ? page.data.map((o) => this.expanded(apiKey, o, plan.decl!, itemPaths(request.expand))) : page.data;
    return { status: 200, body: { object: 'list', data, has_more: page.hasMore, url: request.pathname } };
  }

  private search(request: ApiRequest): ApiAnswer {
    const { plan, apiKey } = request;
    const entries = this.store.space(apiKey).entries(this.collectionPath(plan.collection, request.pathValues));
    const page = searchPage(entries, request.params);
    if ('status' in page) return error(page.status, { type: 'invalid_request_error', code: page.code, param: page.param, message: page.message });
    const data = plan.decl ? page.data.map((o) => this.expanded(apiKey, o, plan.decl!, itemPaths(request.expand))) : page.data;
    return { status: 200, body: { object: 'search_result', data, has_more: page.hasMore, next_page: page.nextPage, url: request.pathname } };
  }

  /** Runs `then` on the object the path names, or answers 404 as Stripe does. */
  private withObject(request: ApiRequest, then: (entry: StoredEntry) => ApiAnswer): ApiAnswer {
    const { plan, apiKey, pathValues } = request;
    const missing = this.missingParent(request);
    if (missing) return missing;
    const id = pathValues[plan.idParam!] ?? '';
    const entry = this.store.get(apiKey, id) ?? this.testCard(request, id);
    if (!entry || entry.collection !== this.collectionPath(plan.collection, pathValues)) return notFound(plan.objectName ?? 'object', id, 'id');
    return then(entry);
  }

  /**
   * Stripe's test payment methods (`pm_card_visa`, `pm_card_mastercard` …) exist in every test
   * account: the first use stores one, so it can be retrieved, attached and detached.
   */
  private testCard(request: ApiRequest, id: string): StoredEntry | undefined {
    const match = /^pm_card_([a-z]+)/.exec(id);
    const owner = this.stored.get(PAYMENT_METHODS);
    if (!match || request.plan.collection !== PAYMENT_METHODS || !owner?.decl) return undefined;
    const object = buildObject({ kind: 'ref', id: owner.decl.id }, owner.decl, this.index, id, { type: 'card' }, this.now());
    const card = owner.decl.body.kind === 'interface' ? owner.decl.body.properties.find((p) => p.name === 'card') : undefined;
    const cardDecl = card ? objectDecl(card.type, this.index) : undefined;
    if (cardDecl) {
      const brand = match[1] === 'amex' ? 'amex' : match[1] === 'mastercard' ? 'mastercard' : match[1] === 'discover' ? 'discover' : 'visa';
      const details = fakeObject({ kind: 'ref', id: cardDecl.id }, this.index, id) as StoredObject;
      object.card = { ...details, brand, last4: brand === 'amex' ? '8431' : brand === 'mastercard' ? '4444' : '4242', exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, country: 'US', funding: 'credit' };
    }
    return this.store.create(request.apiKey, PAYMENT_METHODS, object, request.plan.op.id);
  }

  /** A nested collection's parent (`/v1/customers/{customer}` of its balance transactions) must exist. */
  private missingParent(request: ApiRequest): ApiAnswer | undefined {
    const parent = ITEM.exec(request.plan.collection.replace(/\/[^/{}]+$/, ''));
    if (!parent) return undefined;
    const [, parentCollection, param] = parent;
    const owner = this.stored.get(parentCollection!);
    if (!owner) return undefined;
    const id = request.pathValues[param!] ?? '';
    const entry = this.store.get(request.apiKey, id);
    if (!entry || entry.collection !== this.collectionPath(parentCollection!, request.pathValues)) return notFound(owner.objectName ?? 'object', id, param!);
    return undefined;
  }

  /** A nested object names its parent (a balance transaction's `customer`, a reversal's `transfer`). */
  private linkParent(request: ApiRequest, object: StoredObject): void {
    const parent = ITEM.exec(request.plan.collection.replace(/\/[^/{}]+$/, ''));
    if (!parent) return;
    const param = parent[2]!;
    const ownerName = this.stored.get(parent[1]!)?.objectName;
    for (const field of [param, ownerName]) {
      if (field && field !== 'id' && field !== 'object' && field in object && (object[field] === null || typeof object[field] === 'string')) {
        object[field] = request.pathValues[param];
        return;
      }
    }
  }

  private collectionPath(template: string, pathValues: Record<string, string>): string {
    return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  }

  private answer(request: ApiRequest, object: StoredObject): ApiAnswer {
    return { status: 200, body: this.expanded(request.apiKey, object, request.plan.decl!, request.expand) };
  }

  private expanded(apiKey: string, object: StoredObject, decl: Decl, paths: string[]): StoredObject {
    if (paths.length === 0) return object;
    return expand(object, paths, decl, this.index, (id) => this.store.get(apiKey, id)?.object);
  }
}

/** The `data.`-prefixed paths of a list's `expand`, without the prefix. */
function itemPaths(paths: string[]): string[] {
  return paths.filter((p) => p.startsWith('data.')).map((p) => p.slice(5));
}

export function notFound(objectName: string, id: string, param: string): ApiAnswer {
  const name = objectName.split('.').pop()!;
  return error(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${name}: '${id}'` });
}

function error(status: number, body: StripeError, extra?: Record<string, unknown>): ApiAnswer {
  const clean: Record<string, unknown> = { type: body.type };
  if (body.code) clean.code = body.code;
  if (body.param) clean.param = body.param;
  clean.message = body.message;
  return { status, body: { error: { ...clean, ...extra } } };
}
