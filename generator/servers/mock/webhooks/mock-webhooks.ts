import crypto from 'node:crypto';
import { SdkgenError } from '../../../errors.js';
import type { ApiModel } from '../../../model/types.js';
import type { StripeError } from '../../stripe-error.js';
import { buildEvent, type StripeEventObject } from './build-event.js';
import { WebhookDelivery, type DeliveryAttempt, type RetryPolicy } from './delivery.js';
import { EventLog } from './event-log.js';
import { EventTypes, type StoreChange } from './event-types.js';
import { TriggerError, Triggers } from './trigger.js';

export interface MockWebhooksOptions {
  /** The model the mock serves: its event types, their objects' states, and the API version events carry. */
  model: Pick<ApiModel, 'apiVersion' | 'events'>;
  /** Where to POST events (`--webhook URL`, repeatable); none keeps events for `GET /v1/events` only. */
  endpoints: string[];
  /** The signing secret (`--webhook-secret`); default a new `whsec_…`. */
  secret?: string | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Delivery lines (stderr in the CLI). */
  log?: ((line: string) => void) | undefined;
}

/** A request the events routes answer: what the mock server has parsed already. */
export interface EventsRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  /** The key of the `Authorization` header; events are kept per key, as per account. */
  apiKey: string;
  /** The parsed JSON or form body, for `POST /__mock/trigger`. */
  body?: Record<string, unknown> | undefined;
}

export interface EventsAnswer {
  status: number;
  body: unknown;
}

/** Looks an object up in the mock's store and applies a trigger's change to it (which reports the change). */
export interface TriggerStore {
  get(apiKey: string, id: string): Record<string, unknown> | undefined;
  /** Stores the new state; the store's change listener then calls `onChange`. */
  update(apiKey: string, id: string, object: Record<string, unknown>, previousAttributes: Record<string, unknown>, operationId: string): void;
}

/** `whsec_` and 32 random base-16 characters. */
export function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(16).toString('hex')}`;
}

/**
 * Webhook events for `sdkgen mock`: each store change becomes the event Stripe would send, kept
 * for `GET /v1/events` and delivered, signed, to every endpoint. Independent of the store: it is
 * given changes (`onChange`) and answers its own routes (`handle`).
 */
export class MockWebhooks {
  readonly secret: string;
  readonly events = new EventLog();
  readonly types: EventTypes;
  readonly triggers: Triggers;
  private readonly delivery: WebhookDelivery;
  private readonly apiVersion: string;

  /** How many endpoints each event goes to (its first `pending_webhooks`). */
  private readonly endpointCount: number;

  constructor(options: MockWebhooksOptions) {
    this.endpointCount = options.endpoints.length;
    this.secret = options.secret ?? newSigningSecret();
    if (!this.secret.startsWith('whsec_')) throw new SdkgenError('--webhook-secret must start with whsec_');
    for (const url of options.endpoints) {
      if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) throw new SdkgenError(`--webhook must be an http(s) URL, not '${url}'`);
    }
    const events = options.model.events ?? [];
    this.types = new EventTypes(events);
    this.triggers = new Triggers(events);
    this.apiVersion = options.model.apiVersion;
    this.delivery = new WebhookDelivery({
      endpoints: options.endpoints,
      secret: this.secret,
      retry: options.retry,
      log: options.log,
      onDelivered: (event) => {
        event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
      },
    });
  }

  /**
   * The store's change listener: builds, keeps and sends the change's events (most changes make
   * one); returns the first, or undefined when Stripe sends none.
   */
  onChange = (change: StoreChange): StripeEventObject | undefined => {
    const events = this.types.allForChange(change).map((type) => buildEvent(change, type, { apiVersion: this.apiVersion, endpoints: this.endpointCount }));
    for (const event of events) {
      this.events.add(change.apiKey, event);
      // Sent as it is now; the kept event's `pending_webhooks` goes down as endpoints take it.
      this.delivery.send(event);
    }
    return events[0];
  };

  /** Every delivery attempt, oldest first; `eventId` narrows to one event's. */
  deliveries(eventId?: string): DeliveryAttempt[] {
    return this.delivery.log(eventId);
  }

  /** Resolves once every delivery has landed or given up. */
  idle(): Promise<void> {
    return this.delivery.idle();
  }

  close(): Promise<void> {
    return this.delivery.close();
  }

  /**
   * Answers `GET /v1/events`, `GET /v1/events/{id}`, `GET /__mock/webhook_deliveries` and, given a
   * store, `POST /__mock/trigger` (`{ type, id }`); undefined for any other request, which the mock
   * routes as usual.
   */
  handle(request: EventsRequest, store?: TriggerStore): EventsAnswer | undefined {
    const { method, pathname, query, apiKey } = request;
    if (pathname === '/v1/events' && method === 'GET') {
      const limit = query.get('limit');
      if (limit !== null && !/^\d+$/.test(limit)) return invalid(`Invalid integer: ${limit}`, 'limit');
      if (limit !== null && (Number(limit) < 1 || Number(limit) > 100)) return invalid('This value must be between 1 and 100.', 'limit');
      return {
        status: 200,
        body: this.events.list(apiKey, {
          ...(limit !== null ? { limit: Number(limit) } : {}),
          ...(query.get('starting_after') ? { starting_after: query.get('starting_after')! } : {}),
          ...(query.get('ending_before') ? { ending_before: query.get('ending_before')! } : {}),
          ...(query.get('type') ? { type: query.get('type')! } : {}),
        }),
      };
    }
    const one = /^\/v1\/events\/([^/]+)$/.exec(pathname);
    if (one && method === 'GET') {
      const id = safeDecode(one[1]!);
      const event = this.events.retrieve(apiKey, id);
      return event ? { status: 200, body: event } : invalid(`No such event: '${id}'`, 'id', 404, 'resource_missing');
    }
    if (pathname === '/__mock/webhook_deliveries' && method === 'GET') {
      return { status: 200, body: { object: 'list', data: this.deliveries(query.get('event') ?? undefined) } };
    }
    if (pathname === '/__mock/trigger' && method === 'POST' && store) return this.trigger(request, store);
    return undefined;
  }

  private trigger(request: EventsRequest, store: TriggerStore): EventsAnswer {
    const type = request.body?.type;
    const id = request.body?.id;
    if (typeof type !== 'string' || typeof id !== 'string') return invalid('POST /__mock/trigger takes `type` (an event type) and `id` (the object to move)', typeof type !== 'string' ? 'type' : 'id');
    const object = store.get(request.apiKey, id);
    if (!object) return invalid(`No such object: '${id}'`, 'id', 404, 'resource_missing');
    try {
      const plan = this.triggers.plan(type, object);
      // An object already in that state is not changed, and no event is sent (as Stripe sends none).
      if (Object.keys(plan.previousAttributes).length === 0) return { status: 200, body: { object, event: null } };
      const before = this.events.list(request.apiKey, { limit: 1 }).data[0];
      store.update(request.apiKey, id, plan.object, plan.previousAttributes, `trigger:${type}`);
      const event = this.events.list(request.apiKey, { limit: 1 }).data[0];
      return { status: 200, body: { object: plan.object, event: event && event !== before && event.type === type ? event : null } };
    } catch (error) {
      if (error instanceof TriggerError) return invalid(error.message, 'type');
      throw error;
    }
  }
}

function invalid(message: string, param: string, status = 400, code?: string): EventsAnswer {
  const error: StripeError = { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) };
  return { status, body: { error } };
}

/** A path segment as sent; a malformed escape (`%E0`) is kept as it is and matches no event. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
