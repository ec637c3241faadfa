import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogBullets } from '../../generator/diff/changelog/bullets.js';
import type { Schema } from '../../generator/load/openapi-types.js';
import { camelCase } from '../../generator/model/naming.js';
import { SHARED_SPECS, spec } from '../support/project.js';
import { diffStripe, FIXTURES } from './support.js';

/**
 * Our changelog against the one stripe-node shipped for the same spec releases
 * (test/fixtures/diff/stripe-node-changelog.md). A bullet is compared as its atoms: one (wording, item,
 * target) triple per field or method it names on each type, so grouping and order do not matter, but
 * every change stripe-node lists must be among ours. Changes the public spec does not show are listed
 * below with the check that proves it.
 */

interface Entry {
  version: string;
  pr: string;
  bullets: string[];
}

function stripeNodeEntries(): Entry[] {
  const text = fs.readFileSync(path.join(FIXTURES, 'stripe-node-changelog.md'), 'utf8');
  const entries: Entry[] = [];
  let version = '';
  for (const line of text.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) version = heading[1]!;
    const pr = /^\* \[#(\d+)\]/.exec(line);
    if (pr) entries.push({ version, pr: pr[1]!, bullets: [] });
    const bullet = /^ {2}\* (.+)$/.exec(line);
    if (bullet) entries[entries.length - 1]!.bullets.push(bullet[1]!);
  }
  return entries;
}

const names = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** A bullet as atoms `wording | item | target`; method names camelCased, as the package names them. */
function atoms(bullet: string): string[] {
  const text = bullet.replace(/^⚠️\s*/, '');
  const patterns: [RegExp, string][] = [
    [/^Add support for new resources? (.+)$/, 'new-resource'],
    [/^Remove support for resources? (.+)$/, 'removed-resource'],
    [/^(Add|Remove) support for (?:deprecated )?(.+) (?:test helper )?methods? on resource (.+)$/, 'method'],
    [/^(Add|Remove) support for (?:new )?values? (.+) (?:on|from) enums? (.+)$/, 'value'],
    [/^(Add|Remove) support for (?:required |deprecated )?(.+) on (.+)$/, 'field'],
    [/^Change type of (.+) from (`.+`) to (`.+`)$/, 'type'],
    [/^Change (.+) to be (\w[\w-]*)$/, 'modifier'],
  ];
  for (const [pattern, kind] of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (kind === 'new-resource' || kind === 'removed-resource') return names(m[1]!).map((t) => `${kind}||${t}`);
    if (kind === 'type') return names(m[1]!).map((t) => `type||${t}`);
    if (kind === 'modifier') return names(m[1]!).map((t) => `to-be-${m[2]}||${t}`);
    const items = names(m[2]!).map((i) => (kind === 'method' ? camelCase(i) : i));
    return items.flatMap((i) => names(m[3]!).map((t) => `${m[1]!.toLowerCase()}-${kind}|${i}|${t}`));
  }
  throw new Error(`a bullet the test cannot read: ${bullet}`);
}

/** stripe-node's entry for each spec release pair (see the fixture's header). */
const RELEASES = [
  { from: 'spec3.v298.yaml', to: 'spec3.v301.yaml', entry: '1759', shipped: '12.2.0', bump: 'minor' },
  { from: 'spec3.v514.yaml', to: 'spec3.v524.yaml', entry: '1897', shipped: '13.6.0', bump: 'minor' },
] as const;

/** Atoms stripe-node lists that the public specs do not show, each with the check that shows it. */
const NOT_IN_PUBLIC_SPEC: Record<string, (before: string, after: string) => Promise<boolean>> = {
  // Error codes come from Stripe's private definitions: the public spec types `code` as a string.
  'add-value|stripe_tax_inactive|*': async (_, after) => !fs.readFileSync(path.join(SHARED_SPECS, after), 'utf8').includes('stripe_tax_inactive'),
  // 12.2.0 was built from a spec after v301: in v298 and v301 `currency_conversion` is optional alike.
  'to-be-required||Checkout.Session.currency_conversion': async (before, after) => {
    const required = async (file: string) => ((await spec(file)).document.components!.schemas!['checkout.session'] as Schema).required ?? [];
    return !(await required(before)).includes('currency_conversion') && !(await required(after)).includes('currency_conversion');
  },
};

function exception(atom: string): string | undefined {
  return Object.keys(NOT_IN_PUBLIC_SPEC).find((key) => key === atom || (key.endsWith('|*') && atom.startsWith(key.slice(0, -1))));
}

describe("the changelog against stripe-node's for the same releases", () => {
  for (const release of RELEASES) {
    it(`${release.from} → ${release.to}: every change stripe-node ${release.shipped} lists that the spec shows`, async () => {
      const entry = stripeNodeEntries().find((e) => e.pr === release.entry)!;
      const expected = entry.bullets.flatMap(atoms);
      const result = await diffStripe(release.from, release.to);
      const ours = changelogBullets(result.changes).map((b) => b.text);
      const have = new Set(ours.flatMap(atoms));
      const missing: string[] = [];
      let excused = 0;
      for (const atom of expected) {
        if (have.has(atom)) continue;
        const reason = exception(atom);
        if (reason && (await NOT_IN_PUBLIC_SPEC[reason]!(release.from, release.to))) excused++;
        else missing.push(atom);
      }
      const shown = expected.length - excused;
      const exact = entry.bullets.filter((b) => ours.some((o) => o.replace(/^⚠️\s*/, '') === b.replace(/^⚠️\s*/, ''))).length;
      console.log(
        `${release.from} → ${release.to} vs stripe-node ${release.shipped} (#${release.entry}): ` +
          `recall ${shown - missing.length}/${shown} changes the public spec shows (${excused} it does not show); ` +
          `${exact}/${entry.bullets.length} bullets word for word; bump ours ${result.bump}, stripe-node ${release.bump}`,
      );
      expect(missing).toEqual([]);
    });
  }

  it('v514 → v524: the same bump as stripe-node 13.6.0', async () => {
    expect((await diffStripe('spec3.v514.yaml', 'spec3.v524.yaml')).bump).toBe('minor');
  });

  it('v298 → v301: what ours lists beyond stripe-node 12.2.0 is what stripe-node shipped in its next major', async () => {
    const entries = stripeNodeEntries();
    const expected = new Set(entries.find((e) => e.pr === '1759')!.bullets.flatMap(atoms));
    const later = new Set(entries.find((e) => e.pr === '1872')!.bullets.flatMap(atoms));
    const result = await diffStripe('spec3.v298.yaml', 'spec3.v301.yaml');
    const extra = changelogBullets(result.changes).flatMap((b) => atoms(b.text)).filter((a) => !expected.has(a));
    expect(extra).toEqual(['remove-field|country|PaymentMethod.link']);
    expect(extra.every((a) => later.has(a))).toBe(true);
    // Ours is a major: a removed field and response fields that may now be absent or null break code
    // compiled against the old types; stripe-node shipped them as 12.2.0 and held the removal for 13.0.0.
    expect(result.bump).toBe('major');
  });
});
