import { describe, expect, it } from 'vitest';
import { changelogBullets } from '../../generator/diff/changelog/bullets.js';
import { WORDED_RULES } from '../../generator/diff/changelog/wording.js';
import { jsonReport } from '../../generator/diff/format/json.js';
import { markdownReport } from '../../generator/diff/format/markdown.js';
import { textReport } from '../../generator/diff/format/text.js';
import { RULES, RULE_IDS } from '../../generator/diff/rules.js';
import { nextVersion, suggestBump } from '../../generator/diff/semver.js';
import type { Change } from '../../generator/diff/types.js';
import { diffFixtures } from './support.js';

describe('changelog bullets', () => {
  it('words every change of the synthetic API as stripe-node would, merging the same change on several types', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    expect(changelogBullets(result.changes).map((b) => b.text)).toEqual([
      '⚠️ Remove support for resource `Gadget`',
      'Add support for new resource `Gizmo`',
      '⚠️ Remove support for deprecated `melt` method on resource `Widget`',
      'Add support for `publish` and `retrieveNote` methods on resource `Widget`',
      'Mark `polish` method on resource `Widget` as deprecated',
      'Mark `revive` method on resource `Widget` as no longer deprecated',
      '⚠️ Remove support for `archive` method on resource `Widget`',
      '⚠️ Change return type of `client.companions.retrieve` from `Gadget` to `Gizmo`',
      '⚠️ Rename method `client.widgets.notes` to `client.widgets.createNote`',
      '⚠️ Add support for required `color` on `WidgetCreateParams`',
      'Add support for `extra` on `WidgetCreateParams` and `Widget`',
      'Add support for `size` on `WidgetCreateParams`',
      'Mark `legacy_flag` on `WidgetCreateParams` as deprecated',
      '⚠️ Remove support for deprecated `retired_option` on `WidgetCreateParams`',
      '⚠️ Remove support for `shape` on `WidgetCreateParams`',
      '⚠️ Change type of `WidgetCreateParams.height` from `number | null` to `number`',
      '⚠️ Change `WidgetCreateParams.label` to be required',
      '⚠️ Change type of `WidgetCreateParams.memo` from `emptyStringable(string)` to `string`',
      'Add support for new value `eco` on enum `WidgetCreateParams.mode`',
      '⚠️ Remove support for value `slow` from enum `WidgetCreateParams.mode`',
      'Change `WidgetCreateParams.name` to be optional',
      'Change type of `WidgetCreateParams.note` from `string` to `emptyStringable(string)`',
      'Add support for new value `overnight` on enum `WidgetCreateParams.shipping.speed`',
      'Change type of `WidgetCreateParams.tags` from `array(string)` to `array(emptyStringable(string))`',
      'Change type of `WidgetCreateParams.tag` from `string` to `string | number`',
      'Change type of `WidgetCreateParams.weight` from `number` to `number | null`',
      'Add support for `created_after` on `WidgetListParams`',
      '⚠️ Remove support for `owner` on `WidgetListParams`',
      'Add support for `added_optional` and `added_required` on `Widget`',
      'Mark `legacy` on `Widget` as deprecated',
      '⚠️ Remove support for deprecated `obsolete` on `Widget`',
      '⚠️ Remove support for `gone` on `Widget`',
      'Add support for `finish` on `Widget.details`',
      'Change type of `Widget.emptyable_before` from `emptyStringable(string)` to `string`',
      '⚠️ Change type of `Widget.emptyable_later` from `string` to `emptyStringable(string)`',
      'Add support for new value `shipping` on enum `Widget.items[].kind`',
      'Change `Widget.kept_optional` to be required',
      '⚠️ Change `Widget.kept_required` to be optional',
      'Change type of `Widget.nullable_before` from `string | null` to `string`',
      '⚠️ Change type of `Widget.nullable_later` from `string` to `string | null`',
      '⚠️ Change type of `Widget.retyped` and `WidgetCreateParams.quantity` from `string` to `number`',
      'Change type of `Widget.score` from `string | number` to `number`',
      'Add support for new value `archived` on enum `Widget.status`',
      'Remove support for value `paused` from enum `Widget.status`',
    ]);
  });

  it('merges names and targets both ways: fields that share a set of types share a bullet', () => {
    const add = (name: string, owner: string, rule: Change['rule'] = 'response-optional-property-added'): Change => ({
      rule,
      level: 'non-breaking',
      direction: 'response',
      subject: `${owner}.${name}`,
      owner,
      name,
      operations: [],
      location: {},
    });
    const value = (subject: string, v: string): Change => ({ ...add('', ''), rule: 'response-property-enum-value-added', subject, new: v });
    const bullets = changelogBullets([
      add('client_reference_id', 'Identity.VerificationSession'),
      add('client_reference_id', 'Identity.VerificationSessionCreateParams', 'new-optional-request-property'),
      add('provided_details', 'Identity.VerificationSession'),
      add('provided_details', 'Identity.VerificationSessionCreateParams', 'new-optional-request-property'),
      add('related_customer', 'Identity.VerificationSession'),
      value('Identity.VerificationSession.type', 'verification_flow'),
      value('Identity.VerificationSessionCreateParams.type', 'verification_flow'),
      value('Identity.VerificationSession.type', 'zz_other'),
      value('Identity.VerificationSessionCreateParams.type', 'zz_other'),
      value('Identity.VerificationSession.status', 'pending'),
    ]).map((b) => b.text);
    expect(bullets).toEqual([
      'Add support for `client_reference_id` and `provided_details` on `Identity.VerificationSessionCreateParams` and `Identity.VerificationSession`',
      'Add support for `related_customer` on `Identity.VerificationSession`',
      'Add support for new value `pending` on enum `Identity.VerificationSession.status`',
      // stripe-node's order: `.` sorts before letters (`PaymentIntent.x` before `PaymentIntentConfirmParams.x`).
      'Add support for new values `verification_flow` and `zz_other` on enums `Identity.VerificationSession.type` and `Identity.VerificationSessionCreateParams.type`',
    ]);
  });

  it("sums up a type change on more than twenty fields as stripe-node does: 'Change many types'", () => {
    const retyped = (subject: string): Change => ({
      rule: 'request-property-became-emptyable',
      level: 'non-breaking',
      direction: 'request',
      subject,
      operations: [],
      location: {},
      old: false,
      new: true,
      types: { old: 'string', new: 'emptyStringable(string)' },
    });
    const few = Array.from({ length: 20 }, (_, i) => retyped(`Params${String(i).padStart(2, '0')}.description`));
    expect(changelogBullets(few).map((b) => b.text)[0]).toMatch(/^Change type of `Params00\.description`, .* and `Params19\.description` from `string` to `emptyStringable\(string\)`$/);
    const many = [...few, retyped('Params20.description')];
    expect(changelogBullets(many).map((b) => b.text)).toEqual(['Change many types from `string` to `emptyStringable(string)`']);
  });

  it('keeps spec text inside code spans, whatever it holds', async () => {
    const result = await diffFixtures('escape.old.json', 'escape.new.json');
    expect(changelogBullets(result.changes).map((b) => b.text)).toEqual([
      'Add support for `under_score_*name*` on `Thing`',
      'Add support for new values `<b>html</b> next line`, `` back`tick ``, and `pipe | and *stars*` on enum `Thing.kind`',
    ]);
  });

  it('has wording for every rule the changelog shows, and for no other', () => {
    const shown = RULE_IDS.filter((rule) => RULES[rule].changelog);
    expect([...WORDED_RULES()].sort()).toEqual([...shown].sort());
  });
});

describe('reports', () => {
  it('renders the same diff as Markdown, JSON and text', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    const md = markdownReport(result);
    expect(md).toMatch(/^## Changes from API version `2024-01-01` \(spec sha256 `[0-9a-f]{12}`\) to API version `2024-02-01`/);
    expect(md).toContain('Suggested version bump: **major** (20 breaking changes).');
    expect(md).toContain('\n- Add support for `extra` on `WidgetCreateParams` and `Widget`\n');
    const json = JSON.parse(jsonReport(result));
    expect(json).toMatchObject({ bump: 'major', breaking: 20, from: { apiVersion: '2024-01-01' }, to: { apiVersion: '2024-02-01' } });
    expect(json.changes).toHaveLength(result.changes.length);
    expect(json.changelog).toContain('Add support for `size` on `WidgetCreateParams`');
    const text = textReport(result);
    expect(text).toContain(`${result.changes.length} changes, 20 breaking; suggested bump: major`);
    expect(text).toMatch(/^BREAKING response-property-became-nullable +Widget\.nullable_later {2}false -> true$/m);
  });

  it('says so when nothing changed', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.old.yaml');
    expect(markdownReport(result)).toContain('- No changes to the generated package.');
  });
});

describe('semver', () => {
  const change = (rule: Change['rule'], level: Change['level']): Change => ({ rule, level, direction: 'response', subject: 'X', operations: [], location: {} });

  it('suggests major for anything breaking, minor for anything in the changelog, patch otherwise', () => {
    expect(suggestBump([change('response-property-description-changed', 'non-breaking'), change('response-property-removed', 'breaking')])).toBe('major');
    expect(suggestBump([change('response-property-description-changed', 'non-breaking'), change('endpoint-added', 'non-breaking')])).toBe('minor');
    expect(suggestBump([change('request-property-description-changed', 'non-breaking')])).toBe('patch');
    expect(suggestBump([])).toBe('patch');
  });

  it('bumps a version', () => {
    expect(nextVersion('0.1.0', 'patch')).toBe('0.1.1');
    expect(nextVersion('0.1.7', 'minor')).toBe('0.2.0');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(nextVersion('1.4.2-beta.1', 'minor')).toBe('1.5.0');
    expect(() => nextVersion('one', 'minor')).toThrow(/not a semver version/);
  });
});
