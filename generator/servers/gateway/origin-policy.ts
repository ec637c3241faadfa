import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may call the gateway from a browser. CORS alone only stops a foreign page from reading the
 * answer; the request would still spend the key. So a request from an origin not on the list is
 * refused before anything is forwarded, and so is a cross-site request that sends no `Origin`
 * (an `<img>` or `<script>` pointing at the gateway): browsers mark those with `Sec-Fetch-Site`.
 *
 * `Origin: null` is what a page opened from disk (file://) sends, but also a sandboxed iframe or a
 * data: URL on any website. It is never allowed implicitly: only when `null` is listed, and the CLI
 * then insists on an access key (`SDKGEN_GATEWAY_KEY`), which such a page does not know.
 */
export type OriginVerdict =
  | { allowed: true; corsOrigin?: string }
  | { allowed: false; reason: string };

export function judgeOrigin(headers: IncomingHttpHeaders, allowOrigins: readonly string[]): OriginVerdict {
  const origin = headers.origin;
  if (origin === undefined) {
    const site = headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') return { allowed: false, reason: 'Cross-site requests without an Origin are refused.' };
    return { allowed: true };
  }
  if (allowOrigins.includes(origin)) return { allowed: true, corsOrigin: origin };
  return { allowed: false, reason: `The origin ${JSON.stringify(origin)} is not allowed to use this gateway (see --allow-origin).` };
}

export const ALLOWED_REQUEST_HEADERS = ['Content-Type', 'Idempotency-Key', 'X-Gateway-Key', 'Accept'];
export const EXPOSED_RESPONSE_HEADERS = ['Request-Id', 'Idempotency-Key', 'Stripe-Version'];

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_RESPONSE_HEADERS.join(', '),
    Vary: 'Origin',
  };
}
