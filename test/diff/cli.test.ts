import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../generator/diff/rules.js';
import { SHARED_SPECS, sdkgen, tempDir } from '../support/project.js';
import { FIXTURES } from './support.js';

const fixture = (name: string) => path.join(FIXTURES, name);

describe('sdkgen diff', () => {
  it('prints the changelog as Markdown by default, and exits 0 even with breaking changes', () => {
    const result = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml')]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^## Changes from API version `2024-01-01`/);
    expect(result.stdout).toContain('Suggested version bump: **major** (20 breaking changes).');
    expect(result.stdout).toContain('\n- ⚠️ Change type of `Widget.nullable_later` from `string` to `string | null`\n');
  });

  it('prints every change as JSON with known rule ids, and as text', () => {
    const json = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { bump: string; changes: { rule: string }[]; changelog: string[] };
    expect(report.bump).toBe('major');
    expect(report.changes.length).toBe(51);
    for (const change of report.changes) expect(RULE_IDS).toContain(change.rule);
    const text = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'text']);
    expect(text.stdout).toContain('51 changes, 20 breaking; suggested bump: major');
  });

  it('exits 1 with --fail-on-breaking only when something breaks', () => {
    const breaking = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--fail-on-breaking']);
    expect(breaking.status).toBe(1);
    expect(breaking.stderr).toContain('20 breaking change(s)');
    expect(breaking.stdout).toContain('## Changes from');
    const additive = sdkgen(['diff', fixture('escape.old.json'), fixture('escape.new.json'), '--fail-on-breaking']);
    expect(additive.status, additive.stderr).toBe(0);
  });

  it('limits the diff with --resources', () => {
    const args = ['diff', path.join(SHARED_SPECS, 'spec3.v298.yaml'), path.join(SHARED_SPECS, 'spec3.v301.yaml')];
    const result = sdkgen([...args, '--resources', 'identity.verification_sessions', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const subjects = (JSON.parse(result.stdout) as { changes: { subject: string }[] }).changes.map((c) => c.subject);
    expect(subjects.every((s) => s.startsWith('Identity.'))).toBe(true);
    expect(subjects).toHaveLength(5);
  });

  it('refuses an unknown format, a missing spec and an unknown operation', () => {
    const format = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'html']);
    expect(format.status).not.toBe(0);
    expect(format.stderr).toContain('expected one of md, json, text');
    const missing = sdkgen(['diff', fixture('rules.old.yaml'), fixture('nope.yaml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the spec: no such file \(ENOENT\)/);
    const unknown = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--operations', 'NoSuchOperation']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown operation 'NoSuchOperation'");
  });

  it("takes a rule's level from sdkgen.config.json, and refuses an unknown rule or level in one line", () => {
    const dir = tempDir('diff-levels');
    const config = (levels: unknown) => {
      const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(file, JSON.stringify({ diff: { levels } }));
      return file;
    };
    const args = ['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'json', '--config'];
    // Exhaustive switches over a response enum break when a value goes: a project can say so.
    const strict = sdkgen([...args, config({ 'response-property-enum-value-removed': 'breaking', 'endpoint-removed': 'non-breaking' })]);
    expect(strict.status, strict.stderr).toBe(0);
    const report = JSON.parse(strict.stdout) as { breaking: number; changes: { rule: string; subject: string; level: string }[]; changelog: string[] };
    const level = (subject: string, rule: string) => report.changes.find((c) => c.subject === subject && c.rule === rule)?.level;
    expect(level('Widget.status', 'response-property-enum-value-removed')).toBe('breaking');
    expect(level('client.widgets.archive', 'endpoint-removed')).toBe('non-breaking');
    expect(report.breaking).toBe(20);
    expect(report.changelog).toContain('⚠️ Remove support for value `paused` from enum `Widget.status`');
    expect(report.changelog).toContain('Remove support for `archive` method on resource `Widget`');
    for (const [levels, message] of [
      [{ 'no-such-rule': 'breaking' }, "unknown diff rule 'no-such-rule' in diff.levels"],
      [{ 'endpoint-added': 'fatal' }, `diff.levels['endpoint-added'] must be "breaking" or "non-breaking"`],
    ] as const) {
      const refused = sdkgen([...args, config(levels)]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(message);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
