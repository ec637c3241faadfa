import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../generator/runtime/encode.js';
import { decodeForm, FORM_LIMITS, FormDecodeError, paramName } from '../../generator/servers/mock/form-decode.js';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('decodeForm', () => {
  it('reads back what the client encoder writes, arrays as index-keyed objects', () => {
    const params = {
      type: 'document',
      metadata: { order_id: '6735', 'odd key & = ü': 'a b+c/ü' },
      options: { document: { allowed_types: ['passport', 'id_card'], require_live_capture: true } },
      expand: ['last_verification_report'],
    };
    expect(plain(decodeForm(encodeForm(params)))).toEqual({
      type: 'document',
      metadata: { order_id: '6735', 'odd key & = ü': 'a b+c/ü' },
      options: { document: { allowed_types: { 0: 'passport', 1: 'id_card' }, require_live_capture: 'true' } },
      expand: { 0: 'last_verification_report' },
    });
  });

  it('appends for [] and keeps empty values', () => {
    expect(plain(decodeForm('expand[]=a&expand[]=b&metadata=&x=1+2'))).toEqual({ expand: { 0: 'a', 1: 'b' }, metadata: '', x: '1 2' });
  });

  it('treats __proto__ as an ordinary key', () => {
    const decoded = decodeForm('__proto__[polluted]=yes&constructor[prototype][x]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__', 'constructor']);
  });

  it('refuses malformed names and escapes', () => {
    // stripe-node (and so the client) writes brackets in keys literally, so a key holding brackets
    // cannot be read back unambiguously; the mock refuses the shapes that cannot be parsed.
    expect(() => decodeForm('[a]=1')).toThrow(FormDecodeError);
    expect(() => decodeForm('a]=1')).toThrow(FormDecodeError);
    expect(() => decodeForm('a=%E0%A4%A')).toThrow(FormDecodeError);
  });

  it('names params as Stripe does', () => {
    expect(paramName(['options', 'document', 'allowed_types', '0'])).toBe('options[document][allowed_types][0]');
  });

  it('decodes a 1 MB body of 45,000 [] items in one pass, each item at its index', () => {
    const body = Array.from({ length: 45_000 }, (_, i) => `preferred_locales[]=l${i}`).join('&') + '&metadata[a]=1&preferred_locales[]=last';
    expect(body.length).toBeGreaterThan(500_000);
    const decoded = decodeForm(body);
    const locales = decoded.preferred_locales as Record<string, string>;
    expect(Object.keys(locales)).toHaveLength(45_001);
    expect([locales['0'], locales['44999'], locales['45000']]).toEqual(['l0', 'l44999', 'last']);
    expect(plain(decoded.metadata)).toEqual({ a: '1' });
  }, 10_000);

  it('[] after explicit indexes appends after the keys already there, as before', () => {
    expect(plain(decodeForm('a[0]=x&a[5]=y&a[]=z&a[0]=again'))).toEqual({ a: { 0: 'again', 5: 'y', 2: 'z' } });
  });

  it('refuses a name nested past the depth limit, naming it cut short', () => {
    expect(() => decodeForm(`a${'[x]'.repeat(FORM_LIMITS.maxDepth)}=1`)).toThrow(`The parameter a${'[x]'.repeat(32)} is nested more than 32 levels deep.`);
    expect(() => decodeForm(`a${'[x]'.repeat(50_000)}=1`)).toThrow(`The parameter a${'[x]'.repeat(33)}… is nested more than 32 levels deep.`);
    expect(plain(decodeForm(`a${'[x]'.repeat(FORM_LIMITS.maxDepth - 1)}=1`))).toBeTruthy();
  });

  it('refuses more parameters than the limit', () => {
    expect(() => decodeForm(Array(FORM_LIMITS.maxPairs + 1).fill('a[]=1').join('&'))).toThrow('The request has more than 100000 parameters.');
  });

  it('keeps __proto__, constructor and toString as keys at every level, and [] counts them', () => {
    const decoded = decodeForm('a[__proto__]=1&a[]=2&a[constructor][toString]=3&hasOwnProperty=4');
    expect(Object.getPrototypeOf(decoded)).toBeNull();
    // Compared as JSON text: an object literal with a __proto__ key would set the expectation's prototype.
    expect(JSON.stringify(decoded)).toBe('{"a":{"1":"2","__proto__":"1","constructor":{"toString":"3"}},"hasOwnProperty":"4"}');
  });
});
