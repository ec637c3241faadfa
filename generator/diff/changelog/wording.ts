import { singular } from '../../model/naming.js';
import type { RuleId } from '../rules.js';
import type { Change } from '../types.js';

/**
 * How a change reads in the changelog, in stripe-node's words. A change is an atom: bullets gather the
 * atoms with the same `key`, first the `target`s one `item` applies to, then the `item`s that share those
 * targets (so `a` and `b`, both added on `X` and `Y`, make one bullet).
 */
export interface Atom {
  key: string;
  /** Sorts the bullet families: resources, then methods, then fields. */
  rank: number;
  /** Raw names; `render` receives them as inline code. */
  item: string;
  target: string;
  render: (items: string[], targets: string[]) => string;
}

type Words = (change: Change) => Omit<Atom, 'key'> & { key: string };

/** Families of rules that read alike share a key, so a field added to a params type and a resource is one bullet. */
const field = (family: string, render: Atom['render']): Words => (c) => ({ key: family, rank: 2, item: c.name ?? '', target: c.owner ?? c.subject, render });
const path = (family: string, render: Atom['render']): Words => (c) => ({ key: family, rank: 2, item: '', target: c.subject, render });
const value = (family: string, render: Atom['render']): Words => (c) => ({ key: family, rank: 2, item: String(c.new ?? c.old), target: c.subject, render });
/** Methods are named on the resource's type, as stripe-node does: `Issuing.Authorization`, "test helper methods". */
const method = (verb: string, after = ''): Words => (c) => {
  const { resource, testHelpers } = resourceOf(c.owner ?? '');
  const kind = testHelpers ? 'test helper method' : 'method';
  return {
    key: `${resource}|${kind}`,
    rank: 1,
    item: c.name ?? '',
    target: resource,
    render: (m, t) => `${verb} ${list(m)} ${plural(m, kind)} on resource ${list(t)}${after}`,
  };
};
/**
 * A change of a field's type, `| null` and `''` included, as stripe-node words it. Bullets with many
 * targets (stripe-node's "Change many types …") are summed up by `changelogBullets`.
 */
const retyped: Words = (c) => {
  const [from, to] = c.types ? [c.types.old, c.types.new] : [String(c.old), String(c.new)];
  return {
    ...path('type', (_, t) => (t.length > MANY_TARGETS ? `Change many types` : `Change type of ${list(t)}`) + ` from ${code(from)} to ${code(to)}`)(c),
    key: `type|${from}>${to}`,
  };
};

/** Beyond this many targets stripe-node writes "Change many types from `a` to `b`" instead of naming them. */
export const MANY_TARGETS = 20;

/** `TestHelpers.Issuing.Authorizations` → the resource `Issuing.Authorization`, reached through test helpers. */
function resourceOf(owner: string): { resource: string; testHelpers: boolean } {
  const parts = owner.split('.');
  const testHelpers = parts[0] === 'TestHelpers';
  const rest = testHelpers ? parts.slice(1) : parts;
  return { resource: [...rest.slice(0, -1), singular(rest[rest.length - 1] ?? '')].join('.'), testHelpers };
}

const addField = field('add', (f, t) => `Add support for ${list(f)} on ${list(t)}`);
const removeField = field('remove', (f, t) => `Remove support for ${list(f)} on ${list(t)}`);
const removeDeprecatedField = field('remove-deprecated', (f, t) => `Remove support for deprecated ${list(f)} on ${list(t)}`);
const deprecateField = field('deprecate', (f, t) => `Mark ${list(f)} on ${list(t)} as deprecated`);
const to = (what: string) => path(what, (_, t) => `Change ${list(t)} to be ${what}`);
const valueAdded = value('value-added', (v, t) => `Add support for new ${plural(v, 'value')} ${list(v)} on ${plural(t, 'enum')} ${list(t)}`);
const valueRemoved = value('value-removed', (v, t) => `Remove support for ${plural(v, 'value')} ${list(v)} from ${plural(t, 'enum')} ${list(t)}`);

const WORDS: Partial<Record<RuleId, Words>> = {
  'type-added': (c) => ({ key: '', rank: 0, item: '', target: c.subject, render: (_, t) => `Add support for new ${plural(t, 'resource')} ${list(t)}` }),
  'type-removed': (c) => ({ key: '', rank: 0, item: '', target: c.subject, render: (_, t) => `Remove support for ${plural(t, 'resource')} ${list(t)}` }),
  'endpoint-added': method('Add support for'),
  'endpoint-removed': method('Remove support for'),
  'deprecated-endpoint-removed': method('Remove support for deprecated'),
  'endpoint-deprecated': method('Mark', ' as deprecated'),
  'endpoint-reactivated': method('Mark', ' as no longer deprecated'),
  'sdk-method-renamed': (c) => ({ key: String(c.old), rank: 1, item: '', target: String(c.old), render: () => `Rename method ${code(String(c.old))} to ${code(String(c.new))}` }),
  'response-body-type-changed': (c) => ({
    key: `${c.old}>${c.new}`,
    rank: 1,
    item: '',
    target: c.subject,
    render: (_, t) => `Change return type of ${list(t)} from ${code(String(c.old))} to ${code(String(c.new))}`,
  }),
  'new-optional-request-property': addField,
  'new-required-request-property': field('add-required', (f, t) => `Add support for required ${list(f)} on ${list(t)}`),
  'response-optional-property-added': addField,
  'response-required-property-added': addField,
  'request-property-removed': removeField,
  'response-property-removed': removeField,
  'deprecated-request-property-removed': removeDeprecatedField,
  'deprecated-response-property-removed': removeDeprecatedField,
  'request-property-deprecated': deprecateField,
  'response-property-deprecated': deprecateField,
  'request-property-became-required': to('required'),
  'response-property-became-required': to('required'),
  'request-property-became-optional': to('optional'),
  'response-property-became-optional': to('optional'),
  'request-property-became-nullable': retyped,
  'response-property-became-nullable': retyped,
  'request-property-became-not-nullable': retyped,
  'response-property-became-not-nullable': retyped,
  'request-property-became-emptyable': retyped,
  'response-property-became-emptyable': retyped,
  'request-property-became-not-emptyable': retyped,
  'response-property-became-not-emptyable': retyped,
  'request-property-type-changed': retyped,
  'response-property-type-changed': retyped,
  'request-property-enum-value-added': valueAdded,
  'response-property-enum-value-added': valueAdded,
  'request-property-enum-value-removed': valueRemoved,
  'response-property-enum-value-removed': valueRemoved,
};

/** The atom of a change, or undefined for changes the changelog leaves out (description edits). */
export function atomOf(change: Change): Atom | undefined {
  const words = WORDS[change.rule];
  if (!words) return undefined;
  const atom = words(change);
  // Operation rules and resource rules have keys of their own; the level keeps a ⚠️ bullet apart.
  const family = atom.rank === 2 ? atom.key : `${change.rule}|${atom.key}`;
  return { ...atom, key: `${family}|${change.level}` };
}

/** The rules with changelog wording: every rule the changelog shows. */
export const WORDED_RULES = (): RuleId[] => Object.keys(WORDS) as RuleId[];

/** Inline code, safe for any spec text: whitespace collapsed, a fence longer than any backtick run inside. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** `a`, `a and b`, `a, b, and c`: already-rendered items. */
function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function plural(items: string[], word: string): string {
  return items.length === 1 ? word : `${word}s`;
}
