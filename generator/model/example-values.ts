import { exampleId, idSuffix, objectNameOf } from './example-ids.js';
import type { Decl, Property, TypeExpr, WebhookEventType } from './types.js';

/**
 * Example values of a model type, built by one walker for every consumer. What the values look like
 * is a policy the consumer picks:
 * - `realistic`: what Stripe's reference shows in a response (the docs' example responses): Stripe-prefixed
 *   ids, timestamps, amounts and strings that fit the field's name, one item per list, `null` for a
 *   nested object that is nullable.
 * - `request`: a call's params as a reader types them (the docs' snippets): every required field, a
 *   string with no known shape as `<name>_example`, a map with one entry, `true` for a flag.
 * - `minimal`: what a new object holds before anything is set (the mock, which then applies the
 *   request's params): empty strings, zeros, `false`, `null` wherever null is allowed, empty lists.
 * Pure and deterministic (no clock, no randomness, no Node APIs): the same bytes every run.
 */
export type ValuePolicyName = 'realistic' | 'request' | 'minimal';

/** 2023-08-16 00:00 UTC, the pinned spec's API version: every example is "created" then. */
export const EXAMPLE_CREATED = 1692144000;

export interface ExampleOptions {
  policy: ValuePolicyName;
  /** The field's name, for the top value (names pick strings and numbers). */
  name?: string;
  /** The id the top object gets; without it, the policy's (realistic: `exampleId`, others: none). */
  id?: (decl: Decl) => string;
  /** The spec's event types: a realistic `event` is one of them, its `data.object` typed as that type says. */
  events?: WebhookEventType[];
}

/** An example value of one type, as the chosen policy has it. */
export function exampleValue(expr: TypeExpr, index: Map<string, Decl>, options: ExampleOptions): unknown {
  return new ExampleWalker(index, POLICIES[options.policy], options).value(expr, { name: options.name ?? 'value', depth: 0 });
}

/** An example object of one declaration (which need not be in `index`: an operation's params). */
export function exampleObject(decl: Decl, index: Map<string, Decl>, options: ExampleOptions): Record<string, unknown> {
  return new ExampleWalker(index, POLICIES[options.policy], options).object(decl, { name: options.name ?? 'value', depth: 0 });
}

/** Where in the example a value goes. */
interface At {
  name: string;
  depth: number;
  property?: Property;
  /** The enclosing object's id, for fields that point back at it. */
  ownerId?: string;
}

interface ValuePolicy {
  /** Objects nested deeper than this come as `{}`. */
  maxObjectDepth: number;
  /** Arrays nested this deep or deeper come empty; shallower ones hold one item. */
  arrayDepth: number;
  /** A list object (an invoice's `lines`) in Stripe's list shape with one item, its `url` named after the field. */
  listShape: boolean;
  /** The id an object of `decl` gets when nobody chose one, if any. */
  objectId(decl: Decl): string | undefined;
  /** Whether an optional property shows (required ones always do). */
  showsOptional(property: Property, at: At, ownId: string | undefined): boolean;
  primitive(kind: 'string' | 'number' | 'boolean' | 'unknown', at: At): unknown;
  map(at: At): unknown;
  shared(name: string, at: At): unknown;
  /** The value of a union: usually one member's, walked with `walker`. */
  union(members: TypeExpr[], at: At, walker: ExampleWalker): unknown;
}

const realistic: ValuePolicy = {
  maxObjectDepth: 11,
  arrayDepth: 4,
  listShape: true,
  objectId: (decl) => {
    const objectName = objectNameOf(decl);
    return objectName ? exampleId(objectName) : undefined;
  },
  showsOptional: (property, _at, ownId) => property.name === 'id' && ownId !== undefined,
  primitive(kind, at) {
    const name = at.name;
    if (kind === 'boolean') return false;
    if (kind === 'number') {
      if (at.property?.format === 'unix-time') return name.startsWith('expires') || name.endsWith('_until') ? EXAMPLE_CREATED + 86_400 : EXAMPLE_CREATED;
      if (/amount|price|fee|total|balance|cost/.test(name)) return 2000;
      if (/percent/.test(name)) return 10;
      if (/^exp_month$/.test(name)) return 12;
      if (/^exp_year$/.test(name)) return 2034;
      return 1;
    }
    if (kind === 'unknown') return {};
    return stringExample(name, at.ownerId);
  },
  map: () => ({}),
  shared: (name) => (name === 'RangeQueryParam' ? { gte: EXAMPLE_CREATED } : {}),
  union(members, at, walker) {
    const present = members.filter((m) => m.kind !== 'null');
    // An expandable field comes unexpanded: the id of the object it names.
    const expandsTo = at.property?.expandsTo?.[0];
    if (expandsTo && present.some((m) => m.kind === 'primitive' && m.name === 'string')) {
      const decl = walker.index.get(expandsTo);
      return exampleId((decl && objectNameOf(decl)) ?? at.name);
    }
    // Stripe sends a nullable nested object as null more often than not; the example says so.
    if (present.length < members.length && at.depth > 0 && present.every((m) => walker.isObject(m))) return null;
    const literals = present.filter((m) => m.kind === 'literal');
    return walker.value(literals[0] ?? present[0] ?? { kind: 'null' }, at);
  },
};

const request: ValuePolicy = {
  maxObjectDepth: 5,
  arrayDepth: Infinity,
  listShape: false,
  objectId: () => undefined,
  // The docs' usual `order_id` example, where the operation takes metadata.
  showsOptional: (property, at) => at.depth === 0 && property.name === 'metadata',
  primitive(kind, at) {
    if (kind === 'string') {
      // A URL, an email, a currency... where the name says which; otherwise `<name>_example`.
      const known = at.name === 'id' || at.name === 'client_secret' ? at.name : stringExample(at.name, undefined);
      return known === at.name ? `${at.name}_example` : known;
    }
    return kind === 'number' ? 1 : kind === 'boolean' ? true : '';
  },
  map: (at) => sampleMap(at),
  // A file as stripe-node takes one; a real call passes its bytes or a stream as `data`.
  shared: (name, at) => (name === 'FileUpload' ? { data: 'file contents', name: 'document.pdf', type: 'application/pdf' } : sampleMap(at)),
  union: (members, at, walker) => walker.value(members.find((m) => m.kind !== 'null') ?? members[0]!, at),
};

/** The optional `metadata` a request shows gets the docs' usual `order_id`; a required map, one plain entry. */
function sampleMap(at: At): Record<string, string> {
  return at.property?.optional ? { order_id: '6735' } : { key: 'value' };
}

const minimal: ValuePolicy = {
  maxObjectDepth: 4,
  arrayDepth: 0,
  listShape: false,
  objectId: () => undefined,
  showsOptional: () => false,
  primitive: (kind, at) => (kind === 'string' ? '' : kind === 'number' ? (at.name === 'created' ? EXAMPLE_CREATED : 0) : kind === 'boolean' ? false : null),
  map: () => ({}),
  shared: () => ({}),
  // Null wins (Stripe sends null for what is not set); then the first member.
  union: (members, at, walker) => (members.some((m) => m.kind === 'null') ? null : walker.value(members[0]!, at)),
};

const POLICIES: Record<ValuePolicyName, ValuePolicy> = { realistic, request, minimal };

class ExampleWalker {
  constructor(
    readonly index: Map<string, Decl>,
    private readonly policy: ValuePolicy,
    private readonly options: ExampleOptions,
  ) {}

  value(expr: TypeExpr, at: At): unknown {
    switch (expr.kind) {
      case 'primitive':
        return this.policy.primitive(expr.name, at);
      case 'literal':
        return expr.value;
      case 'null':
        return null;
      case 'array':
        return at.depth >= this.policy.arrayDepth ? [] : [this.value(expr.items, { ...at, depth: at.depth + 1 })];
      case 'map':
        return this.policy.map(at);
      case 'shared':
        return this.policy.shared(expr.name, at);
      case 'emptyable':
        return this.value(expr.inner, at);
      case 'union':
        return this.policy.union(expr.members, at, this);
      case 'ref':
        return this.ref(expr.id, at);
    }
  }

  isObject(expr: TypeExpr): boolean {
    return expr.kind === 'ref' && this.index.get(expr.id)?.body.kind === 'interface';
  }

  private ref(id: string, at: At): unknown {
    const decl = this.index.get(id);
    if (!decl) return {};
    if (decl.body.kind === 'alias') return this.value(decl.body.type, at);
    if (at.depth > this.policy.maxObjectDepth) return {};
    return this.object(decl, at);
  }

  object(decl: Decl, at: At): Record<string, unknown> {
    if (decl.body.kind !== 'interface') return {};
    const objectName = objectNameOf(decl);
    if (objectName === 'list' && this.policy.listShape) {
      const data = decl.body.properties.find((p) => p.name === 'data');
      const item = data?.type.kind === 'array' ? this.value(data.type.items, { name: at.name, depth: at.depth + 1 }) : undefined;
      return { object: 'list', data: item === undefined ? [] : [item], has_more: false, url: `/v1/${at.name}` };
    }
    const ownId = at.depth === 0 && this.options.id ? this.options.id(decl) : this.policy.objectId(decl);
    // Built as entries: a field named `__proto__` must stay a field.
    const entries: [string, unknown][] = [];
    for (const p of decl.body.properties) {
      if (p.optional && !this.policy.showsOptional(p, at, ownId)) continue;
      const value = p.name === 'id' && ownId !== undefined ? ownId : this.value(p.type, { name: p.name, depth: at.depth + 1, property: p, ownerId: ownId ?? at.ownerId });
      entries.push([p.name, value]);
    }
    const out = Object.fromEntries(entries);
    if (objectName === 'event') this.asEvent(out, at);
    return out;
  }

  /** Makes an event example one the spec lists: a real `type`, and `data.object` the object it names. */
  private asEvent(out: Record<string, unknown>, at: At): void {
    for (const event of this.options.events ?? []) {
      const ref = event.objects[0];
      const decl = ref && [...this.index.values()].find((d) => d.schemaKey === ref.schemaKey && d.rootId === d.id);
      if (!decl) continue;
      out.type = event.type;
      out.data = { object: this.ref(decl.id, { name: 'object', depth: at.depth + 2 }) };
      return;
    }
  }
}

/** A string that looks like what Stripe sends in a field of that name (the name itself when nothing fits). */
export function stringExample(name: string, ownerId: string | undefined): string {
  if (name === 'id') return ownerId ?? 'obj_1Example';
  if (name === 'client_secret') return `${ownerId ?? 'obj_1Example'}_secret_${idSuffix(`${ownerId}secret`)}`;
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
