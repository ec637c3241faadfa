import type { Decl } from './types.js';

/**
 * Ids and `object` strings of example objects: Stripe's id prefixes (`cus_`), stable suffixes, and the
 * `object` string a declaration carries. Pure and deterministic, like every example.
 */

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
  return `${idPrefix(objectName)}_${idSuffix(`${objectName}${salt}`)}`;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A stable 14-character id suffix for `text`. */
export function idSuffix(text: string): string {
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
