/**
 * Observation points for logging and metrics. Events never carry the API key: the Authorization
 * header, and any other header whose value holds the key, are replaced before a hook sees them.
 * Bodies are left out, since they may hold personal data.
 */
const REDACTED = '[redacted]';
export function redactHeaders(headers, secret) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        out[name] = name === 'authorization' || (secret && value.includes(secret)) ? REDACTED : value;
    }
    return out;
}
export function emit(hooks, name, event) {
    const hook = hooks?.[name];
    if (!hook)
        return;
    try {
        hook.call(hooks, event());
    }
    catch {
        // A logging bug must not turn a successful payment into a failed one.
    }
}
