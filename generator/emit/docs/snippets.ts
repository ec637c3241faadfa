import { encodeForm } from '../../runtime/encode.js';
import { isIdentifierName } from '../../model/naming.js';
import type { Operation } from '../../model/types.js';
import { tsString } from '../../text/escape.js';

/** A TypeScript call through the generated package, in the seed page's shape. */
export function typescriptSnippet(op: Operation, packageName: string, params: Record<string, unknown>, pathValues: Record<string, string> = {}): string {
  const args = op.pathParams.map((p) => tsString(pathValue(pathValues, p.name)));
  if (op.params && (op.params.required || Object.keys(params).length > 0)) args.push(tsLiteral(params, 0));
  return [
    `import stripe from ${tsString(packageName)};`,
    '',
    `const ${op.response.kind === 'list' ? 'page' : op.names.exampleVariable} = await stripe.${op.names.flat}(${args.join(', ')});`,
  ].join('\n');
}

/** A value as a TypeScript literal, two-space indented, keys bare where they can be. */
export function tsLiteral(value: unknown, indent: number): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${tsLiteral(v, indent + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${literalKey(k)}: ${tsLiteral(v, indent + 1)},`).join('\n')}\n${end}}`;
}

/** A key in an object literal: `__proto__`, bare or quoted, would set the prototype, so it is computed. */
function literalKey(key: string): string {
  if (key === '__proto__') return `[${tsString(key)}]`;
  return isIdentifierName(key) ? key : tsString(key);
}

/** The example value of a path parameter (its own entry only: a parameter may be named `constructor`). */
function pathValue(values: Record<string, string>, name: string): string {
  return Object.hasOwn(values, name) ? values[name]! : `${name}_id`;
}

/**
 * A curl command in Stripe's docs style: `-u sk_test_...:` and one `-d` per form field (in the query
 * for GET and DELETE), or one `-F` per part for an upload, its file read from disk (`-F file=@name`).
 */
export function curlSnippet(op: Operation, baseUrl: string, params: Record<string, unknown>, pathValues: Record<string, string> = {}): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValue(pathValues, name)));
  const body = encodeForm(params);
  // curl sends GET by default and POST once given -d or -F: a POST without fields must say so; a DELETE's params go in its query.
  const method =
    op.method === 'GET' ? '-G ' : op.method === 'DELETE' ? (body ? '-G -X DELETE ' : '-X DELETE ') : op.method === 'POST' && !body ? '-X POST ' : op.method === 'POST' ? '' : `-X ${op.method} `;
  const lines = [`curl ${method}${baseUrl}${path}`, '-u sk_test_...:'];
  if (op.params?.encoding === 'multipart') {
    for (const [key, value] of Object.entries(params)) {
      const file = value !== null && typeof value === 'object' && 'data' in value ? (value as { name?: unknown }).name : undefined;
      if (file !== undefined) lines.push(`-F ${shellWord(`${key}=@${String(file)}`)}`);
      else for (const pair of encodeForm({ [key]: value }).split('&').filter(Boolean)) lines.push(`-F ${shellWord(decodeURIComponent(pair))}`);
    }
  } else {
    for (const pair of body ? body.split('&') : []) lines.push(`-d ${shellWord(pair)}`);
  }
  return lines.join(' \\\n  ');
}

/** Form pairs only hold URL-safe characters and brackets; quote them when the shell would glob. */
function shellWord(pair: string): string {
  return /^[A-Za-z0-9_.=%-]+$/.test(pair) ? pair : `"${pair.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
}
