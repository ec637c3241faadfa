/**
 * Webhook signatures as Stripe makes them: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=…][,v0=…]`,
 * where each `v1` is HMAC-SHA256, keyed by the endpoint's signing secret (`whsec_…`, used as is),
 * of `<t>.<raw body>`. Several `v1` entries appear while a secret is being rolled; one match is enough.
 *
 * `constructEvent` is synchronous and needs Node's crypto, which it reaches through
 * `process.getBuiltinModule` (Node 20.16+) rather than an import, so bundles for browsers and edge
 * runtimes never pull `node:crypto` in. `constructEventAsync` uses Web Crypto and works everywhere.
 */

import { StripeSignatureVerificationError, type SignatureFailure } from './errors.js';

// The platform pieces used here, declared locally so the runtime needs no DOM or Node typings.
interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(encoding: 'hex'): string;
}
interface SubtleCryptoLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'HMAC'; hash: 'SHA-256' }, extractable: false, usages: ['sign']): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
declare const globalThis: {
  process?: { getBuiltinModule?(name: string): unknown };
  crypto?: { subtle?: SubtleCryptoLike };
};
declare class TextEncoder {
  encode(text: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label: 'utf-8', options: { fatal: boolean });
  decode(bytes: Uint8Array): string;
}

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
export const DEFAULT_TOLERANCE = 300;

const EXPECTED_SCHEME = 'v1';

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

interface Checked {
  header: string;
  parsed: ParsedHeader;
  /** `<t>.<body>` as bytes: what the signature is computed over. */
  signedBytes: Uint8Array;
  body: string;
}

/**
 * `Stripe-Signature` verification and test headers; `E` is the event type `constructEvent` returns
 * (the generated package's `Event` union). Stateless: one instance serves every endpoint.
 */
export class Webhooks<E = unknown> {
  readonly DEFAULT_TOLERANCE = DEFAULT_TOLERANCE;

  /**
   * Checks the signature of a delivery and returns its event. `payload` must be the raw body,
   * not a parsed object. `tolerance` is in seconds (0 turns the age check off); `receivedAt` is
   * in ms, default now. Throws `StripeSignatureVerificationError` saying what failed. Needs Node's
   * crypto (Node 20.16+); elsewhere use `constructEventAsync`.
   */
  constructEvent(payload: WebhookPayload, header: WebhookHeader, secret: string, tolerance: number = DEFAULT_TOLERANCE, receivedAt?: number): E {
    const checked = check(payload, header);
    const crypto = nodeCrypto();
    if (!crypto) {
      throw new StripeSignatureVerificationError(
        'constructEvent needs node:crypto (Node 20.16+); use `await webhooks.constructEventAsync(...)` on this runtime',
        'no_crypto',
        checked.header,
        payload,
      );
    }
    const expected = crypto.createHmac('sha256', secret).update(checked.signedBytes).digest('hex');
    verify(checked, expected, tolerance, receivedAt, payload);
    return JSON.parse(checked.body) as E;
  }

  /** As `constructEvent`, with Web Crypto (`crypto.subtle`): browsers, edge runtimes, Deno, Bun, Node. */
  async constructEventAsync(payload: WebhookPayload, header: WebhookHeader, secret: string, tolerance: number = DEFAULT_TOLERANCE, receivedAt?: number): Promise<E> {
    const checked = check(payload, header);
    const expected = await hmacHexAsync(secret, checked.signedBytes, checked.header, payload);
    verify(checked, expected, tolerance, receivedAt, payload);
    return JSON.parse(checked.body) as E;
  }

  /**
   * A `Stripe-Signature` value for `payload`, as Stripe would send it: for tests and local tools.
   * Synchronous like stripe-node's, so it needs Node's crypto unless `signature` is given.
   */
  generateTestHeaderString(options: TestHeaderOptions): string {
    const timestamp = headerTimestamp(options.timestamp);
    let signature = options.signature;
    if (signature === undefined) {
      const crypto = nodeCrypto();
      if (!crypto) throw new Error('generateTestHeaderString needs node:crypto (Node 20.16+); use generateTestHeaderStringAsync on this runtime');
      signature = crypto.createHmac('sha256', options.secret).update(signedBytes(timestamp, options.payload)).digest('hex');
    }
    return `t=${timestamp},${options.scheme ?? EXPECTED_SCHEME}=${signature}`;
  }

  /** As `generateTestHeaderString`, with Web Crypto. */
  async generateTestHeaderStringAsync(options: TestHeaderOptions): Promise<string> {
    const timestamp = headerTimestamp(options.timestamp);
    const signature = options.signature ?? (await hmacHexAsync(options.secret, signedBytes(timestamp, options.payload), undefined, options.payload));
    return `t=${timestamp},${options.scheme ?? EXPECTED_SCHEME}=${signature}`;
  }
}

function fail(message: string, reason: SignatureFailure, header: string | undefined, payload: unknown): never {
  throw new StripeSignatureVerificationError(message, reason, header, payload);
}

function headerTimestamp(timestamp: number | undefined): number {
  return Math.floor(timestamp ?? 0) || Math.floor(Date.now() / 1000);
}

/** Everything that can be checked before any hashing: the body's type, the header's form. */
function check(payload: WebhookPayload, rawHeader: WebhookHeader): Checked {
  const isBytes = payload instanceof Uint8Array;
  const headerText = typeof rawHeader === 'string' ? rawHeader : rawHeader instanceof Uint8Array ? decode(rawHeader) : undefined;
  if (typeof payload !== 'string' && !isBytes) {
    fail(
      `The webhook payload must be the raw request body as a string or Buffer, not ${payload === null ? 'null' : typeof payload}: a parsed body cannot be verified`,
      'payload_type',
      headerText,
      payload,
    );
  }
  if (payload.length === 0) fail('No webhook payload was provided', 'no_payload', headerText, payload);
  if (Array.isArray(rawHeader)) {
    fail('The Stripe-Signature header was given as an array; pass the single header value', 'bad_header', undefined, payload);
  }
  if (headerText === undefined || headerText === '') fail('No Stripe-Signature header value was provided', 'no_header', headerText, payload);
  const parsed = parseHeader(headerText);
  if (!parsed) {
    fail('Unable to extract timestamp and signatures from the Stripe-Signature header (expected `t=<seconds>,v1=<hex>`)', 'bad_header', headerText, payload);
  }
  if (parsed.signatures.length === 0) {
    fail(`No signatures found with the expected scheme ${EXPECTED_SCHEME} in the Stripe-Signature header`, 'no_signatures', headerText, payload);
  }
  const body = isBytes ? decode(payload) : payload;
  return { header: headerText, parsed, body, signedBytes: signedBytes(parsed.timestamp, payload) };
}

/** `t=` must be one integer; entries of other schemes (`v0`) are ignored, as Stripe's libraries do. */
function parseHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === EXPECTED_SCHEME) {
      signatures.push(value);
    }
  }
  return timestamp === undefined ? undefined : { timestamp, signatures };
}

function verify(checked: Checked, expected: string, tolerance: number, receivedAt: number | undefined, payload: unknown): void {
  // Every candidate is compared in full, so the time taken says nothing about which bytes matched.
  let found = false;
  for (const candidate of checked.parsed.signatures) found = constantTimeEqual(expected, candidate) || found;
  if (!found) {
    fail(
      'No signatures found matching the expected signature for the payload: is this the raw request body, and the signing secret of this endpoint?',
      'no_match',
      checked.header,
      payload,
    );
  }
  const age = Math.floor((receivedAt ?? Date.now()) / 1000) - checked.parsed.timestamp;
  if (tolerance > 0 && Math.abs(age) > tolerance) {
    fail(`Timestamp outside the tolerance zone: signed ${age} s from now, tolerance ${tolerance} s`, 'timestamp', checked.header, payload);
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function signedBytes(timestamp: number, payload: WebhookPayload): Uint8Array {
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const body = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix, 0);
  bytes.set(body, prefix.length);
  return bytes;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function nodeCrypto(): { createHmac(algorithm: 'sha256', key: string): NodeHmac } | undefined {
  return globalThis.process?.getBuiltinModule?.('node:crypto') as { createHmac(algorithm: 'sha256', key: string): NodeHmac } | undefined;
}

async function hmacHexAsync(secret: string, data: Uint8Array, header: string | undefined, payload: unknown): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return fail('No Web Crypto (crypto.subtle) on this runtime to check the signature with', 'no_crypto', header, payload);
  const key = await subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await subtle.sign('HMAC', key, data));
  let hex = '';
  for (const byte of signature) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}
