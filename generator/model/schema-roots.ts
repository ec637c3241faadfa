import type { OpenApiDocument, Schema } from '../load/openapi-types.js';
import { pascalCase, singular, typeName } from './naming.js';

/**
 * Component schemas that become top-level types, as in stripe-node: every API resource
 * (`x-resourceId`) and every other API object (a schema with its own `object` tag, such as
 * `platform_tax_fee` or `deleted_card`), plus the few shared shapes stripe-node also keeps at the top.
 * Every other component schema is declared under the first type that uses it.
 */
const SHARED_ROOT_SCHEMAS = new Set(['address']);

/**
 * Resources whose SDK class name is not made from their id by any rule: Stripe's own SDKs name
 * them so, and the spec's `title` says the same. Kept small; each entry says why.
 */
const IRREGULAR_TYPE_NAMES: Record<string, { name: string; why: string }> = {
  item: { name: 'LineItem', why: 'the line item of a Checkout Session or Payment Link is `LineItem` in the SDKs (title `LineItem`)' },
  line_item: { name: 'InvoiceLineItem', why: 'the line of an invoice is `InvoiceLineItem` in the SDKs (title `InvoiceLineItem`), so that `LineItem` is the checkout one' },
};

export function isRootSchema(key: string, schema: Schema): boolean {
  return Boolean(schema['x-resourceId']) || SHARED_ROOT_SCHEMAS.has(key) || schema.properties?.object?.enum?.length === 1;
}

export interface RootName {
  namespace: string[];
  name: string;
}

/**
 * `identity.verification_session` → `Identity.VerificationSession`; `deleted_radar.value_list` →
 * `Radar.DeletedValueList`. A one-word id whose `title` splits it into words takes the title's words
 * (`invoiceitem`, title `InvoiceItem` → `InvoiceItem`). `namespaceOf` adds a namespace that only the
 * paths show (`scheduled_query_run`, served under `/v1/sigma/` → `Sigma.ScheduledQueryRun`).
 */
export function rootNameOf(key: string, schema?: Schema, pathNamespace?: string[]): RootName {
  const parts = key.split('.');
  const last = parts.pop() ?? key;
  let deleted = false;
  const namespace = parts.map((part, index) => {
    if (index === 0 && part.startsWith('deleted_')) {
      deleted = true;
      return typeName(part.slice('deleted_'.length));
    }
    return typeName(part);
  });
  // `Object.hasOwn`: a schema named `constructor` or `__proto__` must not find `Object.prototype`'s members.
  const irregular = Object.hasOwn(IRREGULAR_TYPE_NAMES, key) ? IRREGULAR_TYPE_NAMES[key] : undefined;
  if (irregular) return { namespace, name: irregular.name };
  const plain = typeName(`${deleted ? 'deleted_' : ''}${last}`);
  const title = schema?.title;
  const name = title && /^[A-Z][A-Za-z0-9]*$/.test(title) && title !== plain && title.toLowerCase() === plain.toLowerCase() ? title : plain;
  return { namespace: namespace.length === 0 && pathNamespace ? pathNamespace : namespace, name };
}

/**
 * The type name of every API resource of the document, decided once for the model: the operation
 * names (params types, resource classes) and the declarations read it.
 */
export function resourceTypeNames(document: OpenApiDocument): Map<string, RootName> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const resources = new Set(Object.keys(schemas).filter((key) => schemas[key]!['x-resourceId']));
  const servedUnder = pathNamespaces(document, resources);
  const out = new Map<string, RootName>();
  for (const key of resources) {
    const base = key.replace(/^deleted_/, '');
    out.set(key, rootNameOf(key, schemas[key], servedUnder.get(base)));
  }
  return out;
}

/**
 * A resource with a one-part id served only under a prefix that is not itself a resource
 * (`/v1/sigma/scheduled_query_runs`) lives in that prefix's namespace, as in stripe-node.
 */
function pathNamespaces(document: OpenApiDocument, resources: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const path of Object.keys(document.paths)) {
    const segments = path.split('/').filter(Boolean);
    if (/^v\d+$/.test(segments[0] ?? '')) segments.shift();
    const [prefix, collection] = segments;
    if (!prefix || !collection || prefix.startsWith('{') || collection.startsWith('{') || prefix.includes('.')) continue;
    const key = singular(collection);
    if (!resources.has(key) || resources.has(singular(prefix)) || resources.has(prefix) || prefix === 'test_helpers') continue;
    if ([...resources].some((r) => r.startsWith(`${prefix}.`))) continue;
    out.set(key, [pascalCase(prefix)]);
  }
  return out;
}
