import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../generator/runtime/encode.js';
import { decodeForm, FormDecodeError, paramName } from '../../generator/servers/mock/form-decode.js';

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
});
