import { Webhooks } from '../../../runtime/webhooks.js';
import type { StripeEventObject } from './build-event.js';

/** One attempt to deliver one event to one endpoint. */
export interface DeliveryAttempt {
  eventId: string;
  type: string;
  url: string;
  /** 1 for the first try. */
  attempt: number;
  /** The endpoint's HTTP status; absent when no answer came. */
  status?: number;
  /** Why no answer came (refused, timed out). */
  error?: string;
  /** A 2xx answer: the endpoint took the event. */
  delivered: boolean;
  /** When another attempt follows, in ms; absent after the last. */
  retryInMs?: number;
  /** ISO time the attempt started. */
  at: string;
  durationMs: number;
}

export interface RetryPolicy {
  /** Attempts per event and endpoint, the first included; default 5. */
  attempts: number;
  /** The wait before the second attempt, doubled for each after it; default 500 ms. */
  firstDelayMs: number;
  /** The longest wait; default 8 s. */
  maxDelayMs: number;
  /** How long an endpoint has to answer; default 10 s, as Stripe allows. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, firstDelayMs: 500, maxDelayMs: 8_000, timeoutMs: 10_000 };

const signer = new Webhooks();

/**
 * Sends events to the webhook endpoints as Stripe does: a JSON POST signed with `Stripe-Signature`
 * (signed again at each attempt, with that attempt's time), retried with doubling waits while the
 * endpoint fails or cannot be reached, up to a bound, since a local tool should not retry for
 * Stripe's three days. Every attempt is logged and kept.
 */
export class WebhookDelivery {
  private readonly attempts: DeliveryAttempt[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Retries waiting for their time, and how to end each wait early. */
  private readonly waits = new Map<ReturnType<typeof setTimeout>, () => void>();
  private closed = false;

  constructor(
    private readonly options: {
      endpoints: string[];
      secret: string;
      retry?: Partial<RetryPolicy>;
      log?: (line: string) => void;
      /** Called when an endpoint takes an event, so its `pending_webhooks` can go down. */
      onDelivered?: (event: StripeEventObject, url: string) => void;
    },
  ) {}

  private get retry(): RetryPolicy {
    return { ...DEFAULT_RETRY, ...this.options.retry };
  }

  /** Queues `event` for every endpoint; returns at once. */
  send(event: StripeEventObject): void {
    if (this.closed) return;
    const payload = JSON.stringify(event, null, 2);
    for (const url of this.options.endpoints) this.track(this.deliver(event, payload, url, 1));
  }

  /** Every attempt so far, oldest first; `eventId` narrows to one event's. */
  log(eventId?: string): DeliveryAttempt[] {
    return this.attempts.filter((a) => eventId === undefined || a.eventId === eventId).map((a) => ({ ...a }));
  }

  /** Resolves once no delivery is under way or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops: pending retries are dropped, attempts under way finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [timer, resolve] of this.waits) {
      clearTimeout(timer);
      resolve();
    }
    this.waits.clear();
    await this.idle();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(event: StripeEventObject, payload: string, url: string, attempt: number): Promise<void> {
    const started = Date.now();
    const record: DeliveryAttempt = { eventId: event.id, type: event.type, url, attempt, delivered: false, at: new Date(started).toISOString(), durationMs: 0 };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signer.generateTestHeaderString({ payload, secret: this.options.secret }),
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      // The body is read and dropped, so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      record.delivered = response.status >= 200 && response.status < 300;
    } catch (error) {
      record.error = describe(error);
    }
    record.durationMs = Date.now() - started;
    const retry = this.retry;
    if (!record.delivered && attempt < retry.attempts && !this.closed) {
      record.retryInMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
    }
    this.attempts.push(record);
    this.options.log?.(logLine(record));
    if (record.delivered) this.options.onDelivered?.(event, url);
    if (record.retryInMs === undefined) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, record.retryInMs);
      this.waits.set(timer, resolve);
    });
    if (!this.closed) await this.deliver(event, payload, url, attempt + 1);
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as { name?: string }).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

function logLine(a: DeliveryAttempt): string {
  const outcome = a.status !== undefined ? `HTTP ${a.status}` : a.error;
  const next = a.delivered ? 'delivered' : a.retryInMs !== undefined ? `retry in ${a.retryInMs} ms` : 'gave up';
  return `webhook ${a.eventId} ${a.type} → ${a.url}: attempt ${a.attempt}, ${outcome}, ${next}`;
}
