/**
 * `T` as returned when the dotted paths `P` were passed to `expand`: each field on a path changes
 * from `string | X` (an id, or the object) to `X`. Paths go through lists (`data.customer`) and arrays.
 *
 * ```ts
 * const session = await client.identity.verificationSessions.retrieve('vs_123', { expand: ['last_verification_report'] });
 * session.last_verification_report; // Identity.VerificationReport | null, not string
 * ```
 */
export type Expand<T, P extends string> = [P] extends [never] ? T : ExpandFields<T, P>;
type ExpandFields<T, P extends string> = T extends ReadonlyArray<infer Item> ? Array<ExpandFields<Item, P>> : T extends object ? {
    [K in keyof T]: K extends PathHead<P> ? Expand<Exclude<T[K], string>, PathRest<P, K>> : T[K];
} : T;
type PathHead<P extends string> = P extends `${infer Head}.${string}` ? Head : P;
type PathRest<P extends string, K> = K extends string ? (P extends `${K}.${infer Rest}` ? Rest : never) : never;
export {};
