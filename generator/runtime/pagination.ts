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
  autoPagingToArray(options: { limit: number }): Promise<T[]>;
}

const MAX_TO_ARRAY = 10_000;

type PageParams = Record<string, unknown> & { ending_before?: unknown };

async function* items<T>(
  first: Promise<ApiList<T>>,
  params: PageParams,
  fetchPage: (params: PageParams) => Promise<ApiList<T>>,
): AsyncGenerator<T, void, undefined> {
  const backwards = !!params.ending_before;
  for (let page = await first; ; ) {
    const { data } = page;
    if (backwards) for (let i = data.length - 1; i >= 0; i--) yield data[i]!;
    else yield* data;
    if (!page.has_more || !data.length) return;
    const edge = (backwards ? data[0] : data[data.length - 1]) as { id?: string };
    if (!edge.id) throw new Error('Cannot paginate: the last item of the page has no `id`');
    page = await fetchPage({ ...params, [backwards ? 'ending_before' : 'starting_after']: edge.id });
  }
}

/** Makes the first-page promise iterable across pages. */
export function paginate<T>(
  first: Promise<ApiList<T>>,
  params: object | undefined,
  fetchPage: (params: object) => Promise<ApiList<T>>,
): ApiListPromise<T> {
  const p = (params ?? {}) as PageParams;
  const iterate = () => items(first, p, fetchPage);
  const each = async (onItem: (item: T) => unknown) => {
    for await (const item of iterate()) if ((await onItem(item)) === false) return;
  };
  return Object.assign(first, {
    [Symbol.asyncIterator]: iterate,
    autoPagingEach: each,
    autoPagingToArray({ limit }: { limit: number }) {
      if (!limit) throw new Error('autoPagingToArray needs a `limit`, e.g. `autoPagingToArray({ limit: 1000 })`');
      if (limit > MAX_TO_ARRAY) {
        throw new Error(
          `autoPagingToArray cannot collect more than ${MAX_TO_ARRAY} items; use autoPagingEach or for await to iterate longer lists`,
        );
      }
      const all: T[] = [];
      return each((item) => all.push(item) < limit).then(() => all);
    },
  });
}
