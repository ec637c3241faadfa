/**
 * Stripe's form encoding: what stripe-node sends, i.e. `qs.stringify` with indexed arrays, dates as
 * Unix seconds and literal square brackets. Request types mirror the wire format, so one generic
 * walk encodes every operation's parameters.
 */
// qs leaves only RFC 3986 unreserved characters bare; these are the ones encodeURIComponent also
// leaves bare, so they are escaped afterwards.
const EXTRA_RESERVED = /[!'()*]/g;
// With the `u` flag a surrogate range matches only unpaired surrogates.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
const BARE = /^[\w.~-]*$/;
function escape(text) {
    if (BARE.test(text))
        return text;
    let out;
    try {
        out = encodeURIComponent(text);
    }
    catch {
        // qs encodes an unpaired surrogate as U+FFFD where encodeURIComponent throws.
        out = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
    }
    return out
        .replace(/%5B/g, '[')
        .replace(/%5D/g, ']')
        .replace(EXTRA_RESERVED, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
function walk(value, key, out) {
    if (value === undefined)
        return;
    if (value instanceof Date)
        value = Math.floor(value.getTime() / 1000);
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
        // Arrays take this path too: their keys are the indices, so `expand[0]=...`. Empty arrays
        // and objects emit nothing, as in qs.
        for (const k of Object.keys(value))
            walk(value[k], key + '[' + escape(k) + ']', out);
    }
    else {
        out.push(key + '=' + (value === null ? '' : escape(String(value))));
    }
}
/** Encodes request parameters as an `application/x-www-form-urlencoded` body, as stripe-node does. */
export function encodeForm(data) {
    const out = [];
    for (const k of Object.keys(data))
        walk(data[k], escape(k), out);
    return out.join('&');
}
/** Encodes GET and DELETE parameters for the query string; the same encoding as bodies. */
export function encodeQuery(data) {
    return encodeForm(data);
}
