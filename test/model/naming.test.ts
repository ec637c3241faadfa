import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../generator/load/openapi-types.js';
import { listOperations } from '../../generator/model/build-model.js';
import { nameOperations } from '../../generator/model/operation-names.js';
import { model, ROOT, sdkgen, spec, tempDir } from '../support/project.js';

const sdkName = (n: { namespaceProperty: string[]; resourceProperty: string; method: string }) => [...n.namespaceProperty, n.resourceProperty, n.method].join('.');

describe('names decided once, in the model', () => {
  it('names the VerificationSession resource as the official SDK does', async () => {
    const m = await model({ resources: ['identity.verification_sessions'] });
    const names = Object.fromEntries(m.operations.map((op) => [op.id, [sdkName(op.names), op.names.flat, op.names.paramsType]]));
    expect(names).toEqual({
      GetIdentityVerificationSessions: ['identity.verificationSessions.list', 'getIdentityVerificationSessions', 'VerificationSessionListParams'],
      GetIdentityVerificationSessionsSession: ['identity.verificationSessions.retrieve', 'getIdentityVerificationSessionsSession', 'VerificationSessionRetrieveParams'],
      PostIdentityVerificationSessions: ['identity.verificationSessions.create', 'postIdentityVerificationSessions', 'VerificationSessionCreateParams'],
      PostIdentityVerificationSessionsSession: ['identity.verificationSessions.update', 'postIdentityVerificationSessionsSession', 'VerificationSessionUpdateParams'],
      PostIdentityVerificationSessionsSessionCancel: ['identity.verificationSessions.cancel', 'postIdentityVerificationSessionsSessionCancel', 'VerificationSessionCancelParams'],
      PostIdentityVerificationSessionsSessionRedact: ['identity.verificationSessions.redact', 'postIdentityVerificationSessionsSessionRedact', 'VerificationSessionRedactParams'],
    });
  });

  it('uses x-stripeOperations / x-stripeResource when the spec has them, and derives the same names for Identity without them', async () => {
    const loaded = await spec('spec3.sdk.v139.yaml');
    const withHints = nameOperations(loaded.document, listOperations(loaded.document));
    const stripped = JSON.parse(JSON.stringify(loaded.document, (key, value) => (key === 'x-stripeOperations' || key === 'x-stripeResource' ? undefined : value))) as OpenApiDocument;
    const derived = nameOperations(stripped, listOperations(stripped));
    // The SDK variant puts sub-collections in services of their own (`capabilities.list(account)`),
    // where stripe-node and our derivation hang them on the parent (`accounts.listCapabilities`).
    expect(sdkName(withHints.get('GetAccountsAccountCapabilities')!)).toBe('capabilities.list');
    expect(sdkName(derived.get('GetAccountsAccountCapabilities')!)).toBe('accounts.listCapabilities');
    for (const id of [...withHints.keys()].filter((id) => id.includes('IdentityVerification'))) {
      expect(sdkName(derived.get(id)!), id).toBe(sdkName(withHints.get(id)!));
    }
    const agree = [...withHints.keys()].filter((id) => sdkName(withHints.get(id)!) === sdkName(derived.get(id)!));
    expect(agree.length / withHints.size).toBeGreaterThan(0.75);
  });

  it('derives singletons, searches, sub-collections and actions in stripe-node style', async () => {
    const loaded = await spec();
    const names = nameOperations(loaded.document, listOperations(loaded.document));
    const byId = (id: string) => sdkName(names.get(id)!);
    expect(byId('GetBalance')).toBe('balance.retrieve');
    expect(byId('GetCustomersSearch')).toBe('customers.search');
    expect(byId('DeleteCustomersCustomer')).toBe('customers.del');
    expect(byId('GetCustomersCustomerTaxIds')).toBe('customers.listTaxIds');
    expect(byId('PostCustomersCustomerTaxIds')).toBe('customers.createTaxId');
    expect(byId('GetApplicationFeesIdRefunds')).toBe('applicationFees.listRefunds');
    expect(byId('PostApplicationFeesIdRefunds')).toBe('applicationFees.createRefund');
    expect(byId('PostPaymentIntentsIntentConfirm')).toBe('paymentIntents.confirm');
    expect(byId('PostTestHelpersTerminalReadersReaderPresentPaymentMethod')).toBe('testHelpers.terminal.readers.presentPaymentMethod');
    // A resource is named by the object it serves; a singleton by the object named as its path.
    expect(byId('PostApplePayDomains')).toBe('applePayDomains.create');
    expect(byId('GetInvoiceitems')).toBe('invoiceItems.list');
    expect(byId('GetSigmaScheduledQueryRuns')).toBe('sigma.scheduledQueryRuns.list');
    expect(byId('GetTaxSettings')).toBe('tax.settings.retrieve');
    expect(byId('PostTaxSettings')).toBe('tax.settings.update');
    // Sub-resources, actions named for their resource, and the table of irregular names.
    expect(byId('PostSubscriptionItemsSubscriptionItemUsageRecords')).toBe('subscriptionItems.createUsageRecord');
    expect(byId('GetInvoicesInvoiceLines')).toBe('invoices.listLineItems');
    expect(byId('PostInvoicesInvoiceVoid')).toBe('invoices.voidInvoice');
    expect(byId('PostTestHelpersIssuingCardsCardShippingDeliver')).toBe('testHelpers.issuing.cards.deliverCard');
    expect(byId('PostCustomersCustomerSourcesIdVerify')).toBe('customers.verifySource');
    expect(byId('DeleteSubscriptionsSubscriptionExposedId')).toBe('subscriptions.cancel');
    expect(names.get('GetCustomersCustomerBalanceTransactions')!.paramsType).toBe('CustomerBalanceTransactionListParams');
    expect(names.get('GetTaxSettings')!.paramsType).toBe('SettingsRetrieveParams');
    // Within one resource, names never repeat.
    const seen = new Set<string>();
    for (const n of names.values()) {
      const key = sdkName(n);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    expect(new Set([...names.values()].map((n) => n.flat)).size).toBe(names.size);
  });

  it('handles reserved words, dots, dashes, digits and hostile text: the package compiles and stays inert', () => {
    const dir = tempDir('hostile');
    const weird = {
      openapi: '3.0.0',
      info: { title: 'Weird */ API', version: '2020-01-01' },
      paths: {
        '/v1/class/{default}': {
          get: { operationId: 'get-class.default', parameters: [{ name: 'default', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/my-ns.class' } } } } } },
          post: {
            operationId: 'delete',
            description: 'Ends a comment */ and tries </script><script>alert(1)</script> <img src=x onerror=alert(1)>',
            parameters: [{ name: 'default', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: {
              content: {
                'application/x-www-form-urlencoded': {
                  schema: {
                    type: 'object',
                    required: ['class'],
                    properties: {
                      class: { type: 'string', enum: ["it's", 'back\\slash', '*/'] },
                      'foo-bar': { type: 'object', properties: { 'x.y': { type: 'integer' }, constructor: { type: 'boolean' } } },
                      '3d': { type: 'string' },
                    },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/my-ns.class' } } } } },
          },
        },
        '/v1/3d_things': { post: { operationId: 'Post3dThings', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } } } } } } } },
      },
      components: {
        schemas: {
          'my-ns.class': { type: 'object', 'x-resourceId': 'my-ns.class', description: 'A class */ with <b>bold</b>', properties: { id: { type: 'string' }, object: { type: 'string', enum: ['my-ns.class'] }, Array: { type: 'object', properties: { default: { type: 'string' } } } } },
        },
      },
    };
    const file = path.join(dir, 'weird.json');
    fs.writeFileSync(file, JSON.stringify(weird));
    const out = path.join(dir, 'out');
    const result = sdkgen(['generate', '--all', '--spec', file, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(out, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const client = fs.readFileSync(path.join(out, 'src/client.ts'), 'utf8');
    // Flat methods are the functions the operations module exports, which the client installs.
    const operations = fs.readFileSync(path.join(out, 'src/operations.ts'), 'utf8');
    for (const method of ['delete_', 'getClassDefault', 'post3dThings']) expect(operations).toMatch(new RegExp(`[{,\\s]${method}[,\\s}]`));
    const resource = fs.readdirSync(path.join(out, 'src/resources')).join(' ');
    expect(resource).toContain('Class');
    for (const source of [client, ...fs.readdirSync(path.join(out, 'src/types'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => fs.readFileSync(path.join(out, 'src/types', String(f)), 'utf8'))]) {
      // A description can never end a doc comment early.
      expect(source).not.toMatch(/Ends a comment \*\//);
      expect(source).not.toMatch(/A class \*\//);
    }
  });
});
