import type { Level } from './types.js';

interface Rule {
  /** The level a change of this rule has unless the config overrides it. */
  level: Level;
  /** Whether the changelog shows it (description edits are in the JSON report only). */
  changelog: boolean;
  /** What the rule reports, for the README's table and `sdkgen diff --help`. */
  means: string;
}

/**
 * Every rule the diff can report: the one place that decides a change's level. Ids follow oasdiff's
 * vocabulary where it has one. A type change's level is decided per change (widening a request type
 * or narrowing a response type breaks nobody); every other rule has its level here, and
 * `sdkgen.config.json` can override any rule's level (`diff.levels`).
 */
export const RULES = {
  // Operations
  'endpoint-added': { level: 'non-breaking', changelog: true, means: 'a new operation (a new method)' },
  'endpoint-removed': { level: 'breaking', changelog: true, means: 'an operation that was not deprecated is gone' },
  'deprecated-endpoint-removed': { level: 'breaking', changelog: true, means: 'an operation the old spec marked deprecated is gone' },
  'endpoint-deprecated': { level: 'non-breaking', changelog: true, means: 'an operation is marked deprecated' },
  'endpoint-reactivated': { level: 'non-breaking', changelog: true, means: 'an operation is no longer deprecated' },
  'sdk-method-renamed': { level: 'breaking', changelog: true, means: 'the same operation has another method name in the package' },
  'response-body-type-changed': { level: 'breaking', changelog: true, means: 'an operation returns another type' },
  // Top-level resource types
  'type-added': { level: 'non-breaking', changelog: true, means: 'a new resource type (`x-resourceId` schema)' },
  'type-removed': { level: 'breaking', changelog: true, means: 'a resource type is gone' },
  // Request fields (body fields and query parameters alike: both are fields of the params type)
  'new-required-request-property': { level: 'breaking', changelog: true, means: 'a params type has a new required field' },
  'new-optional-request-property': { level: 'non-breaking', changelog: true, means: 'a params type has a new optional field' },
  'request-property-removed': { level: 'breaking', changelog: true, means: 'a params field that was not deprecated is gone' },
  'deprecated-request-property-removed': { level: 'breaking', changelog: true, means: 'a params field the old spec marked deprecated is gone' },
  'request-property-became-required': { level: 'breaking', changelog: true, means: 'a params field must now be given' },
  'request-property-became-optional': { level: 'non-breaking', changelog: true, means: 'a params field may now be left out' },
  'request-property-became-nullable': { level: 'non-breaking', changelog: true, means: 'a params field now takes `null`' },
  'request-property-became-not-nullable': { level: 'breaking', changelog: true, means: 'a params field no longer takes `null`' },
  'request-property-became-emptyable': { level: 'non-breaking', changelog: true, means: "a params field now takes `''` (to unset it)" },
  'request-property-became-not-emptyable': { level: 'breaking', changelog: true, means: "a params field no longer takes `''`" },
  'request-property-type-changed': { level: 'breaking', changelog: true, means: 'a params field has another type; non-breaking when the new type is wider' },
  'request-property-enum-value-added': { level: 'non-breaking', changelog: true, means: 'a params enum takes a new value' },
  'request-property-enum-value-removed': { level: 'breaking', changelog: true, means: 'a params enum no longer takes a value' },
  'request-property-deprecated': { level: 'non-breaking', changelog: true, means: 'a params field is marked deprecated' },
  'request-property-description-changed': { level: 'non-breaking', changelog: false, means: "a params field's description changed" },
  // Response fields
  'response-required-property-added': { level: 'non-breaking', changelog: true, means: 'a returned object has a new field, always present' },
  'response-optional-property-added': { level: 'non-breaking', changelog: true, means: 'a returned object has a new optional field' },
  'response-property-removed': { level: 'breaking', changelog: true, means: 'a returned field that was not deprecated is gone' },
  'deprecated-response-property-removed': { level: 'breaking', changelog: true, means: 'a returned field the old spec marked deprecated is gone' },
  'response-property-became-required': { level: 'non-breaking', changelog: true, means: 'a returned field is now always present' },
  'response-property-became-optional': { level: 'breaking', changelog: true, means: 'a returned field may now be absent' },
  'response-property-became-nullable': { level: 'breaking', changelog: true, means: 'a returned field may now be `null`' },
  'response-property-became-not-nullable': { level: 'non-breaking', changelog: true, means: 'a returned field is never `null` any more' },
  'response-property-became-emptyable': { level: 'breaking', changelog: true, means: "a returned field may now be `''`" },
  'response-property-became-not-emptyable': { level: 'non-breaking', changelog: true, means: "a returned field is never `''` any more" },
  'response-property-type-changed': { level: 'breaking', changelog: true, means: 'a returned field has another type; non-breaking when the new type is narrower' },
  // Stripe's enums are open (new values arrive without notice), and stripe-node ships both in minor
  // releases (13.5.0: `n26` added, `invoiceitem.updated` removed from `Event.type`). A project with
  // exhaustive `switch`es over response enums can make these breaking in its config.
  'response-property-enum-value-added': { level: 'non-breaking', changelog: true, means: 'a returned enum has a new value' },
  'response-property-enum-value-removed': { level: 'non-breaking', changelog: true, means: 'a returned enum no longer has a value' },
  'response-property-deprecated': { level: 'non-breaking', changelog: true, means: 'a returned field is marked deprecated' },
  'response-property-description-changed': { level: 'non-breaking', changelog: false, means: "a returned field's description changed" },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Levels set in `sdkgen.config.json` (`"diff": { "levels": { "rule-id": "breaking" } }`), over the defaults. */
export type LevelOverrides = Partial<Record<RuleId, Level>>;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A field rule for the given side: `fieldRule('request', 'removed')` → `request-property-removed`. */
export function fieldRule(direction: 'request' | 'response', change: FieldChange): RuleId {
  if (change === 'deprecated-removed') return `deprecated-${direction}-property-removed`;
  return `${direction}-property-${change}` as RuleId;
}

export type FieldChange =
  | 'removed'
  | 'deprecated-removed'
  | 'became-required'
  | 'became-optional'
  | 'became-nullable'
  | 'became-not-nullable'
  | 'became-emptyable'
  | 'became-not-emptyable'
  | 'type-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'deprecated'
  | 'description-changed';

/** The rule table as the README shows it: id, default level, whether the changelog shows it, meaning. */
export function rulesTable(): string {
  const rows = RULE_IDS.map((id) => {
    const rule: Rule = RULES[id];
    return `| \`${id}\` | ${rule.level} | ${rule.changelog ? 'yes' : 'no'} | ${rule.means} |`;
  });
  return ['| rule | level | changelog | reports |', '|---|---|---|---|', ...rows].join('\n');
}
