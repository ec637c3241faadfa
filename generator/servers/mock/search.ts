import type { FormObject } from './form-decode.js';
import { fieldId, type ListProblem } from './lists.js';
import type { StoredEntry, StoredObject } from './object-store.js';

export interface SearchPage {
  data: StoredObject[];
  hasMore: boolean;
  nextPage: string | null;
}

const CLAUSE = /^(-)?([a-z_]+)(?:\[['"]([^'"]+)['"]\])?\s*(:|~|>=|<=|>|<)\s*(?:'([^']*)'|"([^"]*)"|([^\s'"]+))$/;

/**
 * A page of Stripe's search (`GET /v1/customers/search?query=…`), over a subset of its query
 * language: clauses joined by AND, each `field:'value'`, `metadata['key']:'value'`, `field~'part'`
 * (contains), `field>N` (and >=, <, <=), `-` to negate. Newest first; `page` is the next page's token.
 */
export function searchPage(entries: StoredEntry[], params: FormObject): SearchPage | ListProblem {
  const query = typeof params.query === 'string' ? params.query.trim() : '';
  const tests: ((o: StoredObject) => boolean)[] = [];
  for (const clause of query.split(/\s+AND\s+/)) {
    const m = CLAUSE.exec(clause.trim());
    if (!m) return { status: 400, param: 'query', message: `Search query is invalid near '${clause.trim().slice(0, 60)}'. The query language supports clauses such as field:'value' joined by AND.` };
    const [, negate, fieldName, key, op, single, double, bare] = m;
    const wanted = single ?? double ?? bare ?? '';
    const read = (o: StoredObject) => (key !== undefined ? fieldId((o[fieldName!] as StoredObject | null)?.[key]) : fieldId(o[fieldName!]));
    const test = (o: StoredObject): boolean => {
      const actual = read(o);
      if (actual === undefined) return false;
      if (op === ':') return actual === wanted;
      if (op === '~') return actual.toLowerCase().includes(wanted.toLowerCase());
      const a = Number(actual);
      const b = Number(wanted);
      return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
    };
    tests.push(negate ? (o) => !test(o) : test);
  }
  const limit = typeof params.limit === 'string' && params.limit !== '' ? Number(params.limit) : 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return { status: 400, code: 'parameter_invalid_integer', param: 'limit', message: `This value must be greater than or equal to 1 and less than or equal to 100 (it currently is '${String(params.limit)}').` };
  }
  const offset = typeof params.page === 'string' && params.page !== '' ? Number(Buffer.from(params.page, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0;
  if (!Number.isInteger(offset) || offset < 0) return { status: 400, param: 'page', message: 'Invalid page token.' };
  const matching: StoredObject[] = [];
  for (let i = entries.length - 1; i >= 0; i--) if (tests.every((t) => t(entries[i]!.object))) matching.push(entries[i]!.object);
  const data = matching.slice(offset, offset + limit);
  const hasMore = matching.length > offset + limit;
  return { data, hasMore, nextPage: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : null };
}
