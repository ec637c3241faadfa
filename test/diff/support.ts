import path from 'node:path';
import { diffLoaded } from '../../generator/diff/diff-specs.js';
import type { Change, DiffResult } from '../../generator/diff/types.js';
import { loadSpec, type LoadedSpec } from '../../generator/load/load-spec.js';
import type { Selection } from '../../generator/model/select-operations.js';
import { ROOT, spec } from '../support/project.js';

export const FIXTURES = path.join(ROOT, 'test/fixtures/diff');

/** A synthetic spec from test/fixtures/diff. */
export function fixture(fileName: string): Promise<LoadedSpec> {
  return loadSpec({ spec: path.join(FIXTURES, fileName), pinFile: path.join(ROOT, 'spec/pin.json'), projectRoot: ROOT });
}

/** Diffs two synthetic specs. */
export async function diffFixtures(before: string, after: string, selection?: Selection): Promise<DiffResult> {
  return diffLoaded(await fixture(before), await fixture(after), selection);
}

const stripeDiffs = new Map<string, Promise<DiffResult>>();

/** Diffs two of the shared Stripe specs (each spec parsed, and each diff made, once per worker). */
export function diffStripe(before: string, after: string, selection?: Selection): Promise<DiffResult> {
  const key = JSON.stringify([before, after, selection ?? {}]);
  let result = stripeDiffs.get(key);
  if (!result) {
    result = Promise.all([spec(before), spec(after)]).then(([a, b]) => diffLoaded(a, b, selection));
    stripeDiffs.set(key, result);
  }
  return result;
}

/** The changes on one subject, as `rule level` strings, for compact assertions. */
export function rulesOn(result: DiffResult, subject: string): string[] {
  return result.changes.filter((c) => c.subject === subject).map((c) => `${c.rule} ${c.level}`);
}

export function only(result: DiffResult, predicate: (c: Change) => boolean): Change {
  const found = result.changes.filter(predicate);
  if (found.length !== 1) throw new Error(`expected one change, found ${found.length}: ${JSON.stringify(found.map((c) => `${c.rule} ${c.subject}`))}`);
  return found[0]!;
}
