/** When to try a request again and how long to wait first; the rules follow stripe-node's. */
/** Longest `Retry-After` the client waits for, as stripe-node (60 s); a longer ask is ignored. */
const MAX_RETRY_AFTER_MS = 60_000;
/** Whether a response with this status and headers may be retried; connection errors always may. */
export function isRetryable(status, headers) {
    // The API knows when a retry is a no-op or when a lock timeout is worth retrying.
    const verdict = headers['stripe-should-retry'];
    if (verdict === 'false')
        return false;
    if (verdict === 'true')
        return true;
    return status === 409 || status >= 500;
}
/**
 * Exponential backoff with jitter in the upper half, capped; a `Retry-After` (seconds) within the
 * bound lengthens the wait, never shortens it.
 */
export function retryDelay(retry, backoff, retryAfter) {
    const exp = Math.min(backoff.initial * 2 ** (retry - 1), backoff.max);
    const delay = exp * (0.5 + Math.random() / 2);
    const asked = Number(retryAfter) * 1000;
    return retryAfter && asked >= 0 && asked <= MAX_RETRY_AFTER_MS ? Math.max(delay, asked) : delay;
}
/** Waits `ms`, or less if the signal fires: the caller checks the signal afterwards. */
export function sleep(ms, signal) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        // A signal that fired before the wait began fires no event.
        if (signal?.aborted)
            done();
        else
            signal?.addEventListener('abort', done);
    });
}
