/**
 * The client core every generated operation calls: it encodes parameters, sets Stripe's headers,
 * and sends with retries, timeouts and idempotency keys, then turns the answer into a value or a
 * typed error.
 */
import { encodeForm, encodeQuery } from './encode.js';
import { errorFromResponse, StripeAbortError, StripeAuthenticationError, StripeConnectionError, StripeTimeoutError, } from './errors.js';
import { emit, redactHeaders } from './hooks.js';
import { paginate } from './pagination.js';
import { isRetryable, retryDelay, sleep } from './retry.js';
export * from './errors.js';
export { encodeForm, encodeQuery } from './encode.js';
// Re-exported for Node users to opt into; unused, it is dropped from bundles by tree-shaking.
export { nodeFetch } from './node-fetch.js';
export { defaultTransport } from './default-transport.js';
// Dropped from bundles that do not verify webhooks.
export { DEFAULT_TOLERANCE, Webhooks } from './webhooks.js';
/** Encodes one path parameter; an empty one would silently address a different endpoint. */
export function encodePathParam(value) {
    if (typeof value !== 'string' || value === '')
        throw new TypeError('A path parameter must be a non-empty string');
    return encodeURIComponent(value);
}
function uuid() {
    return (globalThis.crypto?.randomUUID?.() ??
        // randomUUID is missing outside secure browser contexts; uniqueness is all a key needs.
        'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
            const r = (Math.random() * 16) | 0;
            return (c === 'x' ? r : (r & 3) | 8).toString(16);
        }));
}
export class ClientCore {
    /** The last response received by any request of this client. */
    lastResponse;
    config;
    baseUrl;
    userAgent;
    apiVersion;
    backoff;
    /** Whether requests go to Stripe itself, which answers every request without a key with a 401. */
    keyRequired;
    constructor(config, defaults) {
        this.config = config;
        this.baseUrl = (config.baseUrl ?? defaults.serverUrl ?? 'https://api.stripe.com').replace(/\/+$/, '');
        this.keyRequired = /^https?:\/\/([^/?#@]*\.)?stripe\.com(:\d+)?([/?#]|$)/i.test(this.baseUrl);
        this.userAgent = `${defaults.packageName}/${defaults.packageVersion}`;
        this.apiVersion = config.apiVersion ?? defaults.apiVersion;
        this.backoff = { initial: config.initialRetryDelay ?? 500, max: config.maxRetryDelay ?? 8000 };
    }
    /** The base URL of a request: the operation's own host, unless the config redirects it. */
    baseFor(server) {
        const redirected = server !== undefined ? this.config.servers?.[server] : undefined;
        if (redirected !== undefined)
            return redirected.replace(/\/+$/, '');
        // A configured baseUrl (a mock, a gateway) takes every request; else the operation's host.
        return this.config.baseUrl === undefined && server !== undefined ? server : this.baseUrl;
    }
    /**
     * Sends one request, retrying as configured, and resolves to the parsed JSON body, or to a
     * `BinaryResponse` for an operation whose response is not JSON (see `RequestSpec.binary`).
     */
    async request(spec) {
        const { method, params } = spec;
        const options = spec.options ?? {};
        const config = this.config;
        const query = method !== 'POST' && params ? encodeQuery(params) : '';
        const url = this.baseFor(spec.server) + spec.path + (query ? '?' + query : '');
        const apiKey = options.apiKey ?? config.apiKey;
        const headers = this.headers(method, options, apiKey);
        // Said before anything is sent, and never retried: without a key Stripe can only answer 401, and
        // offline the user would see a retried connection error that never mentions the key.
        if (this.keyRequired && !headers.authorization)
            throw missingKey();
        const init = { method, headers };
        const upload = method === 'POST' && spec.multipart ? spec.multipart(params ?? {}) : undefined;
        if (upload)
            headers['content-type'] = upload.contentType;
        else if (method === 'POST')
            init.body = encodeForm(params ?? {});
        const binary = spec.binary !== undefined;
        // A file given as a stream is read once: its upload is not retried.
        const maxRetries = upload && !upload.replayable ? 0 : (options.maxNetworkRetries ?? config.maxNetworkRetries ?? 2);
        const timeout = options.timeout ?? config.timeout ?? 80_000;
        const { signal } = options;
        const hooks = config.hooks;
        const onAbort = () => new StripeAbortError('The request was aborted', { cause: signal?.reason });
        for (let attempt = 1;; attempt++) {
            let error;
            let retryAfter;
            let retryable = true;
            const started = Date.now();
            try {
                if (signal?.aborted)
                    throw onAbort();
                const uploadBody = upload?.body();
                if (uploadBody) {
                    // The platform's own Blob or ReadableStream, which the types here only describe.
                    init.body = uploadBody;
                    // `fetch` sends a stream only when told it may (`duplex: 'half'`).
                    if ('getReader' in uploadBody)
                        init.duplex = 'half';
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
                if (spec.binary && typeof received !== 'string' && status >= 200 && status < 300)
                    return spec.binary(received, meta);
                const body = typeof received === 'string' ? received : new globalThis.TextDecoder().decode(new Uint8Array(received));
                if (status >= 200 && status < 300) {
                    const value = parseOrUndefined(body);
                    if (value !== undefined) {
                        if (value && typeof value === 'object')
                            Object.defineProperty(value, 'lastResponse', { value: meta });
                        return value;
                    }
                }
                error = errorFromResponse(status, body, { statusCode: status, requestId: meta.requestId, headers: meta.headers });
                retryable = status >= 300 && isRetryable(status, meta.headers);
                retryAfter = meta.headers['retry-after'];
            }
            catch (e) {
                error = e;
                if (e instanceof StripeAbortError)
                    retryable = false;
                else if (!(e instanceof StripeConnectionError))
                    throw e;
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
    requestList(spec) {
        return paginate(this.request(spec), spec.params, (params) => this.request({ ...spec, params }));
    }
    headers(method, options, apiKey) {
        const config = this.config;
        const headers = {
            accept: 'application/json',
            'user-agent': this.userAgent,
            'stripe-version': options.apiVersion ?? this.apiVersion,
        };
        if (apiKey)
            headers.authorization = `Bearer ${apiKey}`;
        const account = options.stripeAccount ?? config.stripeAccount;
        if (account)
            headers['stripe-account'] = account;
        if (method === 'POST')
            headers['content-type'] = 'application/x-www-form-urlencoded';
        // A caller's key, else a fresh one for every POST so that retrying it can never double it.
        const key = options.idempotencyKey ?? (method === 'POST' ? uuid() : undefined);
        if (key)
            headers['idempotency-key'] = key;
        for (const extra of [config.headers, options.headers]) {
            for (const name in extra)
                headers[name.toLowerCase()] = extra[name];
        }
        return headers;
    }
    /** One attempt: the response and its whole body, within the timeout. */
    async send(url, init, timeout, signal, onAbort, binary) {
        // Looked up per call, so a fetch installed or stubbed after construction is used.
        const fetch = this.config.fetch ?? globalThis.fetch;
        if (!fetch)
            throw new TypeError('No fetch: pass `fetch` in the client config on this platform');
        // No deadline for a timeout of 0 (disabled) or Infinity.
        const deadline = timeout > 0 && timeout < Infinity ? timeout : undefined;
        if (fetch.enforcesTimeout && !signal)
            return this.sendTimed(fetch, url, init, deadline, binary);
        const controller = new AbortController();
        const abort = () => controller.abort();
        let timedOut = false;
        const timer = deadline !== undefined
            ? setTimeout(() => {
                timedOut = true;
                abort();
            }, deadline)
            : undefined;
        signal?.addEventListener('abort', abort);
        try {
            const response = await fetch(url, { ...init, signal: controller.signal });
            return { response, body: await readBody(response, binary) };
        }
        catch (cause) {
            if (signal?.aborted)
                throw onAbort();
            throw attemptError(cause, timedOut, timeout);
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', abort);
        }
    }
    /** One attempt over a transport that enforces the deadline itself (nodeFetch): no AbortController. */
    async sendTimed(fetch, url, init, deadline, binary) {
        try {
            const response = await fetch(url, deadline !== undefined ? { ...init, timeout: deadline } : init);
            return { response, body: await readBody(response, binary) };
        }
        catch (cause) {
            throw attemptError(cause, cause?.name === 'TimeoutError', deadline ?? 0);
        }
    }
}
function missingKey() {
    return new StripeAuthenticationError('No API key: set STRIPE_SECRET_KEY or pass createClient({ apiKey }). Only a baseUrl that is not Stripe\'s (a mock, a gateway adding the key) needs none.');
}
/** What a failed attempt is reported as: a timeout, or a connection error; both keep the cause. */
function attemptError(cause, timedOut, timeout) {
    if (timedOut)
        return new StripeTimeoutError(`Request aborted due to timeout being reached (${timeout}ms)`, { cause });
    return new StripeConnectionError('An error occurred with our connection to Stripe.', { cause });
}
/** The whole body: as text, or as bytes for a response that is not JSON. */
function readBody(response, binary) {
    if (!binary)
        return response.text();
    if (!response.arrayBuffer)
        throw new TypeError('The transport cannot read a response as bytes (no arrayBuffer())');
    return response.arrayBuffer();
}
function parseOrUndefined(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
function responseMeta(response) {
    const headers = {};
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
