import type { Operation } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { docs, jsDocBlock, MAX_LINE } from './jsdoc.js';
import type { ModuleScope } from './module-scope.js';
import { typeText } from './declarations.js';

/**
 * An operation's type, `OperationFunction<Path, Params, Returns, Paths, Kind>` (see
 * `runtime/operation-types.ts`): its path parameters by name, its params (`| undefined` when
 * optional, `void` when there are none), what it returns, what `expand` takes, and the kind of result.
 */
export function operationType(op: Operation, scope: ModuleScope): string {
  const path = `[${op.pathParams.map((p) => `${p.identifier}: string`).join(', ')}]`;
  const params = op.params ? `${scope.ref(op.params.decl.id)}${op.params.required ? '' : ' | undefined'}` : 'void';
  const args = [path, params, typeText(op.response.type, scope)];
  const kind = op.response.binary ? tsString('binary') : op.response.kind === 'object' ? undefined : tsString(op.response.kind);
  // Trailing defaults (`never`, `'object'`) are left out.
  if (op.expansion || kind) args.push(op.expansion ? scope.ref(op.expansion.pathsDecl) : 'never');
  if (kind) args.push(kind);
  const name = scope.importFrom('runtime/operation-types', 'OperationFunction', true);
  const oneLine = `${name}<${args.join(', ')}>`;
  // Past the line's room, one type argument a line, as a formatter would.
  return `export const ${op.names.flat}: ${oneLine} =`.length <= MAX_LINE ? oneLine : `${name}<\n${args.map((a) => `  ${a}`).join(',\n')}\n>`;
}

/**
 * `operation('GET', '/v1/sources/{source}/mandate_notifications/{mandate_notification}', 'object', true)`:
 * the runtime call that makes the operation's function, which takes the path parameters in the
 * order the path names them. An upload or download adds how it travels:
 * `{ server: 'https://files.stripe.com', multipart: multipartBody }`.
 */
export function operationInitializer(op: Operation, scope: ModuleScope): string {
  const operation = scope.importFrom('runtime/operation', 'operation', false);
  const kind = op.response.binary ? 'binary' : op.response.kind;
  const args = [tsString(op.method), tsString(op.path), tsString(kind), op.params ? 'true' : 'false'];
  const transfer = [
    ...(op.server ? [`server: ${tsString(op.server)}`] : []),
    // Imported only here, so that a bundle without an upload or a download carries neither.
    ...(op.params?.encoding === 'multipart' ? [`multipart: ${scope.importFrom('runtime/multipart', 'multipartBody', false)}`] : []),
    ...(op.response.binary ? [`binary: ${scope.importFrom('runtime/binary', 'binaryResponse', false)}`] : []),
  ];
  if (transfer.length > 0) args.push(`{ ${transfer.join(', ')} }`);
  const call = `/* @__PURE__ */ ${operation}(${args.join(', ')})`;
  // Too long even on its own line (indented under the declaration): one argument a line.
  return call.length + 3 <= MAX_LINE ? call : `/* @__PURE__ */ ${operation}(\n${args.map((a) => `    ${a},`).join('\n')}\n  )`;
}

/** An operation's doc comment: its description, and the endpoint it calls. */
export function operationDocs(op: Operation): string[] {
  // The endpoint as text, not `@see`: a tag makes the compiler parse the whole comment, three times per operation.
  return docs(op.description || op.summary, [], `\`${op.method} ${op.path}\``);
}

/**
 * `export const postX: OperationFunction<...> = operation(...);` with its doc comment, the
 * initializer on a line of its own when the declaration would not fit in 120 columns.
 */
export function operationConst(name: string, [doc]: string[], type: string, initializer: string): string {
  const head = `export const ${name}: ${type} =`;
  const lastLine = head.slice(head.lastIndexOf('\n') + 1);
  const fits = !initializer.includes('\n') && lastLine.length + initializer.length + 2 <= MAX_LINE;
  const statement = fits ? `${head} ${initializer};` : `${head}\n  ${initializer};`;
  return `${doc ? `${jsDocBlock(doc, '')}\n` : ''}${statement}`;
}

/**
 * A resource's method table, `{ create: postIdentityVerificationSessions, ... }`: the functions its
 * base installs as methods, by the methods' names. A plain object of functions, so a bundler drops
 * it with the class when neither is used. Typed by the methods module, not here: no doc comment.
 */
export function operationTable(operations: Operation[]): string {
  const entries = operations.map(({ names: { method, flat } }) => `  ${method === flat ? flat : `${method}: ${flat}`},`);
  return `{\n${entries.join('\n')}\n}`;
}
