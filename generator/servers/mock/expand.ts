import type { Decl, Property } from '../../model/types.js';
import { objectLiteral } from './api-plan.js';
import { fakeObject } from './fake-object.js';
import { isPlainObject, objectDecl } from './object-builder.js';
import type { StoredObject } from './object-store.js';

/** Stripe expands at most four levels deep. */
const MAX_DEPTH = 4;

/**
 * Whether `path` can be expanded on an object of `decl`: each segment a field, the last one of the
 * spec's expandable fields (`x-expandableFields`), the ones before either expandable or sub-objects.
 */
export function canExpand(path: string, decl: Decl, index: Map<string, Decl>): boolean {
  const segments = path.split('.');
  if (segments.length > MAX_DEPTH) return false;
  let current: Decl[] = [decl];
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const next: Decl[] = [];
    for (const d of current) {
      const property = field(d, segments[i]!);
      if (!property) continue;
      if (last) {
        if (property.expandsTo?.length) return true;
        continue;
      }
      if (property.expandsTo?.length) next.push(...property.expandsTo.map((id) => index.get(id)).filter((x): x is Decl => Boolean(x)));
      const sub = objectDecl(property.type, index);
      if (sub) next.push(sub);
    }
    current = next;
  }
  return false;
}

/** The object with each path's id replaced by the stored object it names (or one made from the schema). */
export function expand(object: StoredObject, paths: string[], decl: Decl, index: Map<string, Decl>, lookup: (id: string) => StoredObject | undefined): StoredObject {
  let out = object;
  for (const path of paths) out = expandAt(out, path.split('.'), decl, index, lookup) as StoredObject;
  return out;
}

function expandAt(value: unknown, segments: string[], decl: Decl, index: Map<string, Decl>, lookup: (id: string) => StoredObject | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => expandAt(v, segments, decl, index, lookup));
  if (!isPlainObject(value) || segments.length === 0) return value;
  const [name, ...rest] = segments as [string, ...string[]];
  const property = field(decl, name);
  if (!property || !(name in value)) return value;
  let child = value[name];
  let childDecl: Decl | undefined;
  if (typeof child === 'string' && property.expandsTo?.length) {
    const stored = lookup(child);
    const targets = property.expandsTo.map((id) => index.get(id)).filter((x): x is Decl => Boolean(x));
    childDecl = (stored && targets.find((t) => objectLiteral(t) === stored.object)) ?? targets[0];
    child = stored ?? (childDecl ? fakeObject({ kind: 'ref', id: childDecl.id }, index, child) : child);
  } else if (isPlainObject(child) || Array.isArray(child)) {
    const targets = (property.expandsTo ?? []).map((id) => index.get(id)).filter((x): x is Decl => Boolean(x));
    const sample = Array.isArray(child) ? child[0] : child;
    childDecl = (isPlainObject(sample) && targets.find((t) => objectLiteral(t) === sample.object)) || objectDecl(property.type, index) || targets[0];
  }
  if (rest.length > 0 && childDecl) child = expandAt(child, rest, childDecl, index, lookup);
  return { ...value, [name]: child };
}

function field(decl: Decl, name: string): Property | undefined {
  return decl.body.kind === 'interface' ? decl.body.properties.find((p) => p.name === name) : undefined;
}
