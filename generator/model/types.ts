/**
 * The intermediate model: what every emitter reads. Names are decided here, once: an emitter prints
 * `Decl.path` and `Operation.names`, it never derives a name of its own.
 */

export interface ApiModel {
  title: string;
  /** `info.version`: the Stripe API version the client pins in `Stripe-Version`. */
  apiVersion: string;
  specSha256: string;
  /** What was asked for: recorded in the package, so that `sdkgen update` regenerates the same set. */
  selection: { operations?: string[]; resources?: string[]; all: boolean };
  serverUrl: string;
  operations: Operation[];
  /** Root declarations (top-level named types), sorted by id. Nested ones hang under `children`. */
  declarations: Decl[];
  resources: ResourceGroup[];
  /** Every webhook event type of the spec, whatever the selection (see model/events.ts). */
  events?: WebhookEventType[];
}

/** One event type and what its `data.object` holds; `objects` is empty when no schema matched. */
export interface WebhookEventType {
  /** `identity.verification_session.verified`. */
  type: string;
  objects: EventObjectRef[];
}

/** A schema that can be an event's `data.object`, by its `object` value. */
export interface EventObjectRef {
  /** The `object` value: `identity.verification_session`. */
  value: string;
  /** The component schema; the emitter types the object with its declaration when the build has one. */
  schemaKey: string;
  /** Whether the schema requires `id` (a `balance` has none). */
  hasId: boolean;
  /**
   * The string values of the schema's `status` enum, which an event type's action can name
   * (`identity.verification_session.verified`), and the pointer of that `status` property. Absent
   * when `status` is not an enum of its own.
   */
  status?: { values: string[]; pointer: string };
  /** The pointer of the schema's `redaction` property (a `.redacted` event completes it); absent when it has none. */
  redaction?: string;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation {
  id: string;
  method: HttpVerb;
  path: string;
  /** JSON pointer of the operation in the spec. */
  pointer: string;
  summary: string;
  /** A heading for docs: the spec's summary, or one made from the names ("Create a VerificationSession"). */
  title: string;
  /** HTML, as in the spec: an emitter converts it for the place it lands. */
  description: string;
  deprecated: boolean;
  names: OperationNames;
  /**
   * The base URL this operation is served from when it is not the API's (`serverUrl`):
   * `https://files.stripe.com` for uploads and file downloads. Absent for the API's own host.
   */
  server?: string;
  /** In the order they appear in the path, which is the order the generated function takes them. */
  pathParams: PathParam[];
  /** The params type (body for POST, query for GET/DELETE); absent when the operation takes none. */
  params: ParamsShape | undefined;
  response: ResponseShape;
  /**
   * Typed expansions: the alias of the paths this operation's `expand` takes: the response type's
   * own `ExpandPath`, or for a list or search the params' `data.` paths, which are the item type's
   * (`itemPathsDecl`) under `data.`. Absent when nothing can be expanded.
   */
  expansion?: { pathsDecl: string; itemPathsDecl?: string };
  /**
   * Every parameter by where it travels (path, query, header, or a field of the form body), with
   * its real JSON pointer in the spec: what a server checks requests against.
   */
  parameters?: OperationParameter[];
}

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body';
  required: boolean;
  /** JSON pointer of the parameter object (path, query, header) or of the body field's schema. */
  pointer: string;
}

export interface OperationNames {
  /** camelCase of the operationId: `postIdentityVerificationSessions` (numbered if another operationId gives the same). */
  flat: string;
  /** Base name of the operation's docs pages, `docs/<docFile>.md` and `.html`: the operationId as a safe file name. */
  docFile: string;
  /** `['Identity']`: the namespace of the resource and of the params type. */
  namespace: string[];
  /** `VerificationSessions`: the resource class. */
  resourceClass: string;
  /** `verificationSessions`: the property on the client (under the namespace's property). */
  resourceProperty: string;
  /** `identity`: the namespace's property on the client, if any. */
  namespaceProperty: string[];
  /** `create`, `list`, `retrieve`, `update`, `del`, or a custom action such as `cancel`. */
  method: string;
  /** `VerificationSessionCreateParams`. */
  paramsType: string;
  /** `VerificationSessionCreateResponse`: the holder of an inline response's nested types. */
  responseType: string;
  /** `identity.verificationSessions`: the property chain from the client to the resource. */
  resourcePath: string;
  /** `Identity.VerificationSessions`: the resource's qualified class name, unique in the model. */
  resourceId: string;
  /** `identity.verificationSessions.create`: the SDK call path, as docs, the diff and errors show it. */
  call: string;
  /** `resources/Identity/VerificationSessions`: the resource's module, relative to `src/`, as a safe path. */
  module: string;
  /** `VerificationSession`: what one item of the resource is called, for headings and examples. */
  singularName: string;
  /** `verificationSession`: the variable an example stores the result in. */
  exampleVariable: string;
}

export interface PathParam {
  name: string;
  /** A TypeScript-safe parameter name for the generated method. */
  identifier: string;
  description: string;
}

export interface ParamsShape {
  in: 'body' | 'query';
  /** How a body is encoded: Stripe's form encoding, or `multipart/form-data` for uploads. */
  encoding: 'form' | 'multipart';
  /** Whether the caller must pass params (any required field, or a required body). */
  required: boolean;
  /** The root declaration holding the fields. */
  decl: Decl;
}

export interface ResponseShape {
  kind: 'object' | 'list' | 'search';
  /** The returned type; for lists and searches, the item type. */
  type: TypeExpr;
  /**
   * The media type of a response that is not JSON (`application/pdf`): the client returns it as
   * bytes, never parsed. Absent for JSON.
   */
  binary?: string;
}

export type TypeExpr =
  | { kind: 'primitive'; name: 'string' | 'number' | 'boolean' | 'unknown' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: TypeExpr }
  | { kind: 'map'; values: TypeExpr }
  | { kind: 'union'; members: TypeExpr[] }
  /** `anyOf [X, enum [""]]`: X, or the empty string to unset it. */
  | { kind: 'emptyable'; inner: TypeExpr }
  | { kind: 'ref'; id: string }
  | { kind: 'shared'; name: SharedTypeName };

/** Small hand-written aliases that carry Stripe's conventions, as stripe-node has them. */
export type SharedTypeName = 'Metadata' | 'MetadataParam' | 'RangeQueryParam' | 'FileUpload';

export interface Property {
  /** The wire name, verbatim (snake_case): request types mirror the wire format. */
  name: string;
  type: TypeExpr;
  optional: boolean;
  description: string;
  deprecated: boolean;
  /** `unix-time`: a number of seconds since the epoch (Stripe's timestamps, such as `created`). */
  format?: 'unix-time';
  /** For expandable fields: the ids of the declarations the id expands into. */
  expandsTo?: string[];
  pointer: string;
  /** The schema says `integer`: the type stays `number` (as in TypeScript), this keeps the distinction. */
  integer?: true;
}

export interface Decl {
  /** Dotted qualified name, unique in the model: `Identity.VerificationSessionCreateParams.Options`. */
  id: string;
  name: string;
  /** Namespaces then enclosing declarations: `['Identity', 'VerificationSessionCreateParams']`. */
  scope: string[];
  /** The root declaration's id (itself, for a root). */
  rootId: string;
  body: DeclBody;
  description: string;
  /** JSON pointer of the schema the declaration was made from. */
  pointer: string;
  /** The component schema name, for declarations made from `#/components/schemas/...`. */
  schemaKey?: string;
  children: Decl[];
  /** For a root: where it is emitted, relative to the package's `src/`, without extension. */
  module?: string;
  /**
   * Set on declarations the generator works out rather than reads: `expand-paths` for the `ExpandPath`
   * unions, which the spec types as plain strings. The diff compares them as what they derive from.
   */
  derived?: 'expand-paths';
}

export type DeclBody =
  | { kind: 'interface'; properties: Property[]; additional?: TypeExpr }
  | { kind: 'alias'; type: TypeExpr };

export interface ResourceGroup {
  namespace: string[];
  namespaceProperty: string[];
  className: string;
  property: string;
  /** `identity.verificationSessions`: the property chain from the client to the resource. */
  path: string;
  /** `Identity.VerificationSessions`: the qualified class name, unique in the model. */
  id: string;
  /** Module of the resource class and its params types, relative to `src/`. */
  module: string;
  /**
   * Module that re-exports the resource's operation functions under its methods' names
   * (`postIdentityVerificationSessions as create`): the class's type, through which editors show
   * each function's doc comment on the method.
   */
  methodsModule: string;
  operations: Operation[];
}
