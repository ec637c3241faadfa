import type { Schema } from '../load/openapi-types.js';

/**
 * Request shapes stripe-node declares once and uses everywhere (`Stripe.AddressParam`), where the
 * spec repeats them inline under a few titles. A schema is shared only when its title is listed and
 * its shape is exactly the shared one (the same string fields, the same required); anything else
 * stays a nested type of its own.
 */
const SHARED_PARAMS: { name: string; titles: string[]; properties: string[]; required?: string[] }[] = [
  {
    name: 'AddressParam',
    titles: ['address_specs', 'optional_fields_address', 'billing_details_address', 'source_address', 'validated_country_address'],
    properties: ['city', 'country', 'line1', 'line2', 'postal_code', 'state'],
  },
  {
    name: 'ShippingAddressParam',
    titles: ['address'],
    properties: ['city', 'country', 'line1', 'line2', 'postal_code', 'state'],
    required: ['line1'],
  },
  {
    name: 'JapanAddressParam',
    titles: ['japan_address_kana_specs', 'japan_address_kanji_specs'],
    properties: ['city', 'country', 'line1', 'line2', 'postal_code', 'state', 'town'],
  },
];

/** The shared params type a request schema is, if it is one. */
export function sharedParamsName(schema: Schema): string | undefined {
  const entry = SHARED_PARAMS.find(
    (s) => schema.title !== undefined && s.titles.includes(schema.title) && [...(schema.required ?? [])].sort().join() === (s.required ?? []).join(),
  );
  if (!entry || schema.additionalProperties) return undefined;
  const properties = Object.entries(schema.properties ?? {});
  const sameFields = properties.length === entry.properties.length && properties.every(([name, p]) => entry.properties.includes(name) && p.type === 'string' && !p.enum && !p.nullable);
  return sameFields ? entry.name : undefined;
}
