/** Word-level naming rules shared by the whole model. Every generated identifier passes through here. */

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with as implements interface let package private protected public static yield await any boolean ' +
    'constructor declare get module require number set string symbol type from of unknown never object bigint undefined'
  ).split(' '),
);

/** Global type names the emitted code relies on; a declaration may not shadow them. */
const SHADOW_SENSITIVE = new Set([
  'Array', 'Record', 'Promise', 'Date', 'Object', 'String', 'Number', 'Boolean', 'Partial', 'Emptyable',
  'Metadata', 'MetadataParam', 'RangeQueryParam', 'FileUpload', 'ApiList', 'ApiListPromise', 'ApiSearchResult', 'RequestOptions',
]);

export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const DIGITS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

export function pascalCase(text: string): string {
  const parts = words(text);
  let name = '';
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!;
    let rest = word;
    // An identifier cannot start with a digit: `3d_secure` → `ThreeDSecure`.
    const digits = i === 0 ? /^[0-9]+/.exec(word)?.[0] : undefined;
    if (digits) {
      for (const d of digits) name += DIGITS[Number(d)];
      rest = word.slice(digits.length);
    }
    name += rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return name;
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

const SINGULAR_RULES: [RegExp, string][] = [
  [/(ss|us)$/i, '$1'],
  [/(status|address)es$/i, '$1'],
  [/(x|ch|sh)es$/i, '$1'],
  [/([^aeiou])ies$/i, '$1y'],
  [/s$/i, ''],
];

/** English singular for a snake_case or PascalCase plural, as stripe-node names array items. */
export function singular(word: string): string {
  for (const [pattern, replacement] of SINGULAR_RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** A type name that is a valid identifier and does not shadow a global the output uses. */
export function typeName(text: string): string {
  const name = pascalCase(text) || 'Type';
  return SHADOW_SENSITIVE.has(name) ? `${name}_` : name;
}

/** A camelCase identifier safe as a variable, parameter or method name. */
export function identifier(text: string): string {
  const name = camelCase(text) || '_';
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** Whether a wire name can be written bare as a property key. */
export function isIdentifierName(name: string): boolean {
  // `__proto__` is quoted even where it would parse bare, so no reader takes it for the prototype.
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__';
}
