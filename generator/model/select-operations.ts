import { SdkgenError } from '../errors.js';
import type { OperationKey } from './operation-names.js';

export interface Selection {
  /** operationIds; `undefined` with no resources means every operation. */
  operations?: string[];
  /** Resources as `namespace.resource` in the spec's words (`identity.verification_sessions`) or the client's (`identity.verificationSessions`). */
  resources?: string[];
}

/** Picks the operations to generate; an unknown name fails, naming the closest known ones. */
export function selectOperations<T extends OperationKey>(
  all: T[],
  selection: Selection,
  resourceOf: (op: T) => string[],
): T[] {
  const { operations, resources } = selection;
  if (!operations?.length && !resources?.length) return all;
  if (all.length === 0) {
    throw new SdkgenError(`the spec has no operations, so none of the selected ${operations?.length ? 'operations' : 'resources'} exist`, {
      hint: 'an OpenAPI 3 spec lists its operations under `paths`; check that this is the spec you meant',
    });
  }
  const byId = new Map(all.map((op) => [op.id, op]));
  const chosen = new Set<T>();
  for (const id of operations ?? []) {
    const op = byId.get(id) ?? all.find((o) => o.id.toLowerCase() === id.toLowerCase());
    if (!op) {
      throw new SdkgenError(`unknown operation '${id}'`, {
        where: '--operations',
        hint: `closest operation ids: ${closest(id, [...byId.keys()]).join(', ')}`,
      });
    }
    chosen.add(op);
  }
  for (const wanted of resources ?? []) {
    const key = normalise(wanted);
    const matches = all.filter((op) => resourceOf(op).some((name) => normalise(name) === key));
    if (matches.length === 0) {
      const known = [...new Set(all.flatMap((op) => resourceOf(op).slice(0, 1)))];
      throw new SdkgenError(`unknown resource '${wanted}'`, {
        where: '--resources',
        hint: `closest resources: ${closest(wanted, known).join(', ')}`,
      });
    }
    for (const op of matches) chosen.add(op);
  }
  return all.filter((op) => chosen.has(op));
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]/g, '');
}

export function closest(target: string, candidates: string[], count = 3): string[] {
  const t = target.toLowerCase();
  return candidates
    .map((c) => ({ c, d: distance(t, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, count)
    .map(({ c }) => c);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
