import type { FormObject, FormValue } from './form-decode.js';
import { findBySeq, type AccountSpace, type StoredEntry, type StoredObject } from './object-store.js';

export interface ListProblem {
  status: number;
  code?: string;
  param?: string;
  message: string;
}

export interface ListPage {
  data: StoredObject[];
  hasMore: boolean;
}

/**
 * A page of a collection, newest first, as Stripe's list endpoints give it: `limit` (1–100, default
 * 10), a cursor (`starting_after` / `ending_before`, ids of that collection), `created` as a number or
 * a range, and equality on the fields the list declares as filters.
 */
export function listPage(space: AccountSpace, collection: string, params: FormObject, filters: string[], objectName: string): ListPage | ListProblem {
  const limit = readLimit(params.limit);
  if (typeof limit !== 'number') return limit;
  const entries = space.entries(collection);
  const match = matcher(params, filters);
  const after = params.starting_after;
  const before = params.ending_before;
  if (typeof after === 'string' && after !== '' && typeof before === 'string' && before !== '') {
    return { status: 400, message: 'You may only specify one of these parameters: ending_before, starting_after.' };
  }
  if (typeof before === 'string' && before !== '') {
    const at = cursor(space, entries, before, 'ending_before', objectName);
    if (typeof at !== 'number') return at;
    // The `limit` entries just newer than the cursor, still given newest first.
    const found: StoredEntry[] = [];
    let i = at + 1;
    for (; i < entries.length && found.length < limit; i++) if (match(entries[i]!)) found.push(entries[i]!);
    let hasMore = false;
    for (; i < entries.length && !hasMore; i++) hasMore = match(entries[i]!);
    return { data: found.reverse().map((e) => e.object), hasMore };
  }
  let start = entries.length - 1;
  if (typeof after === 'string' && after !== '') {
    const at = cursor(space, entries, after, 'starting_after', objectName);
    if (typeof at !== 'number') return at;
    start = at - 1;
  }
  const found: StoredObject[] = [];
  let i = start;
  for (; i >= 0 && found.length < limit; i--) if (match(entries[i]!)) found.push(entries[i]!.object);
  let hasMore = false;
  for (; i >= 0 && !hasMore; i--) hasMore = match(entries[i]!);
  return { data: found, hasMore };
}

function readLimit(value: FormValue | undefined): number | ListProblem {
  if (value === undefined || value === '') return 10;
  const n = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    return { status: 400, code: 'parameter_invalid_integer', param: 'limit', message: `This value must be greater than or equal to 1 and less than or equal to 100 (it currently is '${typeof value === 'string' ? value : 'a hash'}').` };
  }
  return n;
}

function cursor(space: AccountSpace, entries: StoredEntry[], id: string, param: string, objectName: string): number | ListProblem {
  const entry = space.objects.get(id);
  const at = entry ? findBySeq(entries, entry.seq) : -1;
  if (at < 0) return { status: 404, code: 'resource_missing', param, message: `No such ${objectName}: '${id}'` };
  return at;
}

const RANGE: Record<string, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

/** The list's filters as one predicate; with none given, every entry matches. */
function matcher(params: FormObject, filters: string[]): (entry: StoredEntry) => boolean {
  const tests: ((object: StoredObject) => boolean)[] = [];
  const created = params.created;
  if (typeof created === 'string' && created !== '') tests.push((o) => o.created === Number(created));
  else if (created && typeof created === 'object') {
    for (const [op, bound] of Object.entries(created)) {
      const compare = Object.hasOwn(RANGE, op) ? RANGE[op] : undefined;
      if (compare && typeof bound === 'string') tests.push((o) => typeof o.created === 'number' && compare(o.created, Number(bound)));
    }
  }
  for (const name of filters) {
    const wanted = params[name];
    if (typeof wanted !== 'string' || wanted === '') continue;
    tests.push((o) => fieldId(o[name]) === wanted);
  }
  return tests.length === 0 ? () => true : (entry) => tests.every((t) => t(entry.object));
}

/** A field's value as compared by a filter: an expanded object by its id, booleans and numbers as written. */
export function fieldId(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return typeof (value as StoredObject).id === 'string' ? String((value as StoredObject).id) : undefined;
  return String(value);
}
