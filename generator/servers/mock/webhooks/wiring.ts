import { decodeForm, FormDecodeError } from '../form-decode.js';
import type { MockStore } from '../object-store.js';
import type { EventsAnswer, MockWebhooks, TriggerStore } from './mock-webhooks.js';

/** The request a change is made in, for the event's `request` field. */
export interface RequestContext {
  requestId: string;
  idempotencyKey?: string | undefined;
}

/** What the mock server has read of a request when it asks the events routes. */
export interface EventsRouteRequest extends RequestContext {
  method: string;
  pathname: string;
  /** `?…` or empty. */
  search: string;
  apiKey: string;
  /** The raw body. */
  body: string;
  contentType: string | undefined;
}

/** The webhooks as one mock server uses them: its store's changes become events, and it answers the events routes. */
export interface WebhookWiring {
  /** The answer of `GET /v1/events(/{id})`, `GET /__mock/webhook_deliveries` or `POST /__mock/trigger`; undefined for any other request. */
  answer(request: EventsRouteRequest): EventsAnswer | undefined;
  /** Runs `work` (which writes to the store) with the events it makes attributed to `context`. */
  during<T>(context: RequestContext, work: () => T): T;
  /** Forgets the events, with the objects they were about (`DELETE /__mock/state`). */
  clear(): void;
  /** Stops listening to the store (the server closed). */
  disconnect(): void;
}

/**
 * Connects the webhooks to a store: every change the store reports becomes an event, and triggers
 * write through the store, so they report their change the same way an API call does. The one
 * wiring `createMock` uses, for the CLI and for tests alike.
 */
export function connectWebhooks(webhooks: MockWebhooks, store: MockStore): WebhookWiring {
  let current: RequestContext | undefined;
  const unsubscribe = store.onChange((change) => {
    webhooks.onChange({ ...change, ...(current ? { requestId: current.requestId, idempotencyKey: current.idempotencyKey } : {}) });
  });
  const triggerStore = storeForTriggers(store);
  const during = <T>(context: RequestContext, work: () => T): T => {
    const outer = current;
    current = context;
    try {
      return work();
    } finally {
      current = outer;
    }
  };
  return {
    answer(request) {
      let body: Record<string, unknown> | undefined;
      if (request.method === 'POST' && request.body) {
        const parsed = parseBody(request.body, request.contentType);
        if (typeof parsed === 'string') return { status: 400, body: { error: { type: 'invalid_request_error', message: parsed } } };
        body = parsed;
      }
      const query = new URLSearchParams(request.search);
      return during(request, () => webhooks.handle({ method: request.method, pathname: request.pathname, query, apiKey: request.apiKey, body }, triggerStore));
    },
    during,
    clear: () => webhooks.events.clear(),
    disconnect: () => {
      unsubscribe();
    },
  };
}

/** The store as triggers see it: objects by id, and an update that the store reports as any other. */
function storeForTriggers(store: MockStore): TriggerStore {
  return {
    get: (apiKey, id) => store.get(apiKey, id)?.object,
    update: (apiKey, id, object, _previousAttributes, operationId) => {
      const entry = store.get(apiKey, id);
      // The store works out the previous values itself, from the object it holds.
      if (entry) store.update(apiKey, entry, object, operationId);
    },
  };
}

/** A trigger's body: a form, as the API takes, or JSON, as a hand-written curl may send. */
function parseBody(text: string, contentType: string | undefined): Record<string, unknown> | string {
  if (/^application\/json\b/i.test(contentType ?? '')) {
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'The JSON body must be an object.';
    } catch {
      return 'The body is not valid JSON.';
    }
  }
  try {
    return decodeForm(text);
  } catch (error) {
    if (error instanceof FormDecodeError) return error.message;
    throw error;
  }
}
