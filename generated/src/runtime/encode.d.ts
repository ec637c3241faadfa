/**
 * Stripe's form encoding: what stripe-node sends, i.e. `qs.stringify` with indexed arrays, dates as
 * Unix seconds and literal square brackets. Request types mirror the wire format, so one generic
 * walk encodes every operation's parameters.
 */
/** Encodes request parameters as an `application/x-www-form-urlencoded` body, as stripe-node does. */
export declare function encodeForm(data: object): string;
/** Encodes GET and DELETE parameters for the query string; the same encoding as bodies. */
export declare function encodeQuery(data: object): string;
