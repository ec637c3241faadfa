import type { Decl, Operation, Property, TypeExpr, WebhookEventType } from './types.js';

/**
 * Example values built from the model alone: what an operation returns, and the errors it can
 * answer with. Pure and deterministic (no clock, no randomness, no Node APIs), so the docs, the
 * mock and tests can all use it and get the same bytes every run.
 */

/** 2023-08-16 00:00 UTC, the pinned spec's API version: every example is "created" then. */
export const EXAMPLE_CREATED = 1692144000;

/** Lists nested deeper than this come empty; objects go on (a required field must be there) up to `MAX_OBJECT_DEPTH`. */
const MAX_DEPTH = 4;
const MAX_OBJECT_DEPTH = 12;

/** Id prefixes of Stripe objects, by their `object` string; others take the initials of their name. */
const ID_PREFIXES: Record<string, string> = {
  account: 'acct',
  application: 'ca',
  application_fee: 'fee',
  apple_pay_domain: 'apwc',
  balance_transaction: 'txn',
  bank_account: 'ba',
  'billing_portal.configuration': 'bpc',
  'billing_portal.session': 'bps',
  card: 'card',
  cash_balance: 'cb',
  charge: 'ch',
  'checkout.session': 'cs',
  'climate.order': 'climorder',
  credit_note: 'cn',
  credit_note_line_item: 'cnli',
  customer: 'cus',
  customer_balance_transaction: 'cbtxn',
  customer_cash_balance_transaction: 'ccsbtxn',
  discount: 'di',
  dispute: 'dp',
  ephemeral_key: 'ephkey',
  event: 'evt',
  fee_refund: 'fr',
  file: 'file',
  file_link: 'link',
  'financial_connections.account': 'fca',
  'financial_connections.session': 'fcsess',
  'identity.verification_report': 'vr',
  'identity.verification_session': 'vs',
  invoice: 'in',
  invoiceitem: 'ii',
  'issuing.authorization': 'iauth',
  'issuing.card': 'ic',
  'issuing.cardholder': 'ich',
  'issuing.dispute': 'idp',
  'issuing.transaction': 'ipi',
  item: 'li',
  line_item: 'il',
  mandate: 'mandate',
  payment_intent: 'pi',
  payment_link: 'plink',
  payment_method: 'pm',
  payment_method_configuration: 'pmc',
  payment_method_domain: 'pmd',
  payout: 'po',
  person: 'person',
  plan: 'plan',
  price: 'price',
  product: 'prod',
  promotion_code: 'promo',
  quote: 'qt',
  'radar.early_fraud_warning': 'issfr',
  'radar.value_list': 'rsl',
  'radar.value_list_item': 'rsli',
  refund: 're',
  'reporting.report_run': 'frr',
  review: 'prv',
  setup_attempt: 'setatt',
  setup_intent: 'seti',
  shipping_rate: 'shr',
  source: 'src',
  subscription: 'sub',
  subscription_item: 'si',
  subscription_schedule: 'sub_sched',
  'tax.calculation': 'taxcalc',
  'tax.transaction': 'tax',
  tax_code: 'txcd',
  tax_id: 'txi',
  tax_rate: 'txr',
  'terminal.configuration': 'tmc',
  'terminal.location': 'tml',
  'terminal.reader': 'tmr',
  'test_helpers.test_clock': 'clock',
  token: 'tok',
  topup: 'tu',
  transfer: 'tr',
  transfer_reversal: 'trr',
  'treasury.financial_account': 'fa',
  usage_record: 'mbur',
  webhook_endpoint: 'we',
};

/**
 * The id prefix Stripe uses for an object (`customer` → `cus`); others take the initials of the name's
 * last part. One table for the docs' examples and the mock's ids. An own key only: an object named
 * `constructor` must not find `Object.prototype`'s.
 */
export function idPrefix(objectName: string): string {
  if (Object.hasOwn(ID_PREFIXES, objectName)) return ID_PREFIXES[objectName]!;
  const last = objectName.split('.').pop() ?? objectName;
  return last.split(/_|(?=[A-Z])/).filter(Boolean).map((word) => word[0]!.toLowerCase()).join('') || 'obj';
}

/** A stable id such as `cus_NffrFeUfNV2Hib`: the suffix is a hash of the object name, not random. */
export function exampleId(objectName: string, salt = ''): string {
  return `${idPrefix(objectName)}_${suffix(`${objectName}${salt}`)}`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function suffix(text: string): string {
  // FNV-1a, stepped: enough spread for ids that look like Stripe's and never change between runs.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let out = '1';
  for (let i = 0; i < 13; i++) {
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    out += ALPHABET[hash % ALPHABET.length];
  }
  return out;
}

/** The `object` string a declaration's objects carry (`identity.verification_session`), if any. */
export function objectNameOf(decl: Decl): string | undefined {
  if (decl.body.kind !== 'interface') return undefined;
  const object = decl.body.properties.find((p) => p.name === 'object');
  if (object?.type.kind === 'literal' && typeof object.type.value === 'string') return object.type.value;
  if (object?.type.kind === 'union') {
    const literal = object.type.members.find((m) => m.kind === 'literal');
    if (literal?.kind === 'literal' && typeof literal.value === 'string') return literal.value;
  }
  return undefined;
}

/**
 * What an operation returns, as JSON: the object, or a list / search page
 * (`{ object: 'list', data: [item], has_more: false, url }`).
 */
export function exampleResponse(op: Operation, index: Map<string, Decl>, events: WebhookEventType[] = []): unknown {
  const builder = new ExampleBuilder(index, events);
  const item = builder.value(op.response.type, { name: 'data', depth: 0 });
  const url = op.path.replace(/\/\{[^}]+\}$/, '').replace(/\{([^}]+)\}/g, (_, name: string) => exampleId(name));
  if (op.response.kind === 'list') return { object: 'list', data: [item], has_more: false, url };
  if (op.response.kind === 'search') return { object: 'search_result', data: [item], has_more: false, next_page: null, url };
  return item;
}

/** An example value of one type, as the API would send it. */
export function exampleValue(expr: TypeExpr, index: Map<string, Decl>, name = 'value'): unknown {
  return new ExampleBuilder(index).value(expr, { name, depth: 0 });
}

interface Where {
  name: string;
  depth: number;
  property?: Property;
  /** The enclosing object's id, for fields that point back at it. */
  ownerId?: string;
}

class ExampleBuilder {
  constructor(
    private readonly index: Map<string, Decl>,
    /** The spec's event types: an `event` example is one of them, its `data.object` typed as that type says. */
    private readonly events: WebhookEventType[] = [],
  ) {}

  value(expr: TypeExpr, where: Where): unknown {
    switch (expr.kind) {
      case 'primitive':
        return this.primitive(expr.name, where);
      case 'literal':
        return expr.value;
      case 'null':
        return null;
      case 'array':
        return where.depth >= MAX_DEPTH ? [] : [this.value(expr.items, { ...where, depth: where.depth + 1 })];
      case 'map':
        return {};
      case 'shared':
        return expr.name === 'RangeQueryParam' ? { gte: EXAMPLE_CREATED } : {};
      case 'emptyable':
        return this.value(expr.inner, where);
      case 'union':
        return this.union(expr.members, where);
      case 'ref':
        return this.ref(expr.id, where);
    }
  }

  private union(members: TypeExpr[], where: Where): unknown {
    const present = members.filter((m) => m.kind !== 'null');
    // An expandable field comes unexpanded: the id of the object it names.
    const expandsTo = where.property?.expandsTo?.[0];
    if (expandsTo && present.some((m) => m.kind === 'primitive' && m.name === 'string')) {
      const decl = this.index.get(expandsTo);
      return exampleId((decl && objectNameOf(decl)) ?? where.name);
    }
    // Stripe sends a nullable nested object as null more often than not; the example says so.
    if (present.length < members.length && where.depth > 0 && present.every((m) => this.isObject(m))) return null;
    const literals = present.filter((m) => m.kind === 'literal');
    return this.value(literals[0] ?? present[0] ?? { kind: 'null' }, where);
  }

  private isObject(expr: TypeExpr): boolean {
    return expr.kind === 'ref' && this.index.get(expr.id)?.body.kind === 'interface';
  }

  private ref(id: string, where: Where): unknown {
    const decl = this.index.get(id);
    if (!decl) return {};
    if (decl.body.kind === 'alias') return this.value(decl.body.type, where);
    if (where.depth >= MAX_OBJECT_DEPTH) return {};
    const objectName = objectNameOf(decl);
    const ownId = objectName ? exampleId(objectName) : undefined;
    // A list inside an object (an invoice's `lines`): Stripe's list shape with one item.
    if (objectName === 'list') {
      const data = decl.body.properties.find((p) => p.name === 'data');
      const item = data?.type.kind === 'array' ? this.value(data.type.items, { name: where.name, depth: where.depth + 1 }) : undefined;
      return { object: 'list', data: item === undefined ? [] : [item], has_more: false, url: `/v1/${where.name}` };
    }
    const out: Record<string, unknown> = {};
    for (const p of decl.body.properties) {
      if (p.optional && !(p.name === 'id' && ownId)) continue;
      out[p.name] = this.value(p.type, { name: p.name, depth: where.depth + 1, property: p, ownerId: ownId ?? where.ownerId });
    }
    if (ownId && 'id' in out) out.id = ownId;
    if (objectName === 'event') this.asEvent(out, where);
    return out;
  }

  /** Makes an event example one the spec lists: a real `type`, and `data.object` the object it names. */
  private asEvent(out: Record<string, unknown>, where: Where): void {
    for (const event of this.events) {
      const ref = event.objects[0];
      const decl = ref && [...this.index.values()].find((d) => d.schemaKey === ref.schemaKey && d.rootId === d.id);
      if (!decl) continue;
      out.type = event.type;
      out.data = { object: this.ref(decl.id, { name: 'object', depth: where.depth + 2 }) };
      return;
    }
  }

  private primitive(kind: 'string' | 'number' | 'boolean' | 'unknown', where: Where): unknown {
    const name = where.name;
    if (kind === 'boolean') return false;
    if (kind === 'number') {
      if (where.property?.format === 'unix-time') return name.startsWith('expires') || name.endsWith('_until') ? EXAMPLE_CREATED + 86_400 : EXAMPLE_CREATED;
      if (/amount|price|fee|total|balance|cost/.test(name)) return 2000;
      if (/percent/.test(name)) return 10;
      if (/^exp_month$/.test(name)) return 12;
      if (/^exp_year$/.test(name)) return 2034;
      return 1;
    }
    if (kind === 'unknown') return {};
    return stringExample(name, where.ownerId);
  }
}

/** A string that looks like what Stripe sends in a field of that name (the name itself when nothing fits). */
export function stringExample(name: string, ownerId: string | undefined): string {
  if (name === 'id') return ownerId ?? 'obj_1Example';
  if (name === 'client_secret') return `${ownerId ?? 'obj_1Example'}_secret_${suffix(`${ownerId}secret`)}`;
  if (name.endsWith('currency')) return 'usd';
  if (name === 'country' || name.endsWith('_country')) return 'US';
  if (name === 'locale' || name.endsWith('locales')) return 'en';
  if (name === 'email' || name.endsWith('_email')) return 'jenny.rosen@example.com';
  if (name === 'name' || name.endsWith('_name')) return 'Jenny Rosen';
  if (name === 'phone' || name.endsWith('_phone')) return '+15555550123';
  if (name === 'line1') return '510 Townsend St';
  if (name === 'city') return 'San Francisco';
  if (name === 'state') return 'CA';
  if (name === 'postal_code') return '94103';
  if (name === 'last4' || name.endsWith('_last4')) return '4242';
  if (name === 'brand') return 'visa';
  if (name === 'url' || name.endsWith('_url')) return `https://example.com/${name.replace(/_url$/, '')}`;
  if (name === 'description') return 'Example description';
  return name;
}

/** One error an operation can answer with: the HTTP status and Stripe's `{ error: {...} }` body. */
export interface ErrorExample {
  status: number;
  /** When it happens, in a few words. */
  when: string;
  body: { error: { type: string; code?: string; decline_code?: string; message: string; param?: string; doc_url?: string } };
}

const PAYMENT_PATHS = /\/(payment_intents|setup_intents|charges|invoices\/\{[^}]+\}\/pay|subscriptions|sources|tokens|payment_methods)\b/;

/**
 * The error shapes an operation can return, in Stripe's `{ error: { type, code, message, param } }`:
 * a bad or missing parameter, an unknown id in the path, an invalid key, a card decline where a
 * payment can happen, an idempotency mismatch for a POST, rate limiting and a server error.
 */
export function exampleErrors(op: Operation): ErrorExample[] {
  const errors: ErrorExample[] = [];
  const required = op.params?.decl.body.kind === 'interface' ? op.params.decl.body.properties.find((p) => !p.optional) : undefined;
  errors.push(
    required
      ? {
          status: 400,
          when: 'A required parameter is missing',
          body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: `Missing required param: ${required.name}.`, param: required.name, doc_url: 'https://stripe.com/docs/error-codes/parameter-missing' } },
        }
      : {
          status: 400,
          when: 'A parameter is not one the operation takes',
          body: { error: { type: 'invalid_request_error', code: 'parameter_unknown', message: 'Received unknown parameter: unknown_param', param: 'unknown_param', doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown' } },
        },
  );
  errors.push({
    status: 401,
    when: 'The API key is missing or invalid',
    body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_********************1234' } },
  });
  if (PAYMENT_PATHS.test(op.path) && op.method === 'POST') {
    errors.push({
      status: 402,
      when: 'The card was declined',
      body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', doc_url: 'https://stripe.com/docs/error-codes/card-declined' } },
    });
  }
  const last = op.pathParams[op.pathParams.length - 1];
  if (last) {
    errors.push({
      status: 404,
      when: `No object has that ${last.name}`,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${last.name}: '${last.name}_unknown'`, param: last.name, doc_url: 'https://stripe.com/docs/error-codes/resource-missing' } },
    });
  }
  if (op.method === 'POST') {
    errors.push({
      status: 400,
      when: 'An idempotency key is reused with other parameters',
      body: { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } },
    });
  }
  errors.push({
    status: 429,
    when: 'Too many requests in a short time',
    body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.', doc_url: 'https://stripe.com/docs/error-codes/rate-limit' } },
  });
  errors.push({
    status: 500,
    when: 'Something went wrong on Stripe’s end (rare)',
    body: { error: { type: 'api_error', message: 'An unknown error occurred.' } },
  });
  return errors;
}
