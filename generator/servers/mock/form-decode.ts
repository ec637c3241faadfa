/**
 * Decodes a Stripe form body (or query string) back to nested values: `a[b][0]=x` → `{ a: { b: { 0: 'x' } } }`.
 * Arrays stay objects keyed by index as sent (`[]` appends the next index), so an error can name
 * the parameter exactly as the client wrote it. Containers have no prototype: `__proto__` is a key.
 */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormDecodeError extends Error {}

export function decodeForm(text: string): FormObject {
  const root = container();
  if (!text) return root;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    const path = keyPath(decode(rawKey));
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] === '' ? String(Object.keys(node).length) : path[i]!;
      if (i === path.length - 1) {
        node[segment] = decode(rawValue);
      } else {
        const next = node[segment];
        if (typeof next === 'object') node = next;
        else node = node[segment] = container();
      }
    }
  }
  return root;
}

/** `options[document][allowed_types][0]` → `['options', 'document', 'allowed_types', '0']`. */
function keyPath(key: string): string[] {
  const match = /^([^[\]]*)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match || match[1] === '') throw new FormDecodeError(`Invalid parameter name: ${key}`);
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
}

function decode(text: string): string {
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
