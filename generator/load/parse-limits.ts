import { SdkgenError } from '../errors.js';

/**
 * Bounds on what a spec may cost to read. The Stripe spec is about 4 MB, nests 25 levels deep and has
 * no YAML aliases, so these leave it plenty of room while a hostile file stops in well under a second.
 */
export const PARSE_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 200,
  /** Roughly the bytes that YAML aliases may add once expanded (each use of an alias copies its anchor). */
  maxAliasExpansion: 16 * 1024 * 1024,
};

export function checkSize(byteLength: number, origin: string): void {
  if (byteLength > PARSE_LIMITS.maxBytes) {
    throw new SdkgenError(`the spec is ${(byteLength / 1024 / 1024).toFixed(0)} MB, more than the ${PARSE_LIMITS.maxBytes / 1024 / 1024} MB sdkgen reads`, { where: origin });
  }
}

/**
 * The nesting depth of a JSON text, found by a scan of its brackets outside strings, before it is
 * parsed: refused with the line where it passes the limit. Regexes jump from bracket to bracket and
 * over whole strings, about as fast as JSON.parse itself.
 */
export function checkJsonDepth(text: string, origin: string): void {
  const structural = /["[\]{}]/g;
  const restOfString = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;
  let depth = 0;
  for (let match = structural.exec(text); match !== null; match = structural.exec(text)) {
    const c = match[0];
    if (c === '"') {
      restOfString.lastIndex = structural.lastIndex;
      if (!restOfString.test(text)) return; // an unterminated string: JSON.parse names it
      structural.lastIndex = restOfString.lastIndex;
    } else if (c === '[' || c === '{') {
      if (++depth > PARSE_LIMITS.maxDepth) throw tooDeep(origin, lineAt(text, match.index));
    } else depth--;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function tooDeep(origin: string, line: number): SdkgenError {
  return new SdkgenError(`nested more than ${PARSE_LIMITS.maxDepth} levels deep`, { where: `${origin}:${line}` });
}

/** The part of js-yaml's parser state a listener reads. */
interface YamlState {
  line: number;
  kind: string | null;
  result: unknown;
}

/**
 * A js-yaml listener (called as each node opens and closes) that stops the parse past the depth
 * limit, and when the aliases used so far would expand past the limit ("billion laughs"). js-yaml
 * shares an anchored value between its aliases, so the document is small in memory; it is writing
 * it out (or walking it) that would explode.
 */
export function yamlGuard(origin: string): (event: 'open' | 'close', state: YamlState) => void {
  let depth = 0;
  let expansion = 0;
  const sizes = new WeakMap<object, number>();
  return (event, state) => {
    if (event === 'open') {
      if (++depth > PARSE_LIMITS.maxDepth) throw tooDeep(origin, state.line + 1);
      return;
    }
    depth--;
    // An alias leaves no node kind of its own, only the anchored value as the result.
    if (state.kind !== null || state.result === null || state.result === undefined) return;
    expansion += expandedSize(state.result, sizes);
    if (expansion > PARSE_LIMITS.maxAliasExpansion) {
      throw new SdkgenError(`YAML aliases expand to more than ${PARSE_LIMITS.maxAliasExpansion / 1024 / 1024} MB (an alias bomb?)`, {
        where: `${origin}:${state.line + 1}`,
      });
    }
  };
}

/** About the bytes a value takes written out, counted once per shared object. */
function expandedSize(value: unknown, sizes: WeakMap<object, number>): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 8;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let size = 2;
  if (Array.isArray(value)) for (const item of value) size += expandedSize(item, sizes) + 1;
  else for (const [key, item] of Object.entries(value)) size += key.length + 4 + expandedSize(item, sizes);
  sizes.set(value, size);
  return size;
}
