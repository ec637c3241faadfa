import type { StripeEventObject } from './build-event.js';

export interface ListQuery {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  type?: string;
}

/**
 * The events of each account (API key), newest first, for `GET /v1/events` and
 * `GET /v1/events/{id}`. Kept in memory for the life of the mock; at most `capacity` per account,
 * the oldest dropped first.
 */
export class EventLog {
  private readonly byKey = new Map<string, StripeEventObject[]>();

  constructor(private readonly capacity = 10_000) {}

  add(apiKey: string, event: StripeEventObject): void {
    const list = this.byKey.get(apiKey) ?? [];
    list.unshift(event);
    if (list.length > this.capacity) list.length = this.capacity;
    this.byKey.set(apiKey, list);
  }

  /** Forgets every account's events (the mock's state was cleared). */
  clear(): void {
    this.byKey.clear();
  }

  retrieve(apiKey: string, id: string): StripeEventObject | undefined {
    return this.byKey.get(apiKey)?.find((event) => event.id === id);
  }

  /** A Stripe list object, paginated by `starting_after`/`ending_before` as the API does. */
  list(apiKey: string, query: ListQuery = {}): { object: 'list'; url: string; has_more: boolean; data: StripeEventObject[] } {
    const limit = Math.min(Math.max(query.limit ?? 10, 1), 100);
    let events = (this.byKey.get(apiKey) ?? []).filter((event) => !query.type || matchesType(event.type, query.type));
    if (query.starting_after) {
      const at = events.findIndex((event) => event.id === query.starting_after);
      events = at < 0 ? [] : events.slice(at + 1);
    } else if (query.ending_before) {
      const at = events.findIndex((event) => event.id === query.ending_before);
      events = at < 0 ? [] : events.slice(Math.max(0, at - limit), at);
      return { object: 'list', url: '/v1/events', has_more: at - limit > 0, data: events };
    }
    return { object: 'list', url: '/v1/events', has_more: events.length > limit, data: events.slice(0, limit) };
  }
}

/** `type` may end in `*`, as the API's filter allows: `identity.verification_session.*`. */
function matchesType(type: string, filter: string): boolean {
  return filter.endsWith('*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}
