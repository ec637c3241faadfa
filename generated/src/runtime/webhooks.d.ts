/**
 * Webhook signatures as Stripe makes them: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=…][,v0=…]`,
 * where each `v1` is HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`, used as is),
 * of `<t>.<raw body>`. Several `v1` entries appear while a secret is being rolled; one match is enough.
 *
 * `constructEvent` is synchronous and needs Node's crypto, which it reaches through
 * `process.getBuiltinModule` (Node 20.16+) rather than an import, so bundles for browsers and edge
 * runtimes never pull `node:crypto` in. `constructEventAsync` uses Web Crypto and works everywhere.
 */
/** The raw request body, exactly as received: a string, or bytes (a Node `Buffer` is a `Uint8Array`). */
export type WebhookPayload = string | Uint8Array;
/** The `Stripe-Signature` header as frameworks hand it over (Node's `req.headers[...]` may be an array). */
export type WebhookHeader = string | Uint8Array | readonly string[] | null | undefined;
export interface TestHeaderOptions {
    /** The exact body that will be sent. */
    payload: string;
    /** The signing secret, `whsec_…`. */
    secret: string;
    /** Unix seconds; default now. */
    timestamp?: number | undefined;
    /** Default `v1`, the scheme Stripe signs with. */
    scheme?: string | undefined;
    /** A signature to put in the header instead of computing one. */
    signature?: string | undefined;
}
/** Seconds a signature stays valid by default, as Stripe's libraries have it. */
export declare const DEFAULT_TOLERANCE = 300;
/**
 * `Stripe-Signature` verification and test headers; `E` is the event type `constructEvent` returns
 * (the generated package's `Event` union). Stateless: one instance serves every endpoint.
 */
export declare class Webhooks<E = unknown> {
    readonly DEFAULT_TOLERANCE = 300;
    /**
     * Checks the signature of a delivery and returns its event. `payload` must be the raw body,
     * not a parsed object. `tolerance` is in seconds (0 turns the age check off); `receivedAt` is
     * in ms, default now. Throws `StripeSignatureVerificationError` saying what failed. Needs Node's
     * crypto (Node 20.16+); elsewhere use `constructEventAsync`.
     */
    constructEvent(payload: WebhookPayload, header: WebhookHeader, secret: string, tolerance?: number, receivedAt?: number): E;
    /** As `constructEvent`, with Web Crypto (`crypto.subtle`): browsers, edge runtimes, Deno, Bun, Node. */
    constructEventAsync(payload: WebhookPayload, header: WebhookHeader, secret: string, tolerance?: number, receivedAt?: number): Promise<E>;
    /**
     * A `Stripe-Signature` value for `payload`, as Stripe would send it: for tests and local tools.
     * Synchronous like stripe-node's, so it needs Node's crypto unless `signature` is given.
     */
    generateTestHeaderString(options: TestHeaderOptions): string;
    /** As `generateTestHeaderString`, with Web Crypto. */
    generateTestHeaderStringAsync(options: TestHeaderOptions): Promise<string>;
}
