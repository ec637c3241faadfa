/**
 * The client core every generated operation calls: it encodes parameters, sets Stripe's headers,
 * and sends with retries, timeouts and idempotency keys, then turns the answer into a value or a
 * typed error.
 */

import { encodeForm, encodeQuery } from './encode.js';
import {
  errorFromResponse,
  StripeAbortError,
  StripeAuthenticationError,
  StripeConnectionError,
  StripeTimeoutError,
  type StripeError,
} from './errors.js';
import type { AbortSignalLike, FetchInit, FetchLike, ResponseLike } from './fetch-types.js';
import { emit, redactHeaders, type ClientHooks } from './hooks.js';
import type { MultipartBody } from './multipart.js';
import { paginate, type ApiList, type ApiListPromise } from './pagination.js';
import { isRetryable, retryDelay, sleep, type Backoff } from './retry.js';

export * from './errors.js';
export type * from './fetch-types.js';
export type * from './hooks.js';
export type * from './pagination.js';
export type * from './operation-types.js';
export type * from './binary.js';
export type { FileContent, FileData, FileUpload, NodeReadableLike } from './multipart.js';
export { encodeForm, encodeQuery } from './encode.js';
// Re-exported for Node users to opt into; unused, it is dropped from bundles by tree-shaking.
export { nodeFetch } from './node-fetch.js';
export { defaultTransport } from './default-transport.js';
// Dropped from bundles that do not verify webhooks.
export { DEFAULT_TOLERANCE, Webhooks } from './webhooks.js';
export type { TestHeaderOptions, WebhookHeader, WebhookPayload } from './webhooks.js';

// The platform globals used here, declared locally so the runtime needs no DOM or Node typings.
declare const globalThis: {
  fetch?: FetchLike;
  crypto?: { randomUUID?(): string };
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
};
declare class AbortController {
  readonly signal: AbortSignalLike;
  abort(): void;
}
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(id: unknown): void;

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
export type ApiResponse<T> = T & { readonly lastResponse: LastResponse };

interface CoreDefaults {
  /** The API's own host, as the spec names it; default `https://api.stripe.com`. */
  serverUrl?: string | undefined;
  apiVersion: string;
  packageName: string;
  packageVersion: string;
}

/** Encodes one path parameter; an empty one would silently address a different endpoint. */
export function encodePathParam(value: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError('A path parameter must be a non-empty string');
  return encodeURIComponent(value);
}

function uuid(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    // randomUUID is missing outside secure browser contexts; uniqueness is all a key needs.
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
      const r = (Math.random() * 16) | 0;
      return (c === 'x' ? r : (r & 3) | 8).toString(16);
    })
  );
}

export class ClientCore {
  /** The last response received by any request of this client. */
  lastResponse: LastResponse | undefined;
  private readonly config: ClientConfig;
  private readonly baseUrl: string;
  private readonly userAgent: string;
  private readonly apiVersion: string;
  private readonly backoff: Backoff;
  /** Whether requests go to Stripe itself, which answers every request without a key with a 401. */
  private readonly keyRequired: boolean;

  constructor(config: ClientConfig, defaults: CoreDefaults) {
    this.config = config;
    this.baseUrl = (config.baseUrl ?? defaults.serverUrl ?? 'https://api.stripe.com').replace(/\/+$/, '');
    this.keyRequired = /^https?:\/\/([^/?#@]*\.)?stripe\.com(:\d+)?([/?#]|$)/i.test(this.baseUrl);
    this.userAgent = `${defaults.packageName}/${defaults.packageVersion}`;
    this.apiVersion = config.apiVersion ?? defaults.apiVersion;
    this.backoff = { initial: config.initialRetryDelay ?? 500, max: config.maxRetryDelay ?? 8000 };
  }

  /** The base URL of a request: the operation's own host, unless the config redirects it. */
  private baseFor(server: string | undefined): string {
    const redirected = server !== undefined ? this.config.servers?.[server] : undefined;
    if (redirected !== undefined) return redirected.replace(/\/+$/, '');
    // A configured baseUrl (a mock, a gateway) takes every request; else the operation's host.
    return this.config.baseUrl === undefined && server !== undefined ? server : this.baseUrl;
  }

  /**
   * Sends one request, retrying as configured, and resolves to the parsed JSON body, or to a
   * `BinaryResponse` for an operation whose response is not JSON (see `RequestSpec.binary`).
   */
  async request<T>(spec: RequestSpec): Promise<T> {
    const { method, params } = spec;
    const options = spec.options ?? {};
    const config = this.config;
    const query = method !== 'POST' && params ? encodeQuery(params) : '';
    const url = this.baseFor(spec.server) + spec.path + (query ? '?' + query : '');
    const apiKey = options.apiKey ?? config.apiKey;
    const headers = this.headers(method, options, apiKey);
    // Said before anything is sent, and never retried: without a key Stripe can only answer 401, and
    // offline the user would see a retried connection error that never mentions the key.
    if (this.keyRequired && !headers.authorization) throw missingKey();
    const init: FetchInit = { method, headers };
    const upload = method === 'POST' && spec.multipart ? spec.multipart(params ?? {}) : undefined;
    if (upload) headers['content-type'] = upload.contentType;
    else if (method === 'POST') init.body = encodeForm(params ?? {});
    const binary = spec.binary !== undefined;
    // A file given as a stream is read once: its upload is not retried.
    const maxRetries = upload && !upload.replayable ? 0 : (options.maxNetworkRetries ?? config.maxNetworkRetries ?? 2);
    const timeout = options.timeout ?? config.timeout ?? 80_000;
    const { signal } = options;
    const hooks = config.hooks;
    const onAbort = () => new StripeAbortError('The request was aborted', { cause: signal?.reason });

    for (let attempt = 1; ; attempt++) {
      let error: StripeError;
      let retryAfter: string | undefined;
      let retryable = true;
      const started = Date.now();
      try {
        if (signal?.aborted) throw onAbort();
        const uploadBody = upload?.body();
        if (uploadBody) {
          // The platform's own Blob or ReadableStream, which the types here only describe.
          init.body = uploadBody as NonNullable<FetchInit['body']>;
          // `fetch` sends a stream only when told it may (`duplex: 'half'`).
          if ('getReader' in uploadBody) init.duplex = 'half';
        }
        emit(hooks, 'onRequest', () => ({
          method,
          url,
          attempt,
          headers: redactHeaders(headers, apiKey),
          idempotencyKey: headers['idempotency-key'],
        }));
        const { response, body: received } = await this.send(url, init, timeout, signal, onAbort, binary);
        const meta = responseMeta(response);
        this.lastResponse = meta;
        emit(hooks, 'onResponse', () => ({
          method,
          url,
          attempt,
          status: meta.statusCode,
          requestId: meta.requestId,
          elapsedMs: Date.now() - started,
        }));
        const status = meta.statusCode;
        if (spec.binary && typeof received !== 'string' && status >= 200 && status < 300) return spec.binary(received, meta) as T;
        const body = typeof received === 'string' ? received : new globalThis.TextDecoder().decode(new Uint8Array(received));
        if (status >= 200 && status < 300) {
          const value = parseOrUndefined(body);
          if (value !== undefined) {
            if (value && typeof value === 'object') Object.defineProperty(value, 'lastResponse', { value: meta });
            return value as T;
          }
        }
        error = errorFromResponse(status, body, { statusCode: status, requestId: meta.requestId, headers: meta.headers });
        retryable = status >= 300 && isRetryable(status, meta.headers);
        retryAfter = meta.headers['retry-after'];
      } catch (e) {
        error = e as StripeError;
        if (e instanceof StripeAbortError) retryable = false;
        else if (!(e instanceof StripeConnectionError)) throw e;
      }
      if (!retryable || attempt > maxRetries) {
        if (error instanceof StripeConnectionError && !(error instanceof StripeTimeoutError) && attempt > 1) {
          error.message += ` Request was retried ${attempt - 1} times.`;
        }
        emit(hooks, 'onError', () => ({ method, url, attempts: attempt, error }));
        throw error;
      }
      const delayMs = retryDelay(attempt, this.backoff, retryAfter);
      emit(hooks, 'onRetry', () => ({ method, url, attempt, delayMs, error }));
      await sleep(delayMs, signal);
    }
  }

  /** Like `request`, for list endpoints: the result is awaitable for one page and iterable across pages. */
  requestList<T>(spec: RequestSpec): ApiListPromise<T> {
    return paginate(this.request<ApiList<T>>(spec), spec.params, (params) =>
      this.request<ApiList<T>>({ ...spec, params }),
    );
  }

  private headers(method: string, options: RequestOptions, apiKey: string | undefined): Record<string, string> {
    const config = this.config;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.userAgent,
      'stripe-version': options.apiVersion ?? this.apiVersion,
    };
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    const account = options.stripeAccount ?? config.stripeAccount;
    if (account) headers['stripe-account'] = account;
    if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
    // A caller's key, else a fresh one for every POST so that retrying it can never double it.
    const key = options.idempotencyKey ?? (method === 'POST' ? uuid() : undefined);
    if (key) headers['idempotency-key'] = key;
    for (const extra of [config.headers, options.headers]) {
      for (const name in extra) headers[name.toLowerCase()] = extra[name]!;
    }
    return headers;
  }

  /** One attempt: the response and its whole body, within the timeout. */
  private async send(
    url: string,
    init: FetchInit,
    timeout: number,
    signal: AbortSignalLike | undefined,
    onAbort: () => StripeError,
    binary: boolean,
  ): Promise<{ response: ResponseLike; body: string | ArrayBuffer }> {
    // Looked up per call, so a fetch installed or stubbed after construction is used.
    const fetch = this.config.fetch ?? globalThis.fetch;
    if (!fetch) throw new TypeError('No fetch: pass `fetch` in the client config on this platform');
    // No deadline for a timeout of 0 (disabled) or Infinity.
    const deadline = timeout > 0 && timeout < Infinity ? timeout : undefined;
    if (fetch.enforcesTimeout && !signal) return this.sendTimed(fetch, url, init, deadline, binary);
    const controller = new AbortController();
    const abort = () => controller.abort();
    let timedOut = false;
    const timer =
      deadline !== undefined
        ? setTimeout(() => {
            timedOut = true;
            abort();
          }, deadline)
        : undefined;
    signal?.addEventListener('abort', abort);
    try {
      const response = await fetch(url, { ...init, signal: controller.signal as NonNullable<FetchInit['signal']> });
      return { response, body: await readBody(response, binary) };
    } catch (cause) {
      if (signal?.aborted) throw onAbort();
      throw attemptError(cause, timedOut, timeout);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  /** One attempt over a transport that enforces the deadline itself (nodeFetch): no AbortController. */
  private async sendTimed(
    fetch: FetchLike,
    url: string,
    init: FetchInit,
    deadline: number | undefined,
    binary: boolean,
  ): Promise<{ response: ResponseLike; body: string | ArrayBuffer }> {
    try {
      const response = await fetch(url, deadline !== undefined ? { ...init, timeout: deadline } : init);
      return { response, body: await readBody(response, binary) };
    } catch (cause) {
      throw attemptError(cause, (cause as { name?: string } | undefined)?.name === 'TimeoutError', deadline ?? 0);
    }
  }
}

function missingKey(): StripeAuthenticationError {
  return new StripeAuthenticationError(
    'No API key: set STRIPE_SECRET_KEY or pass createClient({ apiKey }). Only a baseUrl that is not Stripe\'s (a mock, a gateway adding the key) needs none.',
  );
}

/** What a failed attempt is reported as: a timeout, or a connection error; both keep the cause. */
function attemptError(cause: unknown, timedOut: boolean, timeout: number): StripeError {
  if (timedOut) return new StripeTimeoutError(`Request aborted due to timeout being reached (${timeout}ms)`, { cause });
  return new StripeConnectionError('An error occurred with our connection to Stripe.', { cause });
}

/** The whole body: as text, or as bytes for a response that is not JSON. */
function readBody(response: ResponseLike, binary: boolean): Promise<string | ArrayBuffer> {
  if (!binary) return response.text();
  if (!response.arrayBuffer) throw new TypeError('The transport cannot read a response as bytes (no arrayBuffer())');
  return response.arrayBuffer();
}

function parseOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function responseMeta(response: ResponseLike): LastResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    statusCode: response.status,
    headers,
    requestId: headers['request-id'],
    apiVersion: headers['stripe-version'],
    idempotencyKey: headers['idempotency-key'],
    stripeAccount: headers['stripe-account'],
  };
}
