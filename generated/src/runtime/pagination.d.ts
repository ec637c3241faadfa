/**
 * List results: a list call resolves to one page, and also iterates every item across pages,
 * fetching the next page with `starting_after` (or `ending_before` when the caller paginates
 * backwards), as stripe-node does. A search resolves to one page of its own shape.
 */
export interface ApiList<T> {
    object: 'list';
    data: T[];
    has_more: boolean;
    url: string;
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
export interface ApiListPromise<T> extends Promise<ApiList<T>>, AsyncIterable<T> {
    /** Calls `onItem` for each item across pages; returning `false` (or a promise of it) stops. */
    autoPagingEach(onItem: (item: T) => unknown): Promise<void>;
    /** Collects up to `limit` items across pages; a limit above 10,000 throws, as in stripe-node. */
    autoPagingToArray(options: {
        limit: number;
    }): Promise<T[]>;
}
/** Makes the first-page promise iterable across pages. */
export declare function paginate<T>(first: Promise<ApiList<T>>, params: object | undefined, fetchPage: (params: object) => Promise<ApiList<T>>): ApiListPromise<T>;
