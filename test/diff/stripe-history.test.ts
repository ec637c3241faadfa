import { describe, expect, it } from 'vitest';
import { changelogBullets } from '../../generator/diff/changelog/bullets.js';
import type { Change, DiffResult } from '../../generator/diff/types.js';
import { resolveRef } from '../../generator/model/refs.js';
import { spec } from '../support/project.js';
import { diffStripe } from './support.js';

const line = (c: Change) => `${c.subject} ${c.rule} ${c.level}`;
const bullets = (result: DiffResult) => changelogBullets(result.changes).map((b) => b.text);

async function expectPointersResolve(result: DiffResult, before: string, after: string): Promise<void> {
  const [a, b] = [await spec(before), await spec(after)];
  for (const change of result.changes) {
    expect(change.location.old ?? change.location.new, line(change)).toBeDefined();
    if (change.location.old) expect(() => resolveRef(a.document, change.location.old!, 'test'), line(change)).not.toThrow();
    if (change.location.new) expect(() => resolveRef(b.document, change.location.new!, 'test'), line(change)).not.toThrow();
  }
}

describe('v298 → v301 (Identity verification sessions and reports)', () => {
  // Read from the two specs: in identity.verification_session, `options` ($ref → anyOf [$ref], nullable) and
  // `type` (nullable) left `required`; identity.verification_report dropped `options` and `type` from
  // `required` without making them nullable; payment_method_link lost `country`; and `options` gained a
  // description. In the model a nullable response field stays non-optional (Stripe sends null), so the session
  // fields become nullable and the report fields optional.
  it('reports the changes read from the specs, as changelog bullets', async () => {
    const result = await diffStripe('spec3.v298.yaml', 'spec3.v301.yaml');
    expect(bullets(result)).toEqual([
      '⚠️ Change `Identity.VerificationReport.options` and `Identity.VerificationReport.type` to be optional',
      '⚠️ Change type of `Identity.VerificationSession.options` from `Identity.VerificationSession.Options` to `Identity.VerificationSession.Options | null`',
      "⚠️ Change type of `Identity.VerificationSession.type` from `enum('document'|'id_number')` to `enum('document'|'id_number') | null`",
      '⚠️ Remove support for `country` on `PaymentMethod.link`',
    ]);
    expect(result.bump).toBe('major');
  });

  it('reports nothing else, with rule ids, operations and pointers into each spec', async () => {
    const result = await diffStripe('spec3.v298.yaml', 'spec3.v301.yaml');
    expect(result.changes.map(line)).toEqual([
      'Identity.VerificationReport.options response-property-became-optional breaking',
      'Identity.VerificationReport.type response-property-became-optional breaking',
      'Identity.VerificationSession.options response-property-became-nullable breaking',
      'Identity.VerificationSession.options response-property-description-changed non-breaking',
      'Identity.VerificationSession.type response-property-became-nullable breaking',
      'PaymentMethod.link.country response-property-removed breaking',
    ]);
    const options = result.changes.find((c) => c.rule === 'response-property-became-nullable' && c.name === 'options')!;
    expect(options).toMatchObject({
      direction: 'response',
      owner: 'Identity.VerificationSession',
      declaration: 'Identity.VerificationSession',
      old: false,
      new: true,
      location: {
        old: '#/components/schemas/identity.verification_session/properties/options',
        new: '#/components/schemas/identity.verification_session/properties/options',
      },
    });
    expect(options.operations.map((o) => o.sdk).sort()).toEqual([
      'client.identity.verificationSessions.cancel',
      'client.identity.verificationSessions.create',
      'client.identity.verificationSessions.list',
      'client.identity.verificationSessions.redact',
      'client.identity.verificationSessions.retrieve',
      'client.identity.verificationSessions.update',
    ]);
    expect(options.operations.find((o) => o.sdk.endsWith('.create'))).toEqual({
      id: 'PostIdentityVerificationSessions',
      sdk: 'client.identity.verificationSessions.create',
      flat: 'postIdentityVerificationSessions',
      method: 'POST',
      path: '/v1/identity/verification_sessions',
    });
    const country = result.changes.find((c) => c.subject === 'PaymentMethod.link.country')!;
    expect(country).toMatchObject({ declaration: 'PaymentMethod.Link', old: 'string', location: { old: '#/components/schemas/payment_method_link/properties/country' } });
    expect(country.location.new).toBeUndefined();
    await expectPointersResolve(result, 'spec3.v298.yaml', 'spec3.v301.yaml');
  });

  it('limits the diff to a resource: what the verification session operations reach', async () => {
    const result = await diffStripe('spec3.v298.yaml', 'spec3.v301.yaml', { resources: ['identity.verification_sessions'] });
    expect(result.changes.map((c) => c.subject)).toEqual([
      'Identity.VerificationReport.options',
      'Identity.VerificationReport.type',
      'Identity.VerificationSession.options',
      'Identity.VerificationSession.options',
      'Identity.VerificationSession.type',
    ]);
  });
});

describe('v514 → v524 (the whole API)', () => {
  // Read from the two specs: 8 new test-helper paths under /v1/test_helpers/issuing (authorizations and
  // transactions), `nonce` in the POST /v1/ephemeral_keys body, `serial_number` among the GET
  // /v1/terminal/readers query parameters, `cashback_amount` (nullable integer) in
  // issuing_authorization_amount_details and issuing_transaction_amount_details, and description edits
  // (balance fields, the client_secret parameter of GET /v1/payment_intents/{intent}, operation texts).
  // stripe-node 13.6.0 (#1897) words the same release alike.
  it('reports the changes read from the specs, as changelog bullets', async () => {
    const result = await diffStripe('spec3.v514.yaml', 'spec3.v524.yaml');
    expect(bullets(result)).toEqual([
      'Add support for `capture`, `create`, `expire`, `increment`, and `reverse` test helper methods on resource `Issuing.Authorization`',
      'Add support for `createForceCapture`, `createUnlinkedRefund`, and `refund` test helper methods on resource `Issuing.Transaction`',
      'Add support for `nonce` on `EphemeralKeyCreateParams`',
      'Add support for `cashback_amount` on `Issuing.Authorization.amount_details`, `Issuing.Authorization.pending_request.amount_details`, `Issuing.Authorization.request_history[].amount_details`, and `Issuing.Transaction.amount_details`',
      'Add support for `serial_number` on `Terminal.ReaderListParams`',
    ]);
    expect(result.bump).toBe('minor');
    expect(result.breaking).toBe(0);
  });

  it('reports nothing else, and nothing at all for the Identity resource', async () => {
    const result = await diffStripe('spec3.v514.yaml', 'spec3.v524.yaml');
    expect(result.changes.map(line)).toEqual([
      'Balance.available response-property-description-changed non-breaking',
      'Balance.connect_reserved response-property-description-changed non-breaking',
      'Balance.instant_available response-property-description-changed non-breaking',
      'Balance.pending response-property-description-changed non-breaking',
      'EphemeralKeyCreateParams.nonce new-optional-request-property non-breaking',
      'Issuing.Authorization.amount_details.cashback_amount response-required-property-added non-breaking',
      'Issuing.Authorization.pending_request.amount_details.cashback_amount response-required-property-added non-breaking',
      'Issuing.Authorization.request_history[].amount_details.cashback_amount response-required-property-added non-breaking',
      'Issuing.Transaction.amount_details.cashback_amount response-required-property-added non-breaking',
      'PaymentIntentRetrieveParams.client_secret request-property-description-changed non-breaking',
      'Terminal.ReaderListParams.serial_number new-optional-request-property non-breaking',
      'client.testHelpers.issuing.authorizations.capture endpoint-added non-breaking',
      'client.testHelpers.issuing.authorizations.create endpoint-added non-breaking',
      'client.testHelpers.issuing.authorizations.expire endpoint-added non-breaking',
      'client.testHelpers.issuing.authorizations.increment endpoint-added non-breaking',
      'client.testHelpers.issuing.authorizations.reverse endpoint-added non-breaking',
      'client.testHelpers.issuing.transactions.createForceCapture endpoint-added non-breaking',
      'client.testHelpers.issuing.transactions.createUnlinkedRefund endpoint-added non-breaking',
      'client.testHelpers.issuing.transactions.refund endpoint-added non-breaking',
    ]);
    const identity = result.changes.filter((c) =>
      [c.subject, c.owner, c.declaration, ...c.operations.map((o) => o.sdk)].some((name) => name !== undefined && /identity/i.test(name)),
    );
    expect(identity).toEqual([]);
  });

  it('points at each change in both specs', async () => {
    const result = await diffStripe('spec3.v514.yaml', 'spec3.v524.yaml');
    const serial = result.changes.find((c) => c.name === 'serial_number')!;
    // The parameter moved the ones after it down: the pointer is its own index in the new spec.
    expect(serial).toMatchObject({ in: 'query', location: { new: '#/paths/~1v1~1terminal~1readers/get/parameters/5' }, new: 'string' });
    expect(serial.operations.map((o) => o.flat)).toEqual(['getTerminalReaders']);
    const cashback = result.changes.find((c) => c.subject === 'Issuing.Authorization.request_history[].amount_details.cashback_amount')!;
    expect(cashback).toMatchObject({
      owner: 'Issuing.Authorization.request_history[].amount_details',
      new: 'number | null',
      location: { new: '#/components/schemas/issuing_authorization_amount_details/properties/cashback_amount' },
    });
    const capture = result.changes.find((c) => c.subject === 'client.testHelpers.issuing.authorizations.capture')!;
    expect(capture.operations).toEqual([
      {
        id: 'PostTestHelpersIssuingAuthorizationsAuthorizationCapture',
        sdk: 'client.testHelpers.issuing.authorizations.capture',
        flat: 'postTestHelpersIssuingAuthorizationsAuthorizationCapture',
        method: 'POST',
        path: '/v1/test_helpers/issuing/authorizations/{authorization}/capture',
      },
    ]);
    await expectPointersResolve(result, 'spec3.v514.yaml', 'spec3.v524.yaml');
  });

  it('finds nothing between the whole API and itself', async () => {
    const result = await diffStripe('spec3.v524.yaml', 'spec3.v524.yaml');
    expect(result.changes).toEqual([]);
  });
});
