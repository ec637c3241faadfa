import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeForm, encodeQuery } from '../../generator/runtime/encode.js';
import { prng } from './prng.js';

// stripe@13.11.0 is the oracle: the encoder must match the bytes it puts on the wire.
const stripeUtils = fileURLToPath(new URL('../../node_modules/stripe/cjs/utils.js', import.meta.url));
const { stringifyRequestData } = createRequire(import.meta.url)(stripeUtils) as {
  stringifyRequestData(data: object): string;
};

describe('encodeForm, read by a person', () => {
  const cases: Array<[string, object, string]> = [
    ['nested objects use brackets', { a: { b: { c: 'x' } } }, 'a[b][c]=x'],
    ['arrays are indexed', { expand: ['customer', 'invoice'] }, 'expand[0]=customer&expand[1]=invoice'],
    ['arrays of objects', { items: [{ price: 'p_1', quantity: 2 }] }, 'items[0][price]=p_1&items[0][quantity]=2'],
    ['null and empty string clear a field', { description: null, metadata: '' }, 'description=&metadata='],
    ['undefined is dropped', { a: undefined, b: 1 }, 'b=1'],
    ['booleans', { t: true, f: false }, 't=true&f=false'],
    ['dates are Unix seconds, rounded down', { at: new Date(1_700_000_000_999) }, 'at=1700000000'],
    ['space is %20, not +', { q: 'a b+c' }, 'q=a%20b%2Bc'],
    ['brackets stay literal, in keys and values', { 'k[x]': '[v]' }, 'k[x]=[v]'],
    ['sub-delims qs escapes', { s: "!'()*~" }, 's=%21%27%28%29%2A~'],
    ['UTF-8', { name: 'Zoë 中' }, 'name=Zo%C3%AB%20%E4%B8%AD'],
    ['emoji (a surrogate pair)', { e: '😀' }, 'e=%F0%9F%98%80'],
    ['a lone surrogate becomes U+FFFD', { e: 'a\uD800b' }, 'e=a%EF%BF%BDb'],
    ['negative and float numbers', { n: -12.5, big: 1e21 }, 'n=-12.5&big=1e%2B21'],
    ['empty arrays and objects vanish', { a: [], o: {}, b: 'x' }, 'b=x'],
    ['metadata keys with odd characters', { metadata: { 'order id': '#1&2=3' } }, 'metadata[order%20id]=%231%262%3D3'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(encodeForm(input)).toBe(expected);
      expect(encodeForm(input)).toBe(stringifyRequestData(input));
    });
  }

  it('encodes queries the same way', () => {
    const params = { limit: 3, created: { gte: 1 }, expand: ['data.customer'] };
    expect(encodeQuery(params)).toBe('limit=3&created[gte]=1&expand[0]=data.customer');
  });
});

const ATOMS = [
  'a', 'Z', '0', '9', '-', '.', '_', '~', ' ', '+', '&', '=', '?', '#', '%', '/', ':', ';', ',', '@', '$',
  '!', "'", '(', ')', '*', '[', ']', '{', '}', '|', '\\', '^', '"', '<', '>', '`', '\n', '\t', '\0', '\x7f',
  'é', 'ß', 'Ω', 'ж', 'ع', '中', '日本', '\u00a0', '\u2028', '\uffff', '😀', '👩‍👩‍👧', '🇫🇷', '𝄞',
  '\uD800', '\uDFFF', '\uDBFF\uDBFF', '%5B', '%5D', '%20',
];

function generator(random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (n: number) => Math.floor(random() * n);

  const text = (): string => {
    if (random() < 0.03) {
      // Long enough to cross qs's 1,024-character chunks, with pairs landing on the boundary.
      return 'x'.repeat(1023 - int(3)) + '😀'.repeat(int(3) + 1) + pick(ATOMS) + 'y'.repeat(int(1100));
    }
    let s = '';
    for (let i = int(8); i > 0; i--) s += pick(ATOMS);
    return s;
  };
  const key = (): string => (random() < 0.1 ? '' : random() < 0.2 ? String(int(20)) : text());
  const number = (): number =>
    pick([() => int(1000), () => -int(1_000_000), () => (random() - 0.5) * 1e6, () => 1e21, () => -0, () => 0.1 + 0.2, () => Number.MAX_SAFE_INTEGER])();
  const scalar = (): unknown =>
    pick([
      text,
      text,
      number,
      () => random() < 0.5,
      () => null,
      () => undefined,
      () => '',
      () => new Date(Math.floor(random() * 4e12) - 1e12),
    ])();
  const value = (depth: number): unknown => {
    const r = random();
    if (depth > 3 || r < 0.55) return scalar();
    if (r < 0.75) return Array.from({ length: int(4) }, () => value(depth + 1));
    return object(depth + 1);
  };
  const object = (depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let i = int(5) + (depth === 0 ? 1 : 0); i > 0; i--) o[key()] = value(depth);
    return o;
  };
  return () => object(0);
}

describe('encodeForm against stripe@13.11.0', () => {
  it('matches stringifyRequestData byte for byte on 2,000 random inputs', () => {
    const next = generator(prng(0x5eed));
    let nonEmpty = 0;
    for (let i = 0; i < 2000; i++) {
      const input = next();
      const expected = stringifyRequestData(input);
      if (encodeForm(input) !== expected) {
        // Report the input that failed, not just the first differing byte.
        expect({ i, input, got: encodeForm(input) }).toEqual({ i, input, got: expected });
      }
      if (expected) nonEmpty++;
    }
    // The generator must exercise the encoder, not produce empty objects.
    expect(nonEmpty).toBeGreaterThan(1800);
  });
});
