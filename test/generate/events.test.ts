import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { webhookEventTypes } from '../../generator/model/events.js';
import { resolveRef } from '../../generator/model/refs.js';
import { generateInto } from '../package/support.js';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT, spec, tempDir } from '../support/project.js';

describe('the event types of the pinned spec', () => {
  it('are every enabled_events value but `*`, each matched to the schema its object is, but for these few', async () => {
    const { document } = await spec();
    const listed = (document.paths['/v1/webhook_endpoints']!.post!.requestBody as { content: Record<string, { schema: { properties: Record<string, { items: { enum: string[] } }> } }> })
      .content['application/x-www-form-urlencoded']!.schema.properties.enabled_events!.items.enum;
    const events = webhookEventTypes(document);
    expect(events.map((e) => e.type)).toEqual(listed.filter((type) => type !== '*').sort());
    expect(events).toHaveLength(222);
    // The types no schema's `object` value matches; they are typed generically. A spec change shows here.
    expect(events.filter((e) => e.objects.length === 0).map((e) => e.type)).toEqual([
      'order.created',
      'recipient.created',
      'recipient.deleted',
      'recipient.updated',
      'sku.created',
      'sku.deleted',
      'sku.updated',
    ]);
    const objectOf = (type: string) => events.find((e) => e.type === type)!.objects.map((o) => `${o.value} (${o.schemaKey})`);
    for (const action of ['canceled', 'created', 'processing', 'redacted', 'requires_input', 'verified']) {
      expect(objectOf(`identity.verification_session.${action}`)).toEqual(['identity.verification_session (identity.verification_session)']);
    }
    expect(objectOf('customer.deleted')).toEqual(['customer (customer)']);
    expect(objectOf('issuing_card.created')).toEqual(['issuing.card (issuing.card)']);
    expect(objectOf('customer.subscription.updated')).toEqual(['subscription (subscription)']);
    expect(objectOf('charge.dispute.created')).toEqual(['dispute (dispute)']);
    expect(objectOf('source.transaction.created')).toEqual(['source_transaction (source_transaction)']);
    expect(objectOf('customer.source.created')).toEqual(['bank_account (bank_account)', 'card (card)', 'source (source)']);
    expect(objectOf('application_fee.refund.updated')).toEqual(['fee_refund (fee_refund)']);
    // Each matched schema really has that `object` value.
    for (const ref of events.flatMap((e) => e.objects)) {
      expect(document.components!.schemas![ref.schemaKey]!.properties!.object!.enum).toEqual([ref.value]);
    }
  });

  it('carry the states an action can name: each object\'s `status` enum and its `redaction`, at their pointers in the spec', async () => {
    const { document } = await spec();
    const events = webhookEventTypes(document);
    const session = events.find((e) => e.type === 'identity.verification_session.verified')!.objects[0]!;
    expect(session.status).toEqual({ values: ['canceled', 'processing', 'requires_input', 'verified'], pointer: '#/components/schemas/identity.verification_session/properties/status' });
    expect(session.redaction).toBe('#/components/schemas/identity.verification_session/properties/redaction');
    // A customer has no status; a payment intent's states include the one its `.succeeded` event names.
    const objectOf = (type: string) => events.find((e) => e.type === type)!.objects[0]!;
    expect(objectOf('customer.created').status).toBeUndefined();
    expect(objectOf('payment_intent.succeeded').status?.values).toContain('succeeded');
    const refs = events.flatMap((e) => e.objects);
    expect(refs.filter((ref) => ref.status).length).toBeGreaterThan(20);
    for (const ref of refs) {
      const properties = document.components!.schemas![ref.schemaKey]!.properties!;
      if (ref.status) {
        expect(resolveRef(document, ref.status.pointer, '')).toBe(properties.status);
        expect(ref.status.values).toEqual(properties.status!.enum);
      } else {
        expect(properties.status?.enum).toBeUndefined();
      }
      if (ref.redaction) expect(resolveRef(document, ref.redaction, '')).toBe(properties.redaction);
      else expect(properties.redaction).toBeUndefined();
    }
  });
});

const strict = strictCompilerOptions({ noEmit: true, skipLibCheck: true });

/** Type-checks `code` as a user's file beside the committed package; returns the compiler's messages with their lines. */
export function typeCheck(dir: string, code: string, options: ts.CompilerOptions = strict): string[] {
  const file = path.join(dir, 'user.ts');
  fs.writeFileSync(file, code);
  const program = ts.createProgram([file], options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file ? path.basename(d.file.fileName) : ''}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('the generated Event union (selective build: identity.verification_sessions only)', () => {
  const dir = tempDir('events-types');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pkg = JSON.stringify(path.join(ROOT, 'generated/src/index.js'));

  it('narrows data.object by type; objects outside the build keep their object value and id; unknown types do not compile', () => {
    const code = `
import stripe, { createClient, webhooks, type Event, type EventType, type Identity, type UntypedObject, type UntypedResource } from ${pkg};

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(): void {}

export function handle(body: string, header: string): string {
  const event = webhooks.constructEvent(body, header, 'whsec_x');
  assertType<Equal<typeof event, Event>>();
  switch (event.type) {
    case 'identity.verification_session.verified': {
      assertType<Equal<typeof event.data.object, Identity.VerificationSession>>();
      const status: Identity.VerificationSession['status'] = event.data.object.status;
      const before: Identity.VerificationSession['status'] | undefined = event.data.previous_attributes?.status;
      return status + String(before);
    }
    case 'identity.verification_session.requires_input':
      return event.data.object.last_error?.code ?? 'none';
    case 'customer.created': {
      assertType<Equal<typeof event.data.object, UntypedResource<'customer'>>>();
      const id: string = event.data.object.id;
      // @ts-expect-error the customer type is not in this build: its fields are unknown
      const email: string = event.data.object.email;
      return id + email;
    }
    case 'balance.available':
      assertType<Equal<typeof event.data.object, UntypedObject<'balance'>>>();
      return event.data.object.object;
    case 'sku.created':
      assertType<Equal<typeof event.data.object, UntypedObject<string>>>();
      return event.type;
    default:
      // @ts-expect-error VerificationSession fields exist only once the type narrows
      return event.data.object.client_secret;
  }
}

export async function viaClient(body: Uint8Array, header: string | string[] | undefined): Promise<EventType> {
  const a = stripe.webhooks.constructEvent(body, header, 'whsec_x', 600);
  const b = await createClient({ apiKey: 'sk_test_x' }).webhooks.constructEventAsync(body, header, 'whsec_x');
  if (a.type === 'identity.verification_session.canceled' && b.type === 'identity.verification_session.redacted') {
    assertType<Equal<typeof a.data.object, typeof b.data.object>>();
  }
  return a.type;
}

// @ts-expect-error not an event type of the spec
export const bad: EventType = 'identity.verification_session.approved';
export const ok: EventType = 'payment_intent.succeeded';
export const header: string = webhooks.generateTestHeaderString({ payload: '{}', secret: 'whsec_x' });
`;
    expect(typeCheck(dir, code)).toEqual([]);
  });

  it('a wrong narrowing is an error (the check above can fail)', () => {
    const code = `
import { webhooks } from ${pkg};
export function f(body: string): string {
  const event = webhooks.constructEvent(body, 't=1,v1=x', 'whsec_x');
  if (event.type === 'customer.updated') return event.data.object.status;
  return '';
}
`;
    const errors = typeCheck(dir, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/user\.ts:5 Type 'unknown' is not assignable to type 'string'/);
  });
});

describe('event types from a hostile spec', () => {
  it('are matched by own names only and printed as inert string literals', async () => {
    const { webhooksFileStatements } = await import('../../generator/emit/typescript/webhooks-file.js');
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/v1/webhook_endpoints': {
          post: {
            requestBody: {
              content: {
                'application/x-www-form-urlencoded': {
                  schema: { properties: { enabled_events: { items: { enum: ['__proto__.created', 'constructor', "it's.created", 'toString.updated', 7, '*'] } } } },
                },
              },
            },
          },
        },
      },
      components: { schemas: { odd: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, object: { type: 'string', enum: ["it's"] } } } } },
    } as unknown as Parameters<typeof webhookEventTypes>[0];
    const events = webhookEventTypes(document);
    expect(events).toEqual([
      { type: '__proto__.created', objects: [] },
      { type: 'constructor', objects: [] },
      { type: "it's.created", objects: [{ value: "it's", schemaKey: 'odd', hasId: true }] },
      { type: 'toString.updated', objects: [] },
    ]);
    const text = webhooksFileStatements({ events, declarations: [] } as never, new Map()).join('\n');
    expect(text).toContain("| StripeEvent<'it\\'s.created', UntypedResource<'it\\'s'>>");
    expect(text).toContain("| StripeEvent<'__proto__.created', UntypedObject<string>>");
  });
});

describe('a build with customers as well', () => {
  const dir = tempDir('events-customers');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('types the customer events, and what a customer reaches (subscriptions), in full; others still by object value', () => {
    generateInto(path.join(dir, 'pkg'), ['--resources', 'identity.verification_sessions,customers']);
    const code = `
import { webhooks, type Customer, type Subscription, type UntypedResource } from ${JSON.stringify(path.join(dir, 'pkg/src/index.js'))};
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(): void {}
export function f(body: string): string | null {
  const event = webhooks.constructEvent(body, 't=1,v1=x', 'whsec_x');
  if (event.type === 'customer.updated') {
    assertType<Equal<typeof event.data.object, Customer>>();
    return event.data.previous_attributes?.email ?? event.data.object.email;
  }
  if (event.type === 'customer.subscription.created') {
    assertType<Equal<typeof event.data.object, Subscription>>();
  }
  if (event.type === 'checkout.session.completed') {
    assertType<Equal<typeof event.data.object, UntypedResource<'checkout.session'>>>();
  }
  return null;
}
`;
    expect(typeCheck(dir, code)).toEqual([]);
  });
});
