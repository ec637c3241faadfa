/**
 * The default client's configuration, read from the environment when there is one (Node, Deno,
 * Bun); elsewhere it is empty.
 */
/**
 * The default client's configuration: `STRIPE_SECRET_KEY` (the API key) and `STRIPE_BASE_URL` (another
 * base URL, such as a gateway that adds credentials itself). The key is needed unless the base URL
 * is not Stripe's: without it a request throws `StripeAuthenticationError` before anything is sent.
 */
export function configFromEnv() {
    const env = globalThis.process?.env ?? {};
    const config = {};
    if (env.STRIPE_SECRET_KEY)
        config.apiKey = env.STRIPE_SECRET_KEY;
    if (env.STRIPE_BASE_URL)
        config.baseUrl = env.STRIPE_BASE_URL;
    return config;
}
