/**
 * The client core every generated operation calls: it encodes parameters, sets Stripe's headers,
 * and sends with retries, timeouts and idempotency keys, then turns the answer into a value or a
 * typed error.
 */
import type { AbortSignalLike, FetchLike } from './fetch-types.js';
import { type ClientHooks } from './hooks.js';
import type { MultipartBody } from './multipart.js';
import { type ApiListPromise } from './pagination.js';
export * from './errors.js';
export type * from './fetch-types.js';
export type * from './hooks.js';
export type * from './pagination.js';
export type * from './operation-types.js';
export type * from './binary.js';
export type { FileContent, FileData, FileUpload, NodeReadableLike } from './multipart.js';
export { encodeForm, encodeQuery } from './encode.js';
export { nodeFetch } from './node-fetch.js';
export { defaultTransport } from './default-transport.js';
export { DEFAULT_TOLERANCE, Webhooks } from './webhooks.js';
export type { TestHeaderOptions, WebhookHeader, WebhookPayload } from './webhooks.js';
export interface ClientConfig {
    /**
     * Secret or restricted key. Required when talking to Stripe: without one a request throws
     * `StripeAuthenticationError` before anything is sent. May be unset with a `baseUrl` of a mock or
     * of a gateway that adds credentials itself.
     */
    apiKey?: string | undefined;
    /**
     * Default `https://api.stripe.com`. A path prefix is kept: `http://127.0.0.1:8787/stripe`. Set, it
     * takes every request, uploads and downloads too (a mock or gateway serves them all), unless
     * `servers` names another base for their host.
     */
    baseUrl?: string | undefined;
    /**
     * Base URLs for the other hosts some operations are served from, keyed by that host as the API
     * names it: `{ 'https://files.stripe.com': 'http://127.0.0.1:12112' }`.
     */
    servers?: Record<string, string> | undefined;
    /** Sent as `Stripe-Version`; defaults to the version the package was generated for. */
    apiVersion?: string | undefined;
    /** Retries after the first attempt; default 2. */
    maxNetworkRetries?: number | undefined;
    /** Per-attempt timeout in ms, up to the end of the response body; default 80,000; 0 disables. */
    timeout?: number | undefined;
    /** Sent as `Stripe-Account`, to act on a connected account. */
    stripeAccount?: string | undefined;
    /** Extra headers on every request. */
    headers?: Record<string, string> | undefined;
    /** The transport. `createClient` defaults it to `defaultTransport()` (node:http on Node, else `fetch`); a bare `ClientCore` uses the global `fetch`. */
    fetch?: FetchLike | undefined;
    /** Callbacks for logs and metrics: `onRequest`, `onResponse`, `onRetry`, `onError`; keys are redacted. */
    hooks?: ClientHooks | undefined;
    /** Delay before the first retry, ms; default 500. Doubles per retry, with jitter. */
    initialRetryDelay?: number | undefined;
    /** Cap on the retry delay, ms; default 8,000. A `Retry-After` of up to 60 s may exceed it. */
    maxRetryDelay?: number | undefined;
}
/** Per-request options; each overrides the client's setting for this request only. */
export interface RequestOptions {
    apiKey?: string | undefined;
    stripeAccount?: string | undefined;
    apiVersion?: string | undefined;
    /** Defaults to a fresh UUID on every POST; every retry of the request sends the same key. */
    idempotencyKey?: string | undefined;
    timeout?: number | undefined;
    maxNetworkRetries?: number | undefined;
    headers?: Record<string, string> | undefined;
    /** Aborting rejects with `StripeAbortError` and stops any retry. */
    signal?: AbortSignalLike | undefined;
}
export interface RequestSpec {
    method: 'GET' | 'POST' | 'DELETE';
    /** Path with path parameters already substituted (see `encodePathParam`). */
    path: string;
    params?: object | undefined;
    options?: RequestOptions | undefined;
    /** The host the operation is served from when it is not the API's: `https://files.stripe.com`. */
    server?: string | undefined;
    /**
     * Sends the params as `multipart/form-data` (uploads). Passed in by the operations that upload, so
     * that a bundle without one does not carry the multipart encoder.
     */
    multipart?: ((params: object) => MultipartBody) | undefined;
    /** The response is not JSON: what to make of its bytes (`binaryResponse`), instead of parsing them. */
    binary?: ((bytes: ArrayBuffer, meta: LastResponse) => unknown) | undefined;
}
/** The last response behind a returned object, as stripe-node's `lastResponse`. */
export interface LastResponse {
    statusCode: number;
    /** Lower-case names. */
    headers: Record<string, string>;
    requestId?: string | undefined;
    apiVersion?: string | undefined;
    idempotencyKey?: string | undefined;
    stripeAccount?: string | undefined;
}
/** A returned object with its non-enumerable `lastResponse`. */
export type ApiResponse<T> = T & {
    readonly lastResponse: LastResponse;
};
interface CoreDefaults {
    /** The API's own host, as the spec names it; default `https://api.stripe.com`. */
    serverUrl?: string | undefined;
    apiVersion: string;
    packageName: string;
    packageVersion: string;
}
/** Encodes one path parameter; an empty one would silently address a different endpoint. */
export declare function encodePathParam(value: string): string;
export declare class ClientCore {
    /** The last response received by any request of this client. */
    lastResponse: LastResponse | undefined;
    private readonly config;
    private readonly baseUrl;
    private readonly userAgent;
    private readonly apiVersion;
    private readonly backoff;
    /** Whether requests go to Stripe itself, which answers every request without a key with a 401. */
    private readonly keyRequired;
    constructor(config: ClientConfig, defaults: CoreDefaults);
    /** The base URL of a request: the operation's own host, unless the config redirects it. */
    private baseFor;
    /**
     * Sends one request, retrying as configured, and resolves to the parsed JSON body, or to a
     * `BinaryResponse` for an operation whose response is not JSON (see `RequestSpec.binary`).
     */
    request<T>(spec: RequestSpec): Promise<T>;
    /** Like `request`, for list endpoints: the result is awaitable for one page and iterable across pages. */
    requestList<T>(spec: RequestSpec): ApiListPromise<T>;
    private headers;
    /** One attempt: the response and its whole body, within the timeout. */
    private send;
    /** One attempt over a transport that enforces the deadline itself (nodeFetch): no AbortController. */
    private sendTimed;
}
