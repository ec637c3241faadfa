import { beforeAll, describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import { EXAMPLE_CREATED, exampleObject, exampleParams, exampleValue } from '../../generator/model/examples.js';
import type { ApiModel, Decl, Operation, TypeExpr } from '../../generator/model/types.js';
import { fakeObject } from '../../generator/servers/mock/fake-object.js';
import { model } from '../support/project.js';

let api: ApiModel;
let index: Map<string, Decl>;
const op = (id: string): Operation => api.operations.find((o) => o.id === id)!;
const root = (name: string): TypeExpr => ({ kind: 'ref', id: [...index.values()].find((d) => d.name === name && d.rootId === d.id)!.id });

beforeAll(async () => {
  api = await model({ allResourceTypes: true });
  index = indexDecls(api);
});

describe('one example walker, a value policy per use', () => {
  it('realistic (docs) and minimal (mock) examples of every response type have the same fields; only the values differ', () => {
    let compared = 0;
    for (const o of api.operations) {
      const realistic = exampleValue(o.response.type, index, { policy: 'realistic' });
      const minimal = exampleValue(o.response.type, index, { policy: 'minimal', id: () => 'obj_fixed' });
      if (!isRecord(realistic) || !isRecord(minimal)) continue;
      // Realistic examples also show an optional `id` where the object has one.
      expect(Object.keys(realistic).filter((k) => k !== 'id'), o.id).toEqual(Object.keys(minimal).filter((k) => k !== 'id'));
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('minimal: what a new object holds before anything is set, with the id the caller gives; the mock builds exactly that', () => {
    const customer = exampleValue(root('Customer'), index, { policy: 'minimal', id: () => 'cus_given' }) as Record<string, unknown>;
    expect(customer).toMatchObject({ id: 'cus_given', object: 'customer', created: EXAMPLE_CREATED, livemode: false, description: null, email: null, currency: null });
    const session = exampleValue(root('VerificationSession'), index, { policy: 'minimal' }) as Record<string, unknown>;
    expect(session).toMatchObject({ id: '', client_secret: null, metadata: {} });
    expect(fakeObject(root('Customer'), index, 'cus_given')).toEqual(customer);
  });

  it('realistic: Stripe-like values, the same type as minimal has them', () => {
    const customer = exampleValue(root('Customer'), index, { policy: 'realistic' }) as Record<string, unknown>;
    expect(customer).toMatchObject({ object: 'customer', created: EXAMPLE_CREATED, email: 'jenny.rosen@example.com', currency: 'usd', description: 'Example description' });
    expect(customer.id).toMatch(/^cus_1[A-Za-z0-9]{13}$/);
    expect(customer.test_clock).toMatch(/^clock_/);
  });

  it('request: every required param with an example value, metadata with the docs\' order_id, nothing else optional', () => {
    expect(exampleParams(op('PostIdentityVerificationSessions'), index)).toEqual({ type: 'document', metadata: { order_id: '6735' } });
    expect(exampleParams(op('PostPaymentIntents'), index)).toEqual({ amount: 1, currency: 'usd', metadata: { order_id: '6735' } });
    expect(exampleParams(op('PostInvoiceitems'), index)).toMatchObject({ customer: 'customer_example' });
    expect(exampleParams(op('PostFiles'), index).file).toEqual({ data: 'file contents', name: 'document.pdf', type: 'application/pdf' });
    for (const o of api.operations) {
      const decl = o.params?.decl;
      const fields = decl?.body.kind === 'interface' ? decl.body.properties : [];
      const expected = fields.filter((p) => !p.optional || p.name === 'metadata').map((p) => p.name);
      expect(Object.keys(exampleParams(o, index)), o.id).toEqual(expected);
    }
  });

  it('keep a field named __proto__ as a field under every policy', () => {
    const decl: Decl = {
      id: 'Hostile',
      name: 'Hostile',
      scope: [],
      rootId: 'Hostile',
      description: '',
      pointer: '#/components/schemas/hostile',
      children: [],
      body: { kind: 'interface', properties: [{ name: '__proto__', type: { kind: 'primitive', name: 'string' }, optional: false, description: '', deprecated: false, pointer: '#/x' }] },
    };
    for (const policy of ['realistic', 'request', 'minimal'] as const) {
      const object = exampleObject(decl, index, { policy });
      expect(Object.getPrototypeOf(object), policy).toBe(Object.prototype);
      expect(Object.keys(object), policy).toEqual(['__proto__']);
    }
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('data' in value && (value as { object?: unknown }).object === 'list');
}
