import { beforeAll, describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import { EXAMPLE_CREATED, exampleErrors, exampleResponse, idPrefix } from '../../generator/model/examples.js';
import type { ApiModel, Decl, Operation } from '../../generator/model/types.js';
import { model } from '../support/project.js';

let api: ApiModel;
let index: Map<string, Decl>;
const op = (id: string): Operation => api.operations.find((o) => o.id === id)!;

beforeAll(async () => {
  api = await model({ allResourceTypes: true });
  index = indexDecls(api);
});

describe('example responses, built from the model', () => {
  it('give a VerificationSession its object string, a vs_ id, Unix timestamps and ids of the objects it points to', () => {
    const session = exampleResponse(op('PostIdentityVerificationSessions'), index) as Record<string, unknown>;
    expect(session).toMatchObject({ object: 'identity.verification_session', livemode: false, created: EXAMPLE_CREATED, metadata: {} });
    expect(session.id).toMatch(/^vs_1[A-Za-z0-9]{13}$/);
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_`));
    // An expandable field comes as the id of what it expands to.
    expect(session.last_verification_report).toMatch(/^vr_1[A-Za-z0-9]{13}$/);
    expect(Number.isInteger(session.created)).toBe(true);
  });

  it('put a list in Stripe\'s list shape, with its items built the same way', () => {
    const page = exampleResponse(op('GetCustomers'), index) as { object: string; data: Record<string, unknown>[]; has_more: boolean; url: string };
    expect(page).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ object: 'customer', created: EXAMPLE_CREATED, email: 'jenny.rosen@example.com' });
    expect(page.data[0]!.id).toMatch(/^cus_/);
    const search = exampleResponse(op('GetCustomersSearch'), index) as Record<string, unknown>;
    expect(search).toMatchObject({ object: 'search_result', has_more: false, next_page: null, url: '/v1/customers/search' });
  });

  it('nest objects and lists inside an object (an invoice\'s lines)', () => {
    const invoice = exampleResponse(op('GetInvoicesInvoice'), index) as Record<string, unknown>;
    expect(invoice.id).toMatch(/^in_/);
    expect(invoice.lines).toMatchObject({ object: 'list', has_more: false, data: [{ object: 'line_item' }] });
    expect(invoice.automatic_tax).toEqual({ enabled: false, status: 'complete' });
    const intent = exampleResponse(op('PostPaymentIntents'), index) as Record<string, unknown>;
    expect(intent).toMatchObject({ object: 'payment_intent', amount: 2000, currency: 'usd' });
    expect(intent.id).toMatch(/^pi_/);
  });

  it('are the same every run, and plain JSON', () => {
    for (const o of api.operations) {
      const example = exampleResponse(o, index);
      expect(JSON.parse(JSON.stringify(example))).toEqual(example);
      expect(exampleResponse(o, index)).toEqual(example);
    }
  });

  it('name ids as Stripe does, and make a prefix for objects not in the table', () => {
    expect(['customer', 'payment_intent', 'checkout.session', 'identity.verification_session'].map(idPrefix)).toEqual(['cus', 'pi', 'cs', 'vs']);
    expect(idPrefix('treasury.received_credit')).toBe('rc');
  });
});

describe('example errors', () => {
  it('follow Stripe\'s { error: { type, code, message, param } } and fit the operation', () => {
    const create = exampleErrors(op('PostIdentityVerificationSessions'));
    expect(create[0]).toEqual({
      status: 400,
      when: 'A required parameter is missing',
      body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: type.', param: 'type', doc_url: 'https://stripe.com/docs/error-codes/parameter-missing' } },
    });
    const types = (o: string) => exampleErrors(op(o)).map((e) => `${e.status} ${e.body.error.type} ${e.body.error.code ?? ''}`.trim());
    expect(types('PostIdentityVerificationSessions')).toEqual(['400 invalid_request_error parameter_missing', '401 invalid_request_error', '400 idempotency_error', '429 invalid_request_error rate_limit', '500 api_error']);
    expect(types('GetCustomersCustomer')).toEqual(['400 invalid_request_error parameter_unknown', '401 invalid_request_error', '404 invalid_request_error resource_missing', '429 invalid_request_error rate_limit', '500 api_error']);
    expect(types('PostPaymentIntentsIntentConfirm')).toContain('402 card_error card_declined');
    expect(exampleErrors(op('GetCustomersCustomer'))[2]!.body.error.param).toBe('customer');
  });
});
