/**
 * Decodes a Stripe form body (or query string) back to nested values: `a[b][0]=x` → `{ a: { b: { 0: 'x' } } }`.
 * Arrays stay objects keyed by index as sent (`[]` appends the next index), so an error can name
 * the parameter exactly as the client wrote it. Containers have no prototype: `__proto__` is a key.
 * One pass, linear in the body: each container counts its own keys, so `[]` never recounts them.
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormDecodeError extends Error {}

/**
 * Bounds that hostile input meets long before the body size limit does: Stripe's own params nest
 * about six levels deep, and a body of a megabyte holds at most a few hundred thousand pairs.
 */
export const FORM_LIMITS = { maxDepth: 32, maxPairs: 100_000 };

export function decodeForm(text: string): FormObject {
  const root = container();
  if (!text) return root;
  const sizes = new WeakMap<FormObject, number>();
  const set = (node: FormObject, key: string, value: FormValue) => {
    if (!Object.hasOwn(node, key)) sizes.set(node, (sizes.get(node) ?? 0) + 1);
    node[key] = value;
  };
  let pairs = 0;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    if (++pairs > FORM_LIMITS.maxPairs) throw new FormDecodeError(`The request has more than ${FORM_LIMITS.maxPairs} parameters.`);
    const equals = pair.indexOf('=');
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    const path = keyPath(decode(rawKey));
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] === '' ? String(sizes.get(node) ?? 0) : path[i]!;
      if (i === path.length - 1) {
        set(node, segment, decode(rawValue));
      } else {
        const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
        if (typeof next === 'object') node = next;
        else {
          const child = container();
          set(node, segment, child);
          node = child;
        }
      }
    }
  }
  return root;
}

/**
 * `options[document][allowed_types][0]` → `['options', 'document', 'allowed_types', '0']`. A name
 * and then only `[...]` segments, none holding a bracket; anything else cannot be read back.
 */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  const name = open === -1 ? key : key.slice(0, open);
  if (name === '' || name.includes(']')) throw invalidName(key);
  const path = [name];
  for (let at = open; at !== -1 && at < key.length; ) {
    const close = key.indexOf(']', at + 1);
    if (key[at] !== '[' || close === -1) throw invalidName(key);
    const segment = key.slice(at + 1, close);
    if (segment.includes('[')) throw invalidName(key);
    if (path.push(segment) > FORM_LIMITS.maxDepth) {
      throw new FormDecodeError(`The parameter ${shown(key)} is nested more than ${FORM_LIMITS.maxDepth} levels deep.`);
    }
    at = close + 1;
  }
  return path;
}

function invalidName(key: string): FormDecodeError {
  return new FormDecodeError(`Invalid parameter name: ${shown(key)}`);
}

/** A parameter name in an error message, cut short: the name may be most of the body. */
function shown(key: string): string {
  return key.length > 100 ? `${key.slice(0, 100)}…` : key;
}

function decode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormDecodeError('The body holds a malformed percent escape.');
  }
}

function container(): FormObject {
  return Object.create(null) as FormObject;
}

/** Stripe's name for a parameter at a path: `options[document][allowed_types][0]`. */
export function paramName(path: string[]): string {
  return path.map((part, i) => (i === 0 ? part : `[${part}]`)).join('');
}
