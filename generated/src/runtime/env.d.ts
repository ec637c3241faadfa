/**
 * The default client's configuration, read from the environment when there is one (Node, Deno,
 * Bun); elsewhere it is empty.
 */
import type { ClientConfig } from './core.js';
/**
 * The default client's configuration: `STRIPE_SECRET_KEY` (the API key) and `STRIPE_BASE_URL` (another
 * base URL, such as a gateway that adds credentials itself). Both are optional.
 */
export declare function configFromEnv(): ClientConfig;
