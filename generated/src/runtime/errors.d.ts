/**
 * Typed errors, named and shaped as stripe-node's so code written against it keeps working:
 * `type` is the class name, `rawType` the API's `error.type`, `raw` the API's `error` object.
 */
/** An API object inside an error, such as the PaymentIntent a card error is about. */
export interface RawErrorObject {
    id: string;
    object: string;
    [field: string]: unknown;
}
/**
 * The `error` object of a Stripe error response: every field of the spec's `api_errors` schema.
 * It is written here, not generated, because the schema's object fields reach over 500 schemas:
 * a client of one operation would carry most of the API. Those fields are typed by their common
 * shape (`RawErrorObject`); a test holds this list to the spec.
 */
export interface RawStripeError {
    type?: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error' | (string & {}) | undefined;
    code?: string | undefined;
    param?: string | undefined;
    message?: string | undefined;
    decline_code?: string | undefined;
    doc_url?: string | undefined;
    charge?: string | undefined;
    payment_method_type?: string | undefined;
    request_log_url?: string | undefined;
    payment_intent?: RawErrorObject | undefined;
    payment_method?: RawErrorObject | undefined;
    setup_intent?: RawErrorObject | undefined;
    source?: RawErrorObject | undefined;
    [field: string]: unknown;
}
export interface StripeErrorInit {
    statusCode?: number | undefined;
    requestId?: string | undefined;
    headers?: Record<string, string> | undefined;
    raw?: RawStripeError | undefined;
    /** The response body as received. */
    body?: string | undefined;
    cause?: unknown;
}
export declare class StripeError extends Error {
    name: string;
    readonly statusCode?: number;
    readonly requestId?: string;
    readonly headers: Record<string, string>;
    readonly raw: RawStripeError;
    readonly rawType?: string;
    readonly code?: string;
    readonly param?: string;
    readonly decline_code?: string;
    readonly doc_url?: string;
    readonly body?: string;
    constructor(message: string, init?: StripeErrorInit);
    /** The class name, as stripe-node's `err.type`. */
    get type(): string;
}
/** A card was declined or could not be charged. */
export declare class StripeCardError extends StripeError {
    name: string;
}
/** The request had invalid parameters or named something that does not exist. */
export declare class StripeInvalidRequestError extends StripeError {
    name: string;
}
/** The API key was wrong (HTTP 401), or missing: then it is thrown before anything is sent to Stripe. */
export declare class StripeAuthenticationError extends StripeError {
    name: string;
}
/** The key may not do this (HTTP 403). */
export declare class StripePermissionError extends StripeError {
    name: string;
}
/** Too many requests (HTTP 429). */
export declare class StripeRateLimitError extends StripeError {
    name: string;
}
/** An idempotency key was reused with different parameters. */
export declare class StripeIdempotencyError extends StripeError {
    name: string;
}
/** Stripe failed, or answered with something that is not a Stripe response. */
export declare class StripeAPIError extends StripeError {
    name: string;
}
/** No usable response arrived: the connection failed or was cut. */
export declare class StripeConnectionError extends StripeError {
    name: string;
}
/** No complete response arrived within the timeout. */
export declare class StripeTimeoutError extends StripeConnectionError {
    name: string;
}
/** The caller's AbortSignal fired; the request is not retried. `cause` is the signal's reason. */
export declare class StripeAbortError extends StripeError {
    name: string;
}
/** What a webhook signature check found wrong; the message says the same in words. */
export type SignatureFailure = 'no_payload' | 'payload_type' | 'no_header' | 'bad_header' | 'no_signatures' | 'no_match' | 'timestamp' | 'no_crypto';
/**
 * A webhook delivery failed its `Stripe-Signature` check. `header` and `payload` are what was
 * checked, as in stripe-node; `reason` says which check failed.
 */
export declare class StripeSignatureVerificationError extends StripeError {
    name: string;
    readonly reason: SignatureFailure;
    readonly header: string | undefined;
    readonly payload: unknown;
    constructor(message: string, reason: SignatureFailure, header: string | undefined, payload: unknown);
}
/** The error for a non-2xx response, or a body that is not JSON. */
export declare function errorFromResponse(status: number, body: string, init: StripeErrorInit): StripeError;
