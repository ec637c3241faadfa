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

type Words = (change: Change) => Omit<Atom, 'key'> & { key?: string };

const field = (render: Atom['render']): Words => (c) => ({ rank: 2, item: c.name ?? '', target: c.owner ?? c.subject, render });
const path = (render: Atom['render'], extra = ''): Words => (c) => ({ key: extra, rank: 2, item: '', target: c.subject, render });
const value = (render: Atom['render']): Words => (c) => ({ rank: 2, item: String(c.new ?? c.old), target: c.subject, render });
const method = (render: Atom['render']): Words => (c) => ({ key: c.owner ?? '', rank: 1, item: c.name ?? '', target: c.owner ?? '', render });

const WORDS: Partial<Record<RuleId, Words>> = {
  'type-added': (c) => ({ rank: 0, item: '', target: c.subject, render: (_, t) => `Add support for new ${plural(t, 'resource')} ${list(t)}` }),
  'type-removed': (c) => ({ rank: 0, item: '', target: c.subject, render: (_, t) => `Remove support for ${plural(t, 'resource')} ${list(t)}` }),
  'endpoint-added': method((m, t) => `Add support for ${list(m)} ${plural(m, 'method')} on resource ${list(t)}`),
  'endpoint-removed': method((m, t) => `Remove support for ${list(m)} ${plural(m, 'method')} on resource ${list(t)}`),
  'endpoint-deprecated': method((m, t) => `Mark ${list(m)} ${plural(m, 'method')} on resource ${list(t)} as deprecated`),
  'endpoint-reactivated': method((m, t) => `Mark ${list(m)} ${plural(m, 'method')} on resource ${list(t)} as no longer deprecated`),
  'sdk-method-renamed': (c) => ({ key: `${c.old}`, rank: 1, item: '', target: String(c.old), render: () => `Rename method ${code(String(c.old))} to ${code(String(c.new))}` }),
  'response-body-type-changed': (c) => ({
    key: `${c.old}>${c.new}`,
    rank: 1,
    item: '',
    target: c.subject,
    render: (_, t) => `Change return type of ${list(t)} from ${code(String(c.old))} to ${code(String(c.new))}`,
  }),
  'new-optional-request-property': field((f, t) => `Add support for ${list(f)} on ${list(t)}`),
  'new-required-request-property': field((f, t) => `Add support for required ${list(f)} on ${list(t)}`),
  'response-optional-property-added': field((f, t) => `Add support for ${list(f)} on ${list(t)}`),
  'response-required-property-added': field((f, t) => `Add support for ${list(f)} on ${list(t)}`),
  'request-property-removed': field((f, t) => `Remove support for ${list(f)} on ${list(t)}`),
  'response-property-removed': field((f, t) => `Remove support for ${list(f)} on ${list(t)}`),
  'request-property-deprecated': field((f, t) => `Mark ${list(f)} on ${list(t)} as deprecated`),
  'response-property-deprecated': field((f, t) => `Mark ${list(f)} on ${list(t)} as deprecated`),
  'request-property-became-required': path((_, t) => `Change ${list(t)} to be required`),
  'response-property-became-required': path((_, t) => `Change ${list(t)} to be required`),
  'request-property-became-optional': path((_, t) => `Change ${list(t)} to be optional`),
  'response-property-became-optional': path((_, t) => `Change ${list(t)} to be optional`),
  'request-property-became-nullable': path((_, t) => `Change ${list(t)} to be nullable`),
  'response-property-became-nullable': path((_, t) => `Change ${list(t)} to be nullable`),
  'request-property-became-not-nullable': path((_, t) => `Change ${list(t)} to be non-nullable`),
  'response-property-became-not-nullable': path((_, t) => `Change ${list(t)} to be non-nullable`),
  'request-property-became-emptyable': path((_, t) => `Change ${list(t)} to be emptyable (\`''\` unsets it)`),
  'response-property-became-emptyable': path((_, t) => `Change ${list(t)} to be emptyable (it may be \`''\`)`),
  'request-property-became-not-emptyable': path((_, t) => `Change ${list(t)} to be non-emptyable`),
  'response-property-became-not-emptyable': path((_, t) => `Change ${list(t)} to be non-emptyable`),
  'request-property-enum-value-added': value((v, t) => `Add support for new ${plural(v, 'value')} ${list(v)} on ${plural(t, 'enum')} ${list(t)}`),
  'response-property-enum-value-added': value((v, t) => `Add support for new ${plural(v, 'value')} ${list(v)} on ${plural(t, 'enum')} ${list(t)}`),
  'request-property-enum-value-removed': value((v, t) => `Remove support for ${plural(v, 'value')} ${list(v)} from ${plural(t, 'enum')} ${list(t)}`),
  'response-property-enum-value-removed': value((v, t) => `Remove support for ${plural(v, 'value')} ${list(v)} from ${plural(t, 'enum')} ${list(t)}`),
};

for (const rule of ['request-property-type-changed', 'response-property-type-changed'] as const) {
  WORDS[rule] = (c) => ({
    ...path((_, t) => `Change type of ${list(t)} from ${code(String(c.old))} to ${code(String(c.new))}`)(c),
    key: `${c.old}>${c.new}`,
  });
}

/** The atom of a change, or undefined for changes the changelog leaves out (description edits). */
export function atomOf(change: Change): Atom | undefined {
  const words = WORDS[change.rule];
  if (!words) return undefined;
  const atom = words(change);
  // The render functions of one rule read alike; the key keeps apart what must not share a bullet.
  return { ...atom, key: `${change.rule}|${change.level}|${atom.key ?? ''}` };
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
