/**
 * List results: a list call resolves to one page, and also iterates every item across pages,
 * fetching the next page with `starting_after` (or `ending_before` when the caller paginates
 * backwards), as stripe-node does. A search resolves to one page of its own shape.
 */
const MAX_TO_ARRAY = 10_000;
async function* items(first, params, fetchPage) {
    const backwards = !!params.ending_before;
    for (let page = await first;;) {
        const { data } = page;
        if (backwards)
            for (let i = data.length - 1; i >= 0; i--)
                yield data[i];
        else
            yield* data;
        if (!page.has_more || !data.length)
            return;
        const edge = (backwards ? data[0] : data[data.length - 1]);
        if (!edge.id)
            throw new Error('Cannot paginate: the last item of the page has no `id`');
        page = await fetchPage({ ...params, [backwards ? 'ending_before' : 'starting_after']: edge.id });
    }
}
/** Makes the first-page promise iterable across pages. */
export function paginate(first, params, fetchPage) {
    const p = (params ?? {});
    const iterate = () => items(first, p, fetchPage);
    const each = async (onItem) => {
        for await (const item of iterate())
            if ((await onItem(item)) === false)
                return;
    };
    return Object.assign(first, {
        [Symbol.asyncIterator]: iterate,
        autoPagingEach: each,
        autoPagingToArray({ limit }) {
            if (!limit)
                throw new Error('autoPagingToArray needs a `limit`, e.g. `autoPagingToArray({ limit: 1000 })`');
            if (limit > MAX_TO_ARRAY) {
                throw new Error(`autoPagingToArray cannot collect more than ${MAX_TO_ARRAY} items; use autoPagingEach or for await to iterate longer lists`);
            }
            const all = [];
            return each((item) => all.push(item) < limit).then(() => all);
        },
    });
}
