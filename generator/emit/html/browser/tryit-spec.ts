/**
 * What an operation page embeds for its Try-it panel (as JSON in a `<script type="application/json">`):
 * the operation, and its request schema lowered to form widgets. Written by `form-spec.ts` at generation
 * time, read by `tryit.ts` in the browser. Descriptions are already sanitized HTML.
 */
export interface TryItSpec {
  packageName: string;
  /** The API origin the curl snippet names (`https://api.stripe.com`). */
  serverUrl: string;
  operation: TryItOperation;
  /** What the page's initial snippets show: every required field with an example value. */
  example: { params: Record<string, unknown>; path: Record<string, string> };
  /** The fields of the params object (body or query); empty when the operation takes none. */
  fields: FormField[];
  /** Nested object types by id, shared between fields (and the way a recursive type ends). */
  objects: Record<string, FormField[]>;
}

export interface TryItOperation {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The generated client's flat method: `postIdentityVerificationSessions`. */
  flat: string;
  /** The variable a snippet stores the result in: `verificationSession`. */
  exampleVariable: string;
  responseKind: 'object' | 'list' | 'search';
  paramsIn: 'body' | 'query' | null;
  paramsRequired: boolean;
  pathParams: { name: string; descriptionHtml: string }[];
}

export interface FormField {
  name: string;
  required?: true;
  deprecated?: true;
  /** Only where the page's parameter reference has no entry for the field (range bounds). */
  descriptionHtml?: string;
  node: FormNode;
}

export type FormNode =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** A value of no declared shape: typed as text. */
  | { kind: 'any' }
  | { kind: 'enum'; values: (string | number | boolean)[] }
  | { kind: 'array'; items: FormNode }
  /** Free keys (a key/value editor): `metadata` and other maps. */
  | { kind: 'map'; values: FormNode }
  | { kind: 'object'; ref: string }
  /** A union of different shapes: the user picks one. */
  | { kind: 'choice'; variants: { label: string; node: FormNode }[] }
  /** `anyOf [X, enum [""]]`: X, or an empty string that unsets the field. */
  | { kind: 'emptyable'; inner: FormNode };
