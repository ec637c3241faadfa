import type { OpenApiDocument, Schema } from '../load/openapi-types.js';
import { pointerJoin } from '../load/json-pointer.js';
import { resolveRef } from './refs.js';
import type { Decl, EventObjectRef, WebhookEventType } from './types.js';

/**
 * Event types whose object is not named by the type: the object is one of several (a customer's
 * payment source; a connected account's external account), or is named otherwise (an application
 * fee's refund is a `fee_refund`). Every other type is matched by its name alone.
 */
const OBJECTS_BY_PREFIX: Record<string, string[]> = {
  'account.external_account': ['bank_account', 'card'],
  'customer.source': ['bank_account', 'card', 'source'],
  'application_fee.refund': ['fee_refund'],
};

/**
 * The event types the spec lists (the `enabled_events` enum of `POST /v1/webhook_endpoints`), each
 * with the object its `data.object` holds, matched by the schemas' `object` values: the type without
 * its action (`identity.verification_session.verified` → `identity.verification_session`), or that
 * prefix as Stripe spells it elsewhere (`issuing_card` → `issuing.card`, `source.transaction` →
 * `source_transaction`, `customer.subscription` → `subscription`). `*` (every type) is not a type.
 * A type left with no object is typed generically. Sorted by type.
 */
export function webhookEventTypes(document: OpenApiDocument): WebhookEventType[] {
  const objects = objectSchemas(document);
  return enabledEvents(document)
    .filter((type) => type !== '*')
    .sort()
    .map((type) => {
      const prefix = type.slice(0, type.lastIndexOf('.'));
      // Own keys only: an event type from the spec may be named `__proto__`.
      const values = Object.hasOwn(OBJECTS_BY_PREFIX, prefix) ? OBJECTS_BY_PREFIX[prefix]! : candidates(prefix).filter((value) => objects.has(value)).slice(0, 1);
      return { type, objects: values.flatMap((value) => (objects.has(value) ? [objects.get(value)!] : [])) };
    });
}

function candidates(prefix: string): string[] {
  const parts = prefix.split('.');
  return [
    prefix,
    prefix.replace(/\./g, '_'),
    ...(parts.length === 1 ? [prefix.replace('_', '.')] : []),
    ...(parts.length === 2 ? [parts[1]!] : []),
  ];
}

function enabledEvents(document: OpenApiDocument): string[] {
  const operation = document.paths?.['/v1/webhook_endpoints']?.post;
  const body = operation?.requestBody;
  if (!body || '$ref' in body) return [];
  let schema = Object.values(body.content ?? {})[0]?.schema;
  if (schema?.$ref) schema = resolveRef<Schema>(document, schema.$ref, '#/paths/~1v1~1webhook_endpoints/post/requestBody');
  const values = schema?.properties?.enabled_events?.items?.enum ?? [];
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value !== ''))];
}

/**
 * Each `object` value and the schema that has it. Where a live and a deleted form share a value
 * (`customer`, `deleted_customer`), the live one: an event carries the object as it was.
 */
function objectSchemas(document: OpenApiDocument): Map<string, EventObjectRef> {
  const found = new Map<string, { ref: EventObjectRef; deleted: boolean }>();
  for (const [schemaKey, schema] of Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const values = schema?.properties?.object?.enum;
    if (!values || values.length !== 1 || typeof values[0] !== 'string') continue;
    const value = values[0];
    const deleted = schema.properties?.deleted !== undefined;
    const held = found.get(value);
    if (held && (deleted || !held.deleted)) continue;
    found.set(value, { ref: { value, schemaKey, hasId: (schema.required ?? []).includes('id'), ...statesOf(schemaKey, schema) }, deleted });
  }
  return new Map([...found].map(([value, { ref }]) => [value, ref]));
}

/** What an event's action can name of an object: a value of its `status` enum, or its `redaction` completed. */
function statesOf(schemaKey: string, schema: Schema): Pick<EventObjectRef, 'status' | 'redaction'> {
  const at = (name: string) => pointerJoin('#/components/schemas', schemaKey, 'properties', name);
  const values = schema.properties?.status?.enum;
  return {
    ...(values ? { status: { values: values.filter((v): v is string => typeof v === 'string'), pointer: at('status') } } : {}),
    ...(schema.properties?.redaction !== undefined ? { redaction: at('redaction') } : {}),
  };
}

/**
 * The declaration of each schema in a build, for typing event objects. A schema that is no API
 * resource is declared under the first type that uses it (`Invoice.Application`); a root wins.
 */
export function declsBySchema(index: Map<string, Decl>): Map<string, Decl> {
  const bySchema = new Map<string, Decl>();
  for (const decl of [...index.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (decl.schemaKey && (!bySchema.has(decl.schemaKey) || decl.id === decl.rootId)) bySchema.set(decl.schemaKey, decl);
  }
  return bySchema;
}
