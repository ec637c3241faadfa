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

// Defined with the runtime, whose operation types use them; named here with Stripe's other conventions.
export type { ApiSearchResult } from './runtime/pagination.js';
export type { Expand } from './runtime/expand.js';
export type { FileData, FileUpload } from './runtime/multipart.js';
