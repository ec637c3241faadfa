/**
 * Observation points for logging and metrics. Events never carry the API key: the Authorization
 * header, and any other header whose value holds the key, are replaced before a hook sees them.
 * Bodies are left out, since they may hold personal data.
 */
import type { StripeError } from './errors.js';
export interface RequestEvent {
    method: string;
    /** Full URL including the query string. */
    url: string;
    /** 1 for the first try, 2 for the first retry... */
    attempt: number;
    /** Request headers, with secrets redacted. */
    headers: Record<string, string>;
    idempotencyKey?: string | undefined;
}
export interface ResponseEvent {
    method: string;
    url: string;
    attempt: number;
    status: number;
    requestId?: string | undefined;
    /** From sending the request to the end of the body. */
    elapsedMs: number;
}
export interface RetryEvent {
    method: string;
    url: string;
    /** The attempt that failed. */
    attempt: number;
    /** The wait before the next attempt. */
    delayMs: number;
    error: StripeError;
}
export interface ErrorEvent {
    method: string;
    url: string;
    /** How many attempts were made in all. */
    attempts: number;
    error: StripeError;
}
/** Hooks are called synchronously; an exception thrown by one is ignored so it cannot fail a request. */
export interface ClientHooks {
    onRequest?(event: RequestEvent): void;
    onResponse?(event: ResponseEvent): void;
    onRetry?(event: RetryEvent): void;
    /** The request failed for good: retries exhausted, a non-retryable error, or an abort. */
    onError?(event: ErrorEvent): void;
}
export declare function redactHeaders(headers: Record<string, string>, secret: string | undefined): Record<string, string>;
export declare function emit<K extends keyof ClientHooks>(hooks: ClientHooks | undefined, name: K, event: () => Parameters<NonNullable<ClientHooks[K]>>[0]): void;
