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
