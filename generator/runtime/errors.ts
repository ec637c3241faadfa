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

export class StripeError extends Error {
  override name = 'StripeError';
  declare readonly statusCode?: number;
  declare readonly requestId?: string;
  declare readonly headers: Record<string, string>;
  declare readonly raw: RawStripeError;
  declare readonly rawType?: string;
  declare readonly code?: string;
  declare readonly param?: string;
  declare readonly decline_code?: string;
  declare readonly doc_url?: string;
  declare readonly body?: string;

  constructor(message: string, init: StripeErrorInit = {}) {
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
  get type(): string {
    return this.name;
  }
}

/** A card was declined or could not be charged. */
export class StripeCardError extends StripeError {
  override name = 'StripeCardError';
}
/** The request had invalid parameters or named something that does not exist. */
export class StripeInvalidRequestError extends StripeError {
  override name = 'StripeInvalidRequestError';
}
/** The API key was wrong (HTTP 401), or missing: then it is thrown before anything is sent to Stripe. */
export class StripeAuthenticationError extends StripeError {
  override name = 'StripeAuthenticationError';
}
/** The key may not do this (HTTP 403). */
export class StripePermissionError extends StripeError {
  override name = 'StripePermissionError';
}
/** Too many requests (HTTP 429). */
export class StripeRateLimitError extends StripeError {
  override name = 'StripeRateLimitError';
}
/** An idempotency key was reused with different parameters. */
export class StripeIdempotencyError extends StripeError {
  override name = 'StripeIdempotencyError';
}
/** Stripe failed, or answered with something that is not a Stripe response. */
export class StripeAPIError extends StripeError {
  override name = 'StripeAPIError';
}
/** No usable response arrived: the connection failed or was cut. */
export class StripeConnectionError extends StripeError {
  override name = 'StripeConnectionError';
}
/** No complete response arrived within the timeout. */
export class StripeTimeoutError extends StripeConnectionError {
  override name = 'StripeTimeoutError';
}
/** The caller's AbortSignal fired; the request is not retried. `cause` is the signal's reason. */
export class StripeAbortError extends StripeError {
  override name = 'StripeAbortError';
}

/** What a webhook signature check found wrong; the message says the same in words. */
export type SignatureFailure =
  | 'no_payload'
  | 'payload_type'
  | 'no_header'
  | 'bad_header'
  | 'no_signatures'
  | 'no_match'
  | 'timestamp'
  | 'no_crypto';

/**
 * A webhook delivery failed its `Stripe-Signature` check. `header` and `payload` are what was
 * checked, as in stripe-node; `reason` says which check failed.
 */
export class StripeSignatureVerificationError extends StripeError {
  override name = 'StripeSignatureVerificationError';
  declare readonly reason: SignatureFailure;
  declare readonly header: string | undefined;
  declare readonly payload: unknown;

  constructor(message: string, reason: SignatureFailure, header: string | undefined, payload: unknown) {
    super(message);
    Object.assign(this, { reason, header, payload });
  }
}

/** The error for a non-2xx response, or a body that is not JSON. */
export function errorFromResponse(status: number, body: string, init: StripeErrorInit): StripeError {
  let parsed: { error?: RawStripeError | string; error_description?: string } | null;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    return new StripeAPIError(`Invalid JSON received from the Stripe API (HTTP ${status})`, { ...init, body, cause });
  }
  const error = parsed?.error;
  // OAuth endpoints answer `{ error: "invalid_grant", error_description }`.
  const raw: RawStripeError =
    typeof error === 'string' ? { type: error, message: parsed?.error_description } : (error ?? {});
  const type = raw.type;
  const Class =
    status === 401 ? StripeAuthenticationError
    : status === 403 ? StripePermissionError
    : status === 429 ? StripeRateLimitError
    : type === 'card_error' ? StripeCardError
    : type === 'invalid_request_error' ? StripeInvalidRequestError
    : type === 'idempotency_error' ? StripeIdempotencyError
    : StripeAPIError;
  return new Class(raw.message ?? `The Stripe API answered HTTP ${status}`, { ...init, raw, body });
}
