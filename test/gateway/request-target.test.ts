import { describe, expect, it } from 'vitest';
import { checkRequestTarget } from '../../generator/servers/request-target.js';
import { RouteTable } from '../../generator/servers/route-table.js';

describe('checkRequestTarget', () => {
  it('passes origin-form paths and splits off the query', () => {
    expect(checkRequestTarget('/v1/identity/verification_sessions?limit=3&created[gte]=1')).toEqual({
      ok: true,
      pathname: '/v1/identity/verification_sessions',
      search: '?limit=3&created[gte]=1',
    });
    expect(checkRequestTarget('/v1/customers/cus_%41')).toMatchObject({ ok: true });
  });

  const refused = [
    'http://evil.example/v1/customers',
    'https://api.stripe.com/v1/customers',
    '*',
    '',
    '//evil.example/v1',
    '/v1/identity/../customers',
    '/v1/identity/./verification_sessions',
    '/v1//customers',
    '/v1/identity/verification_sessions/vs_1%2Fcancel',
    '/v1/identity/verification_sessions/vs_1%2fcancel',
    '/v1/identity/verification_sessions/%2e%2e',
    '/v1/identity/verification_sessions/vs%5C1',
    '/v1/identity/verification_sessions/vs%00',
    '/v1/customers/%zz',
    '/v1/cust\\omers',
    '/v1/customers/ü',
    '/v1/customers/a b',
    '/v1/customers#x',
  ];
  for (const target of refused) {
    it(`refuses ${JSON.stringify(target)}`, () => expect(checkRequestTarget(target).ok).toBe(false));
  }
});

describe('RouteTable', () => {
  const table = new RouteTable([
    { id: 'GetCustomersCustomer', method: 'GET', path: '/v1/customers/{customer}' },
    { id: 'GetCustomersSearch', method: 'GET', path: '/v1/customers/search' },
    { id: 'PostCustomersCustomer', method: 'POST', path: '/v1/customers/{customer}' },
  ]);

  it('prefers literal segments and captures parameters', () => {
    expect(table.match('GET', '/v1/customers/search')?.route.id).toBe('GetCustomersSearch');
    expect(table.match('GET', '/v1/customers/cus_1')).toMatchObject({ route: { id: 'GetCustomersCustomer' }, params: { customer: 'cus_1' } });
    expect(table.methodsAt('/v1/customers/cus_1')).toEqual(['GET', 'POST']);
  });

  it('matches whole segments only', () => {
    expect(table.match('GET', '/v1/customers/')).toBeUndefined();
    expect(table.match('GET', '/v1/customers/cus_1/extra')).toBeUndefined();
    expect(table.match('DELETE', '/v1/customers/cus_1')).toBeUndefined();
  });

  it('captures parameters named after Object.prototype members as their own keys', () => {
    const odd = new RouteTable([{ id: 'Odd', method: 'GET', path: '/v1/things/{__proto__}/{constructor}' }]);
    const params = odd.match('GET', '/v1/things/a/b')!.params;
    expect(Object.entries(params)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });
});
