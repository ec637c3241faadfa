import crypto from 'node:crypto';
import type { StoreChange } from './event-types.js';

/** An event as the API renders it (the package's `Event`, untyped here). */
export interface StripeEventObject {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `evt_` and 24 random base-62 characters, as Stripe's ids look. */
export function eventId(): string {
  const bytes = crypto.randomBytes(24);
  let id = 'evt_';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** The event Stripe would send for `change`, as type `type`. */
export function buildEvent(change: StoreChange, type: string, options: { apiVersion: string; endpoints: number; now?: number }): StripeEventObject {
  const event: StripeEventObject = {
    id: eventId(),
    object: 'event',
    api_version: options.apiVersion,
    created: Math.floor((options.now ?? Date.now()) / 1000),
    data: { object: structuredClone(change.object) },
    livemode: false,
    pending_webhooks: options.endpoints,
    request: { id: change.requestId ?? null, idempotency_key: change.idempotencyKey ?? null },
    type,
  };
  if (change.kind === 'updated' && change.previousAttributes) event.data.previous_attributes = structuredClone(change.previousAttributes);
  return event;
}
