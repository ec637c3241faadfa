import type { Level } from './types.js';

/**
 * Every rule the diff can report, with its default level. Ids follow oasdiff's vocabulary where it has
 * one. `changelog: false` rules are in the JSON report only (they change nothing a caller can see).
 * A type change's level is decided per change (widening a request type breaks nothing); every other
 * rule always has its default level.
 */
export const RULES = {
  // Operations
  'endpoint-added': { level: 'non-breaking', changelog: true },
  'endpoint-removed': { level: 'breaking', changelog: true },
  'endpoint-deprecated': { level: 'non-breaking', changelog: true },
  'endpoint-reactivated': { level: 'non-breaking', changelog: true },
  'sdk-method-renamed': { level: 'breaking', changelog: true },
  'response-body-type-changed': { level: 'breaking', changelog: true },
  // Top-level resource types
  'type-added': { level: 'non-breaking', changelog: true },
  'type-removed': { level: 'breaking', changelog: true },
  // Request fields (body fields and query parameters alike: both are fields of the params type)
  'new-required-request-property': { level: 'breaking', changelog: true },
  'new-optional-request-property': { level: 'non-breaking', changelog: true },
  'request-property-removed': { level: 'breaking', changelog: true },
  'request-property-became-required': { level: 'breaking', changelog: true },
  'request-property-became-optional': { level: 'non-breaking', changelog: true },
  'request-property-became-nullable': { level: 'non-breaking', changelog: true },
  'request-property-became-not-nullable': { level: 'breaking', changelog: true },
  'request-property-became-emptyable': { level: 'non-breaking', changelog: true },
  'request-property-became-not-emptyable': { level: 'breaking', changelog: true },
  'request-property-type-changed': { level: 'breaking', changelog: true },
  'request-property-enum-value-added': { level: 'non-breaking', changelog: true },
  'request-property-enum-value-removed': { level: 'breaking', changelog: true },
  'request-property-deprecated': { level: 'non-breaking', changelog: true },
  'request-property-description-changed': { level: 'non-breaking', changelog: false },
  // Response fields
  'response-required-property-added': { level: 'non-breaking', changelog: true },
  'response-optional-property-added': { level: 'non-breaking', changelog: true },
  'response-property-removed': { level: 'breaking', changelog: true },
  'response-property-became-required': { level: 'non-breaking', changelog: true },
  'response-property-became-optional': { level: 'breaking', changelog: true },
  'response-property-became-nullable': { level: 'breaking', changelog: true },
  'response-property-became-not-nullable': { level: 'non-breaking', changelog: true },
  'response-property-became-emptyable': { level: 'breaking', changelog: true },
  'response-property-became-not-emptyable': { level: 'non-breaking', changelog: true },
  'response-property-type-changed': { level: 'breaking', changelog: true },
  // Stripe's enums are open: new values arrive without notice, so readers must already cope with them.
  'response-property-enum-value-added': { level: 'non-breaking', changelog: true },
  'response-property-enum-value-removed': { level: 'non-breaking', changelog: true },
  'response-property-deprecated': { level: 'non-breaking', changelog: true },
  'response-property-description-changed': { level: 'non-breaking', changelog: false },
} as const satisfies Record<string, { level: Level; changelog: boolean }>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** A field rule for the given side: `fieldRule('request', 'removed')` → `request-property-removed`. */
export function fieldRule(direction: 'request' | 'response', change: FieldChange): RuleId {
  return `${direction}-property-${change}` as RuleId;
}

export type FieldChange =
  | 'removed'
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
