import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../generator/diff/rules.js';
import { SHARED_SPECS, sdkgen } from '../support/project.js';
import { FIXTURES } from './support.js';

const fixture = (name: string) => path.join(FIXTURES, name);

describe('sdkgen diff', () => {
  it('prints the changelog as Markdown by default, and exits 0 even with breaking changes', () => {
    const result = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml')]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^## Changes from API version `2024-01-01`/);
    expect(result.stdout).toContain('Suggested version bump: **major** (17 breaking changes).');
    expect(result.stdout).toContain('\n- ⚠️Change `Widget.nullable_later` to be nullable\n');
  });

  it('prints every change as JSON with known rule ids, and as text', () => {
    const json = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { bump: string; changes: { rule: string }[]; changelog: string[] };
    expect(report.bump).toBe('major');
    expect(report.changes.length).toBe(47);
    for (const change of report.changes) expect(RULE_IDS).toContain(change.rule);
    const text = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--format', 'text']);
    expect(text.stdout).toContain('47 changes, 17 breaking; suggested bump: major');
  });

  it('exits 1 with --fail-on-breaking only when something breaks', () => {
    const breaking = sdkgen(['diff', fixture('rules.old.yaml'), fixture('rules.new.yaml'), '--fail-on-breaking']);
    expect(breaking.status).toBe(1);
    expect(breaking.stderr).toContain('17 breaking change(s)');
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
});
