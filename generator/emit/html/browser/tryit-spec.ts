/**
 * What an operation page embeds for its Try-it panel (as JSON in a `<script type="application/json">`):
 * the operation and the initial snippets' example values. Written by `form-spec.ts` at generation
 * time, read by `try-it.ts` in the browser. The form's fields are not here: the page's parameter
 * reference lists them, and `reference-form.ts` reads them from there.
 */
export interface TryItSpec {
  packageName: string;
  /** The API origin the curl snippet names (`https://api.stripe.com`). */
  serverUrl: string;
  operation: TryItOperation;
  /** What the page's initial snippets show: every required field with an example value. */
  example: { params: Record<string, unknown>; path: Record<string, string> };
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
  /** The path parameters' names, in the path's order. */
  pathParams: string[];
}

/** One field of the form: what the reference entry shows of it, and its widget. */
export interface FormField {
  name: string;
  required: boolean;
  deprecated: boolean;
  /** Sanitized when the page was generated; '' when there is none. */
  descriptionHtml: string;
  node: FormNode;
}

export type FormNode =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; items: FormNode }
  /** Free keys (a key/value editor): `metadata` and other maps. */
  | { kind: 'map' }
  /** Nested fields, read from the reference when the form first needs them; `type` names it in a choice. */
  | { kind: 'object'; fields: () => FormField[]; type?: string; range?: true }
  /** A union of different shapes: the user picks one. */
  | { kind: 'choice'; variants: { label: string; node: FormNode }[] }
  /** `anyOf [X, enum [""]]`: X, or an empty string that unsets the field. */
  | { kind: 'emptyable'; inner: FormNode };
