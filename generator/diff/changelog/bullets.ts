import type { Change } from '../types.js';
import { atomOf, code, type Atom } from './wording.js';

export interface Bullet {
  text: string;
  breaking: boolean;
}

/**
 * The changelog bullets of a diff, one per change, merged the way stripe-node merges them: a field
 * added on several types is one bullet naming them all, and fields added on the same set of types share
 * that bullet. Breaking bullets are marked ⚠️ as stripe-node marks them.
 */
export function changelogBullets(changes: Change[]): Bullet[] {
  const byItem = new Map<string, { atom: Atom; breaking: boolean; targets: Set<string> }>();
  for (const change of changes) {
    const atom = atomOf(change);
    if (!atom) continue;
    const key = `${atom.key}\u0000${atom.item}`;
    const entry = byItem.get(key) ?? { atom, breaking: change.level === 'breaking', targets: new Set<string>() };
    entry.targets.add(atom.target);
    byItem.set(key, entry);
  }
  const byTargets = new Map<string, { atom: Atom; breaking: boolean; items: string[]; targets: string[] }>();
  for (const { atom, breaking, targets } of byItem.values()) {
    const sorted = [...targets].sort(compare);
    const key = `${atom.key}\u0000${sorted.join('\u0000')}`;
    const entry = byTargets.get(key) ?? { atom, breaking, items: [], targets: sorted };
    entry.items.push(atom.item);
    byTargets.set(key, entry);
  }
  return [...byTargets.values()]
    .map((b) => ({ ...b, items: b.items.sort(compare) }))
    .sort((a, b) => a.atom.rank - b.atom.rank || byType(a.targets[0]!, b.targets[0]!) || compare(a.atom.key, b.atom.key) || compare(a.items[0]!, b.items[0]!))
    .map((b) => ({
      text: `${b.breaking ? '⚠️ ' : ''}${b.atom.render(b.items.map(code), b.targets.map(code))}`,
      breaking: b.breaking,
    }));
}

/** Bullets group by the type they name first; a type's own fields come before those of its nested objects. */
function byType(a: string, b: string): number {
  const [typeA, typeB] = [typePart(a), typePart(b)];
  return compare(typeA, typeB) || Number(a !== typeA) - Number(b !== typeB) || compare(a, b);
}

/** `Issuing.Authorization.request_history[].amount_details` → `Issuing.Authorization`. */
function typePart(target: string): string {
  const parts = target.split('.');
  const field = parts.findIndex((p) => !/^[A-Z]/.test(p));
  return field < 0 ? target : parts.slice(0, field).join('.');
}

/**
 * stripe-node's order: by code point, except that a name sorts after the longer names it begins
 * (`Identity.VerificationSessionCreateParams` before `Identity.VerificationSession`).
 */
export function compare(a: string, b: string): number {
  const [x, y] = [`${a}\uffff`, `${b}\uffff`];
  return x < y ? -1 : x > y ? 1 : 0;
}
