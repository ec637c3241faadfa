import type { RouteSpec } from '../route-table.js';

export interface GatewayOptions {
  /** The generated operations: the only method + path pairs forwarded. */
  routes: RouteSpec[];
  /** The one upstream origin: `https://api.stripe.com`, or the local mock. */
  upstream: string;
  /** The Stripe secret key, from the gateway's environment; never from a request. */
  secretKey: string;
  /** Pinned on every forwarded request, so answers match the generated types. */
  stripeVersion?: string;
  /** Browser origins allowed to call (exact, e.g. `http://localhost:5173`); `null` only if listed. */
  allowOrigins: string[];
  /** When set, every request must carry it in `X-Gateway-Key`. Required when `null` is allowed. */
  accessKey?: string;
  /** `Host` header values accepted besides the listening address (for a reverse proxy in front). */
  publicHosts: string[];
  maxBodyBytes: number;
  /** Requests per client address per window. */
  rateLimit: number;
  rateWindowMs: number;
  /** The whole upstream exchange, connect to last byte. */
  upstreamTimeoutMs: number;
  /** Where request lines go (stderr for the CLI). The key never reaches it. */
  log: (line: string) => void;
}

export const GATEWAY_DEFAULTS = {
  upstream: 'https://api.stripe.com',
  maxBodyBytes: 256 * 1024,
  rateLimit: 120,
  rateWindowMs: 60_000,
  upstreamTimeoutMs: 30_000,
  maxResponseBytes: 16 * 1024 * 1024,
} as const;
