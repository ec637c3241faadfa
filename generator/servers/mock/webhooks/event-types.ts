import type { WebhookEventType } from '../../../model/types.js';

/** A change in the mock's store, as its change listener reports it. */
export interface StoreChange {
  kind: 'created' | 'updated' | 'deleted';
  /** The key the request was made with: events belong to its account. */
  apiKey: string;
  /** The object after the change (for a delete, as it was). */
  object: Record<string, unknown>;
  /** For an update, the changed fields as they were before. */
  previousAttributes?: Record<string, unknown> | undefined;
  /** The operation that made the change, or a trigger's name. */
  operationId: string;
  /** The request's `Request-Id` and `Idempotency-Key`, for the event's `request`. */
  requestId?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * Which event Stripe sends for a change, from the spec's own list of event types (the model's
 * `events`): a create is `<prefix>.created`, a delete `<prefix>.deleted`; an update that moves
 * `status` to a state with an event of its own is that event (`identity.verification_session.verified`,
 * `payment_intent.succeeded`), one that completes a redaction is `<prefix>.redacted` (both, when
 * it does both), any other is `<prefix>.updated`. A change the spec has no event for sends none.
 */
export class EventTypes {
  /** Object value → the event type prefixes about it (`subscription` → `customer.subscription`). */
  private readonly prefixes = new Map<string, string[]>();
  private readonly known = new Set<string>();

  constructor(events: readonly WebhookEventType[]) {
    for (const event of events) {
      this.known.add(event.type);
      const prefix = event.type.slice(0, event.type.lastIndexOf('.'));
      for (const object of event.objects) {
        const list = this.prefixes.get(object.value) ?? [];
        if (!list.includes(prefix)) list.push(prefix);
        this.prefixes.set(object.value, list);
      }
    }
  }

  has(type: string): boolean {
    return this.known.has(type);
  }

  /** Every event type of the spec, sorted. */
  all(): string[] {
    return [...this.known].sort();
  }

  /** The event type prefix for an object value: `identity.verification_session`. */
  prefixOf(objectValue: string): string | undefined {
    const prefixes = this.prefixes.get(objectValue) ?? [];
    // `card` is named by `customer.source` and `account.external_account`; the object's own name first.
    return prefixes.find((p) => p === objectValue) ?? prefixes[0];
  }

  /** The first event a change produces (its state's, when it has one), or undefined when Stripe sends none for it. */
  forChange(change: StoreChange): string | undefined {
    return this.allForChange(change)[0];
  }

  /**
   * Every event a change produces, in the order Stripe sends them: a redaction of a session still
   * waiting for input cancels it too, which is `.canceled` and then `.redacted`. A change with
   * neither is `<prefix>.created`, `.updated` or `.deleted`, when the spec lists it.
   */
  allForChange(change: StoreChange): string[] {
    const value = change.object.object;
    const prefix = typeof value === 'string' ? this.prefixOf(value) : undefined;
    if (!prefix) return [];
    const types: string[] = [];
    if (change.kind === 'updated') {
      const before = change.previousAttributes ?? {};
      const status = change.object.status;
      if ('status' in before && typeof status === 'string') types.push(`${prefix}.${status}`);
      const redaction = change.object.redaction as { status?: unknown } | null | undefined;
      if ('redaction' in before && redaction?.status === 'redacted') types.push(`${prefix}.redacted`);
    }
    const known = types.filter((type) => this.known.has(type));
    if (known.length > 0) return known;
    const plain = `${prefix}.${change.kind}`;
    return this.known.has(plain) ? [plain] : [];
  }
}
