import { MAX_LINE } from './jsdoc.js';
import { declsBySchema } from '../../model/events.js';
import type { ApiModel, Decl, EventObjectRef } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { ModuleScope } from './module-scope.js';
import type { Statement } from './ts-morph-values.js';

/** The names `src/webhooks.ts` exports, which the index re-exports. */
export const WEBHOOKS_TYPES = ['Event', 'EventType', 'StripeEvent', 'UntypedObject', 'UntypedResource'];

/**
 * `src/webhooks.ts`: the `Event` union over every event type of the spec, discriminated by `type`,
 * and `webhooks`, the runtime's verifier typed with it. An event's object is typed by its declaration
 * when the build has one; an object of a resource left out of a selective build is typed by its
 * `object` value alone (`UntypedResource<'customer'>`), so the union stays whole without pulling
 * the rest of the API into the package.
 */
export function webhooksFileStatements(model: ApiModel, index: Map<string, Decl>): Statement[] {
  const scope = new ModuleScope('webhooks', index, []);
  for (const name of [...WEBHOOKS_TYPES, 'webhooks']) scope.reserve(name);
  const Webhooks = scope.importFrom('runtime/webhooks', 'Webhooks', false);
  const bySchema = declsBySchema(index);
  const namespaces = new Set<string>();
  for (const decl of index.values()) if (decl.scope.length > 0 && decl.id === decl.rootId) scope.reserve(decl.scope[0]!);
  // Namespaced types are written as users write them, `Identity.VerificationSession`.
  const objectType = (ref: EventObjectRef): string => {
    const decl = bySchema.get(ref.schemaKey);
    const namespace = decl && index.get(decl.rootId)!.scope[0];
    if (namespace) {
      namespaces.add(namespace);
      return decl.id;
    }
    if (decl) return scope.ref(decl.id);
    return `${ref.hasId ? 'UntypedResource' : 'UntypedObject'}<${tsString(ref.value)}>`;
  };
  const members = (model.events ?? []).map((event) => {
    const objects = event.objects.length > 0 ? [...new Set(event.objects.map(objectType))].join(' | ') : 'UntypedObject<string>';
    const line = `  | StripeEvent<${tsString(event.type)}, ${objects}>`;
    // Past the column limit, the type arguments go one per line, as a formatter would put them.
    return line.length <= MAX_LINE ? line : `  | StripeEvent<\n      ${tsString(event.type)},\n      ${objects}\n    >`;
  });
  const union = members.length > 0 ? members.join('\n') : '  StripeEvent<string, UntypedObject<string>>';
  const body = `
/**
 * An event of type \`T\` about an object \`O\`, as a webhook delivers it and \`GET /v1/events\` returns it.
 */
export interface StripeEvent<T extends string, O> {
  /** \`evt_…\`. */
  id: string;
  object: 'event';
  /** The connected account the event is about, for Connect webhooks. */
  account?: string;
  /** The API version the object was rendered with; null for events older than versioning. */
  api_version: string | null;
  /** Unix seconds. */
  created: number;
  data: {
    /** The object as it was when the event happened. */
    object: O;
    /** For \`*.updated\` events, the changed fields as they were before. */
    previous_attributes?: Partial<O>;
  };
  livemode: boolean;
  /** Deliveries not yet acknowledged. */
  pending_webhooks: number;
  /** The API request that caused the event; null for events Stripe raised on its own. */
  request: { id: string | null; idempotency_key: string | null } | null;
  type: T;
}

/** An object this package has no type for: its \`object\` value, other fields untyped. */
export interface UntypedObject<O extends string> {
  object: O;
  [field: string]: unknown;
}

/** An API resource this package has no type for (its resource was not generated): \`object\` and \`id\`. */
export interface UntypedResource<O extends string> extends UntypedObject<O> {
  id: string;
}

/**
 * Every event type the spec lists, discriminated by \`type\`: \`switch (event.type)\` narrows
 * \`event.data.object\` to the object that type is about.
 */
export type Event =
${union};

/** The \`type\` of every event. */
export type EventType = Event['type'];

/**
 * \`Stripe-Signature\` verification returning \`Event\`: \`webhooks.constructEvent(rawBody, header, secret)\`.
 * Also reachable as \`client.webhooks\`.
 */
export const webhooks: ${Webhooks}<Event> = /* @__PURE__ */ new ${Webhooks}<Event>();`;
  const namespaceImports = [...namespaces].sort().map((ns) => `import type * as ${ns} from './namespaces/${ns}.js';`);
  return [...scope.imports(), ...namespaceImports, body];
}
