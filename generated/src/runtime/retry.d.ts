/** When to try a request again and how long to wait first; the rules follow stripe-node's. */
import type { AbortSignalLike } from './fetch-types.js';
export interface Backoff {
    /** Delay before the first retry, ms. */
    initial: number;
    /** Cap on the exponential delay, ms. */
    max: number;
}
/** Whether a response with this status and headers may be retried; connection errors always may. */
export declare function isRetryable(status: number, headers: Record<string, string>): boolean;
/**
 * Exponential backoff with jitter in the upper half, capped; a `Retry-After` (seconds) within the
 * bound lengthens the wait, never shortens it.
 */
export declare function retryDelay(retry: number, backoff: Backoff, retryAfter?: string): number;
/** Waits `ms`, or less if the signal fires: the caller checks the signal afterwards. */
export declare function sleep(ms: number, signal: AbortSignalLike | undefined): Promise<void>;
