/**
 * Typed errors, named and shaped as stripe-node's so code written against it keeps working:
 * `type` is the class name, `rawType` the API's `error.type`, `raw` the API's `error` object.
 */
export class StripeError extends Error {
    name = 'StripeError';
    constructor(message, init = {}) {
        super(message, init.cause === undefined ? undefined : { cause: init.cause });
        const raw = init.raw ?? {};
        Object.assign(this, {
            statusCode: init.statusCode,
            requestId: init.requestId,
            headers: init.headers ?? {},
            raw,
            rawType: raw.type,
            code: raw.code,
            param: raw.param,
            decline_code: raw.decline_code,
            doc_url: raw.doc_url,
            body: init.body,
        });
    }
    /** The class name, as stripe-node's `err.type`. */
    get type() {
        return this.name;
    }
}
/** A card was declined or could not be charged. */
export class StripeCardError extends StripeError {
    name = 'StripeCardError';
}
/** The request had invalid parameters or named something that does not exist. */
export class StripeInvalidRequestError extends StripeError {
    name = 'StripeInvalidRequestError';
}
/** The API key was wrong (HTTP 401), or missing: then it is thrown before anything is sent to Stripe. */
export class StripeAuthenticationError extends StripeError {
    name = 'StripeAuthenticationError';
}
/** The key may not do this (HTTP 403). */
export class StripePermissionError extends StripeError {
    name = 'StripePermissionError';
}
/** Too many requests (HTTP 429). */
export class StripeRateLimitError extends StripeError {
    name = 'StripeRateLimitError';
}
/** An idempotency key was reused with different parameters. */
export class StripeIdempotencyError extends StripeError {
    name = 'StripeIdempotencyError';
}
/** Stripe failed, or answered with something that is not a Stripe response. */
export class StripeAPIError extends StripeError {
    name = 'StripeAPIError';
}
/** No usable response arrived: the connection failed or was cut. */
export class StripeConnectionError extends StripeError {
    name = 'StripeConnectionError';
}
/** No complete response arrived within the timeout. */
export class StripeTimeoutError extends StripeConnectionError {
    name = 'StripeTimeoutError';
}
/** The caller's AbortSignal fired; the request is not retried. `cause` is the signal's reason. */
export class StripeAbortError extends StripeError {
    name = 'StripeAbortError';
}
/**
 * A webhook delivery failed its `Stripe-Signature` check. `header` and `payload` are what was
 * checked, as in stripe-node; `reason` says which check failed.
 */
export class StripeSignatureVerificationError extends StripeError {
    name = 'StripeSignatureVerificationError';
    constructor(message, reason, header, payload) {
        super(message);
        Object.assign(this, { reason, header, payload });
    }
}
/** The error for a non-2xx response, or a body that is not JSON. */
export function errorFromResponse(status, body, init) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch (cause) {
        return new StripeAPIError(`Invalid JSON received from the Stripe API (HTTP ${status})`, { ...init, body, cause });
    }
    const error = parsed?.error;
    // OAuth endpoints answer `{ error: "invalid_grant", error_description }`.
    const raw = typeof error === 'string' ? { type: error, message: parsed?.error_description } : (error ?? {});
    const type = raw.type;
    const Class = status === 401 ? StripeAuthenticationError
        : status === 403 ? StripePermissionError
            : status === 429 ? StripeRateLimitError
                : type === 'card_error' ? StripeCardError
                    : type === 'invalid_request_error' ? StripeInvalidRequestError
                        : type === 'idempotency_error' ? StripeIdempotencyError
                            : StripeAPIError;
    return new Class(raw.message ?? `The Stripe API answered HTTP ${status}`, { ...init, raw, body });
}
