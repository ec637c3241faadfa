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
}

export interface OperationNames {
  /** camelCase of the operationId: `postIdentityVerificationSessions`. */
  flat: string;
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
  /** For expandable fields: the ids of the declarations the id expands into. */
  expandsTo?: string[];
  pointer: string;
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
}

export type DeclBody =
  | { kind: 'interface'; properties: Property[]; additional?: TypeExpr }
  | { kind: 'alias'; type: TypeExpr };

export interface ResourceGroup {
  namespace: string[];
  namespaceProperty: string[];
  className: string;
  property: string;
  /** Module of the resource class and its params types, relative to `src/`. */
  module: string;
  operations: Operation[];
}
