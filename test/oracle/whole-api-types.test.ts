import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TypeDifference } from './compare-types.js';
import { compareWholeApi, matchedTypeNames, type ComparedType } from './whole-api-types.js';
import { model, sdkgen, tempDir } from '../support/project.js';

type Kind = ComparedType['kind'];

const members = (summary: string) => summary.split(' | ');
const sameWith = (more: string, less: string, extra: string) =>
  JSON.stringify(members(more)) === JSON.stringify([...members(less), extra].sort());
const isEnum = (summary: string) => members(summary).every((m) => m.startsWith('"') || m === 'null');

/**
 * Every way our whole-API types may differ from stripe@13.11.0's, each with why. The README lists
 * them with the figures. A difference that no rule explains fails the test, and so does a rule that
 * no longer matches anything (so a rule goes once the difference it explains is gone).
 */
export const RULES: { kind: string; why: string; test: (d: TypeDifference, type: Kind) => boolean }[] = [
  {
    kind: 'typed expand paths',
    why: 'deliberate: `expand` takes only the paths the spec marks expandable, where stripe-node takes any string',
    test: (d) => d.path.endsWith('.expand[]') && d.theirs === 'string' && isEnum(d.ours),
  },
  {
    kind: 'deleted marker',
    why: 'stripe-node gives every deletable resource `deleted?: void` to tell it from its `Deleted*` type; ours has no such field, the `Deleted*` types carry `deleted: true`',
    test: (d) => d.path.endsWith('.deleted') && d.ours === 'missing' && d.theirs === 'present',
  },
  {
    kind: 'field the v524 spec does not have',
    why: 'stripe@13.11.0 was generated from a later spec than v524 (October 2023): it has fields v524 lacks (`Terminal.Configuration.offline`…)',
    test: (d) => d.ours === 'missing' && d.theirs === 'present',
  },
  {
    kind: 'nullable response field always present',
    why: 'a nullable response field the spec does not list as required: Stripe sends it as null, so ours is always present; stripe-node makes it optional',
    test: (d, type) => type === 'object' && d.ours === 'required' && d.theirs === 'optional',
  },
  {
    kind: 'response field optional where stripe-node requires it',
    why: 'the spec does not list the field as required (`Account.charges_enabled`…); stripe-node types it as always present',
    test: (d, type) => type === 'object' && d.ours === 'optional' && d.theirs === 'required',
  },
  {
    kind: 'anyOf of objects',
    why: "ours is the union of the spec's variants; stripe-node merges them into one interface (or adds a variant, as `Account` in a source)",
    test: (d) => /\(\d+ object members\)/.test(d.ours) && d.ours.replace(/\(\d+ object members\) \| /, '') !== d.ours && (d.theirs === d.ours.replace(/\(\d+ object members\) \| /, '') || /\(\d+ object members\)/.test(d.theirs)),
  },
  {
    kind: 'fields stripe-node leaves out',
    why: 'the spec still lists these (`bank_account`, `card` params on older endpoints, `PaymentMethod.card.generated_from`); stripe-node omits them',
    test: (d) => d.ours === 'present' && d.theirs === 'missing',
  },
  {
    kind: 'params optionality differs',
    why: "the spec's `required` list and stripe-node disagree: `success_url` became optional after v524; stripe-node requires `source` and `external_account`, which the spec leaves optional",
    test: (d, type) => type === 'params' && ['optional', 'required'].includes(d.ours) && ['optional', 'required'].includes(d.theirs),
  },
  {
    kind: 'nullability differs',
    why: 'the spec marks the field nullable and stripe-node does not, or the other way round',
    test: (d) => sameWith(d.ours, d.theirs, 'null') || (sameWith(d.theirs, d.ours, 'null') && !members(d.ours).includes('""')),
  },
  {
    kind: 'enum members differ',
    why: 'the spec (v524) and stripe@13.11.0 were cut at different times, or stripe-node narrows a string the spec leaves open (error `code`)',
    test: (d) => isEnum(d.theirs) && (isEnum(d.ours) || d.ours === 'string' || d.ours === 'null | string'),
  },
  {
    kind: 'free-form object',
    why: 'an object the spec gives no properties: ours is a map of unknown values, stripe-node an empty interface',
    test: (d) => d.ours === 'map' && d.theirs === 'object',
  },
  {
    kind: 'one of several shapes',
    why: 'a param taking an id or an object: the spec and stripe-node disagree on which of the two it takes (`external_account`, `destination`, `bank_account`, `file`)',
    test: (d, type) => type === 'params' && (['object | string', 'object', 'string'].includes(d.ours) && ['object | string', 'object', 'string'].includes(d.theirs)),
  },
];

describe('whole-API types against stripe@13.11.0, field by field', () => {
  let compared: ComparedType[] = [];
  let diagnostics: string[] = [];

  beforeAll(async () => {
    const out = path.join(tempDir('whole-types'), 'pkg');
    const result = sdkgen(['generate', '--all', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const matched = matchedTypeNames(await model({ allResourceTypes: true }));
    ({ compared, diagnostics } = compareWholeApi(out, matched));
  }, 300_000);

  const classify = (d: TypeDifference, type: Kind) => RULES.find((r) => r.test(d, type))?.kind;

  it('pairs every params and object type both name alike, in one program that compiles', () => {
    expect(diagnostics).toEqual([]);
    expect(compared.filter((c) => c.kind === 'params').length).toBeGreaterThan(350);
    expect(compared.filter((c) => c.kind === 'object').length).toBeGreaterThan(100);
  });

  it('every difference is explained by a rule, and the figures are printed', () => {
    const fields = compared.reduce((sum, c) => sum + c.fields, 0);
    const byKind = new Map<string, number>();
    const unexplained: string[] = [];
    const differing = new Set<string>();
    for (const c of compared) {
      for (const d of c.differences) {
        differing.add(d.path);
        const kind = classify(d, c.kind);
        if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        else unexplained.push(`${d.path}: ours ${d.ours}, stripe-node ${d.theirs}`);
      }
    }
    const agreeing = compared.filter((c) => c.differences.length === 0).length;
    console.log(
      [
        `types compared: ${compared.length} (${compared.filter((c) => c.kind === 'params').length} params, ${compared.filter((c) => c.kind === 'object').length} object), ${agreeing} agree entirely`,
        `fields compared: ${fields}, agreeing: ${fields - differing.size}`,
        ...[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${n} ${kind}`),
        `  ${unexplained.length} unexplained`,
      ].join('\n'),
    );
    // The walk reaches real fields: an empty comparison would pass vacuously.
    expect(fields).toBeGreaterThan(5000);
    expect(unexplained).toEqual([]);
  });

  it('every rule still explains something (the list is not stale)', () => {
    const all = compared.flatMap((c) => c.differences.map((d) => classify(d, c.kind)));
    for (const rule of RULES) expect(all.includes(rule.kind), rule.kind).toBe(true);
  });
});
