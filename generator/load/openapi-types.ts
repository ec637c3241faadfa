/** The parts of OpenAPI 3.0 that sdkgen reads, plus Stripe's extensions. Everything else passes through. */
export interface OpenApiDocument {
  openapi: string;
  info: { title?: string; version?: string; description?: string; [key: string]: unknown };
  servers?: { url: string }[];
  paths: Record<string, PathItem>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown>; [key: string]: unknown };
  security?: unknown[];
  [key: string]: unknown;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface PathItem {
  parameters?: (Parameter | Ref)[];
  get?: OperationObject;
  post?: OperationObject;
  put?: OperationObject;
  patch?: OperationObject;
  delete?: OperationObject;
  [key: string]: unknown;
}

export interface StripeOperationHint {
  method_name?: string;
  method_on?: string;
  method_type?: string;
  operation?: string;
  path?: string;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: (Parameter | Ref)[];
  requestBody?: RequestBody | Ref;
  responses?: Record<string, Response | Ref>;
  /** An operation served from another host (Stripe's uploads: `https://files.stripe.com/`). */
  servers?: { url: string }[];
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
  style?: string;
  explode?: boolean;
  deprecated?: boolean;
}

export interface RequestBody {
  required?: boolean;
  description?: string;
  content?: Record<string, { schema?: Schema; encoding?: Record<string, unknown> }>;
}

export interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface Ref {
  $ref: string;
}

export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  maxLength?: number;
  deprecated?: boolean;
  'x-resourceId'?: string;
  'x-expandableFields'?: string[];
  'x-expansionResources'?: { oneOf?: Schema[] };
  'x-stripeResource'?: { class_name?: string; in_package?: string; has_collection_class?: boolean };
  'x-stripeOperations'?: StripeOperationHint[];
  [key: string]: unknown;
}
