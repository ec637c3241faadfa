/**
 * The default client's configuration, read from the environment when there is one (Node, Deno,
 * Bun); elsewhere it is empty.
 */
import type { ClientConfig } from './core.js';
/**
 * The default client's configuration: `STRIPE_SECRET_KEY` (the API key) and `STRIPE_BASE_URL` (another
 * base URL, such as a gateway that adds credentials itself). The key is needed unless the base URL
 * is not Stripe's: without it a request throws `StripeAuthenticationError` before anything is sent.
 */
export declare function configFromEnv(): ClientConfig;
