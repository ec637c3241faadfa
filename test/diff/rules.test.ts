import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { RULES, RULE_IDS, rulesTable, type RuleId } from '../../generator/diff/rules.js';
import { ROOT } from '../support/project.js';
import type { Change, DiffResult } from '../../generator/diff/types.js';
import { resolveRef } from '../../generator/model/refs.js';
import { diffFixtures, fixture, only } from './support.js';

// Every change between rules.old.yaml and rules.new.yaml, written from the fixtures: subject, rule, level.
const EXPECTED = [
  'Gadget type-removed breaking',
  'Gizmo type-added non-breaking',
  // The resource, as readers see it.
  'Widget.added_optional response-optional-property-added non-breaking',
  'Widget.added_required response-required-property-added non-breaking',
  'Widget.details.finish response-optional-property-added non-breaking',
  'Widget.emptyable_before response-property-became-not-emptyable non-breaking',
  'Widget.emptyable_later response-property-became-emptyable breaking',
  'Widget.extra response-optional-property-added non-breaking',
  'Widget.gone response-property-removed breaking',
  'Widget.items[].kind response-property-enum-value-added non-breaking',
  'Widget.kept_optional response-property-became-required non-breaking',
  'Widget.kept_required response-property-became-optional breaking',
  'Widget.legacy response-property-deprecated non-breaking',
  'Widget.name response-property-description-changed non-breaking',
  'Widget.nullable_before response-property-became-not-nullable non-breaking',
  'Widget.nullable_later response-property-became-nullable breaking',
  'Widget.obsolete deprecated-response-property-removed breaking',
  'Widget.retyped response-property-type-changed breaking',
  // string | number → number: narrower, so every value a reader handled is still covered.
  'Widget.score response-property-type-changed non-breaking',
  'Widget.status response-property-enum-value-added non-breaking',
  'Widget.status response-property-enum-value-removed non-breaking',
  // The create params, as callers see them.
  'WidgetCreateParams.color new-required-request-property breaking',
  'WidgetCreateParams.extra new-optional-request-property non-breaking',
  'WidgetCreateParams.height request-property-became-not-nullable breaking',
  'WidgetCreateParams.label request-property-became-required breaking',
  'WidgetCreateParams.legacy_flag request-property-deprecated non-breaking',
  'WidgetCreateParams.memo request-property-became-not-emptyable breaking',
  'WidgetCreateParams.mode request-property-enum-value-added non-breaking',
  'WidgetCreateParams.mode request-property-enum-value-removed breaking',
  'WidgetCreateParams.name request-property-became-optional non-breaking',
  'WidgetCreateParams.name request-property-description-changed non-breaking',
  'WidgetCreateParams.note request-property-became-emptyable non-breaking',
  'WidgetCreateParams.quantity request-property-type-changed breaking',
  'WidgetCreateParams.retired_option deprecated-request-property-removed breaking',
  'WidgetCreateParams.shape request-property-removed breaking',
  'WidgetCreateParams.shipping.speed request-property-enum-value-added non-breaking',
  'WidgetCreateParams.size new-optional-request-property non-breaking',
  // Array<string> → Array<Emptyable<string>>: wider items, so every call that compiled still does.
  'WidgetCreateParams.tags request-property-type-changed non-breaking',
  // string → string | number: wider, so every call that compiled still does.
  'WidgetCreateParams.tag request-property-type-changed non-breaking',
  'WidgetCreateParams.weight request-property-became-nullable non-breaking',
  // Query parameters are fields of the list params type.
  'WidgetListParams.created_after new-optional-request-property non-breaking',
  'WidgetListParams.ending_before request-property-description-changed non-breaking',
  'WidgetListParams.owner request-property-removed breaking',
  // Operations.
  'client.widgets.archive endpoint-removed breaking',
  'client.widgets.melt deprecated-endpoint-removed breaking',
  'client.companions.retrieve response-body-type-changed breaking',
  'client.widgets.notes sdk-method-renamed breaking',
  'client.widgets.polish endpoint-deprecated non-breaking',
  'client.widgets.publish endpoint-added non-breaking',
  'client.widgets.retrieveNote endpoint-added non-breaking',
  'client.widgets.revive endpoint-reactivated non-breaking',
];

/** What each rule reads as when the specs are swapped. */
const MIRROR: Partial<Record<RuleId, RuleId>> = {
  'type-added': 'type-removed',
  'endpoint-added': 'endpoint-removed',
  'deprecated-endpoint-removed': 'endpoint-added',
  'endpoint-deprecated': 'endpoint-reactivated',
  'new-optional-request-property': 'request-property-removed',
  'new-required-request-property': 'request-property-removed',
  'response-optional-property-added': 'response-property-removed',
  'response-required-property-added': 'response-property-removed',
  'request-property-became-required': 'request-property-became-optional',
  'response-property-became-required': 'response-property-became-optional',
  'request-property-became-nullable': 'request-property-became-not-nullable',
  'response-property-became-nullable': 'response-property-became-not-nullable',
  'request-property-became-emptyable': 'request-property-became-not-emptyable',
  'response-property-became-emptyable': 'response-property-became-not-emptyable',
  'request-property-enum-value-added': 'request-property-enum-value-removed',
  'response-property-enum-value-added': 'response-property-enum-value-removed',
};
const mirrorsOf = (rule: RuleId): RuleId[] =>
  Object.entries(MIRROR).flatMap(([a, b]) => (a === rule ? [b] : b === rule ? [a as RuleId] : []));

const line = (c: Change) => `${c.subject} ${c.rule} ${c.level}`;

describe('diff rules on a synthetic API (rules.old.yaml → rules.new.yaml)', () => {
  it('reports exactly the expected changes, each at the level its direction calls for', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    expect(result.changes.map(line).sort()).toEqual([...EXPECTED].sort());
    expect(result.breaking).toBe(EXPECTED.filter((e) => e.endsWith(' breaking')).length);
    expect(result.bump).toBe('major');
  });

  it('exercises every rule the tool can emit, and emits no rule outside the list', async () => {
    const forward = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    const backward = await diffFixtures('rules.new.yaml', 'rules.old.yaml');
    const emitted = new Set([...forward.changes, ...backward.changes].map((c) => c.rule));
    expect([...emitted].sort()).toEqual([...RULE_IDS].sort());
    // Each rule keeps its level unless it is a type change (whose level depends on widening or narrowing).
    for (const change of [...forward.changes, ...backward.changes]) {
      if (!change.rule.endsWith('-type-changed')) expect(change.level, line(change)).toBe(RULES[change.rule].level);
    }
  });

  it('reads the same changes backwards when the specs are swapped', async () => {
    const forward = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    const backward = await diffFixtures('rules.new.yaml', 'rules.old.yaml');
    for (const change of forward.changes) {
      const mirrors = mirrorsOf(change.rule);
      if (mirrors.length === 0) continue;
      const subject = change.rule === 'type-added' || change.rule === 'type-removed' ? undefined : change.subject;
      const found = backward.changes.filter((c) => mirrors.includes(c.rule) && (subject === undefined || c.subject === subject));
      expect(found.length, `${line(change)} ↔ ${mirrors.join(' or ')}`).toBeGreaterThan(0);
    }
    // A field that became nullable in a response breaks readers; swapped, it breaks nobody.
    expect(only(backward, (c) => c.subject === 'Widget.nullable_later').level).toBe('non-breaking');
    expect(only(backward, (c) => c.subject === 'WidgetCreateParams.weight').level).toBe('breaking');
    expect(only(backward, (c) => c.subject === 'WidgetCreateParams.tag').level).toBe('breaking');
    expect(only(backward, (c) => c.subject === 'Widget.score').level).toBe('breaking');
  });

  it('understands the emptyable wrap and description edits: neither is a type change', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    for (const subject of ['WidgetCreateParams.note', 'WidgetCreateParams.memo', 'Widget.emptyable_later', 'Widget.emptyable_before']) {
      expect(result.changes.filter((c) => c.subject === subject).map((c) => c.rule)).toHaveLength(1);
    }
    expect(only(result, (c) => c.subject === 'WidgetCreateParams.note')).toMatchObject({ old: false, new: true });
    expect(only(result, (c) => c.subject === 'WidgetListParams.ending_before')).toMatchObject({
      rule: 'request-property-description-changed',
      old: 'Cursor.',
      new: 'A cursor for pagination.',
    });
  });

  it('names the operations a change touches and points into both specs', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml');
    const [before, after] = [await fixture('rules.old.yaml'), await fixture('rules.new.yaml')];
    for (const change of result.changes) {
      if (change.location.old) expect(() => resolveRef(before.document, change.location.old!, 'test'), line(change)).not.toThrow();
      if (change.location.new) expect(() => resolveRef(after.document, change.location.new!, 'test'), line(change)).not.toThrow();
      expect(change.location.old ?? change.location.new, line(change)).toBeDefined();
    }
    const nullable = only(result, (c) => c.subject === 'Widget.nullable_later');
    expect(nullable).toMatchObject({
      direction: 'response',
      owner: 'Widget',
      name: 'nullable_later',
      declaration: 'Widget',
      location: { old: '#/components/schemas/widget/properties/nullable_later', new: '#/components/schemas/widget/properties/nullable_later' },
    });
    expect(nullable.operations.map((o) => o.sdk).sort()).toEqual([
      'client.widgets.create',
      'client.widgets.list',
      'client.widgets.polish',
      'client.widgets.publish',
      'client.widgets.retrieve',
      'client.widgets.retrieveNote',
      'client.widgets.revive',
      'client.widgets.createNote',
    ].sort());
    const removedParam = only(result, (c) => c.subject === 'WidgetListParams.owner');
    expect(removedParam).toMatchObject({ in: 'query', location: { old: '#/paths/~1v1~1widgets/get/parameters/1' } });
    expect(removedParam.operations).toEqual([{ id: 'GetWidgets', sdk: 'client.widgets.list', flat: 'getWidgets', method: 'GET', path: '/v1/widgets' }]);
    expect(only(result, (c) => c.subject === 'WidgetCreateParams.color')).toMatchObject({ in: 'body', declaration: 'WidgetCreateParams', new: 'string' });
    expect(only(result, (c) => c.subject === 'Widget.details.finish').declaration).toBe('Widget.Details');
    expect(only(result, (c) => c.subject === 'client.widgets.notes')).toMatchObject({ old: 'client.widgets.notes', new: 'client.widgets.createNote' });
    expect(only(result, (c) => c.subject === 'client.companions.retrieve')).toMatchObject({ old: 'Gadget', new: 'Gizmo' });
    expect(only(result, (c) => c.rule === 'response-property-type-changed' && c.subject === 'Widget.retyped')).toMatchObject({ old: 'string', new: 'number' });
  });

  it('finds nothing between a spec and itself', async () => {
    const result: DiffResult = await diffFixtures('rules.old.yaml', 'rules.old.yaml');
    expect(result.changes).toEqual([]);
    expect(result.bump).toBe('patch');
  });
});

describe('the rule table', () => {
  it('is in the README as the code has it', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`\n${rulesTable()}\n`);
  });
});

describe('diff with a selection', () => {
  it('compares only what the selected operations reach', async () => {
    const result = await diffFixtures('rules.old.yaml', 'rules.new.yaml', { operations: ['PostWidgets'] });
    const subjects = new Set(result.changes.map((c) => c.subject.split('.')[0]));
    expect([...subjects].sort()).toEqual(['Widget', 'WidgetCreateParams']);
    expect(result.changes.some((c) => c.rule === 'type-added' || c.rule.startsWith('endpoint-'))).toBe(false);
  });

  it('reports a selected operation that exists in one spec only as added or removed', async () => {
    const added = await diffFixtures('rules.old.yaml', 'rules.new.yaml', { operations: ['PostWidgetsWidgetPublish'] });
    expect(added.changes.map(line)).toEqual(['client.widgets.publish endpoint-added non-breaking']);
    const removed = await diffFixtures('rules.old.yaml', 'rules.new.yaml', { operations: ['PostWidgetsWidgetArchive'] });
    expect(removed.changes.map(line)).toEqual(['client.widgets.archive endpoint-removed breaking']);
  });

  it('refuses an operation that is in neither spec', async () => {
    await expect(diffFixtures('rules.old.yaml', 'rules.new.yaml', { operations: ['NoSuchOperation'] })).rejects.toThrow(/unknown operation 'NoSuchOperation'/);
  });
});
