/**
 * Stripe's conventions, as small named aliases (the same names stripe-node uses), so that
 * generated types read like the API reference.
 */

/** A value, or `''` (or `null`) to unset it. The spec writes this as `anyOf [X, enum [""]]`. */
export type Emptyable<T> = null | '' | T;

/** Metadata as Stripe returns it: string keys, string values. */
export interface Metadata {
  [name: string]: string;
}

/** Metadata as a request takes it; a `null` or `''` value unsets that key. */
export interface MetadataParam {
  [name: string]: string | number | null;
}

/** A range filter over a timestamp or number (`created[gte]=...`). */
export interface RangeQueryParam {
  /** Greater than. */
  gt?: number;
  /** Greater than or equal to. */
  gte?: number;
  /** Less than. */
  lt?: number;
  /** Less than or equal to. */
  lte?: number;
}

/** One page of a search: `next_page` is the cursor for the following one. */
export interface ApiSearchResult<T> {
  object: 'search_result';
  data: Array<T>;
  has_more: boolean;
  next_page: string | null;
  total_count?: number;
  url: string;
}

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

type ExpandFields<T, P extends string> = T extends ReadonlyArray<infer Item>
  ? Array<ExpandFields<Item, P>>
  : T extends object
    ? { [K in keyof T]: K extends PathHead<P> ? Expand<Exclude<T[K], string>, PathRest<P, K>> : T[K] }
    : T;

type PathHead<P extends string> = P extends `${infer Head}.${string}` ? Head : P;

type PathRest<P extends string, K> = K extends string ? (P extends `${K}.${infer Rest}` ? Rest : never) : never;
