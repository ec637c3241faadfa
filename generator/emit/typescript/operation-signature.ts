import type { Operation } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { docs, jsDocBlock } from './jsdoc.js';
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
  const kind = op.response.kind === 'object' ? undefined : tsString(op.response.kind);
  // Trailing defaults (`never`, `'object'`) are left out.
  if (op.expansion || kind) args.push(op.expansion ? scope.ref(op.expansion.pathsDecl) : 'never');
  if (kind) args.push(kind);
  return `${scope.importFrom('runtime/operation-types', 'OperationFunction', true)}<${args.join(', ')}>`;
}

/**
 * `operation('GET', '/v1/sources/{1}/mandate_notifications/{0}', 'object', true)`: the runtime call
 * that makes the operation's function. Each path parameter is written as its position among the
 * function's arguments.
 */
export function operationInitializer(op: Operation, scope: ModuleScope): string {
  const template = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const index = op.pathParams.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`internal: ${op.id} has no path parameter '${name}'`);
    return `{${index}}`;
  });
  const operation = scope.importFrom('runtime/operation', 'operation', false);
  return `/* @__PURE__ */ ${operation}('${op.method}', ${tsString(template)}, ${tsString(op.response.kind)}, ${op.params ? 'true' : 'false'})`;
}

/** An operation's doc comment: its description, and the endpoint it calls. */
export function operationDocs(op: Operation): string[] {
  // The endpoint as text, not `@see`: a tag makes the compiler parse the whole comment, three times per operation.
  return docs(op.description || op.summary, [], `\`${op.method} ${op.path}\``);
}

/** `export const postX: OperationFunction<...> = operation(...);` with its doc comment. */
export function operationConst(name: string, [doc]: string[], type: string, initializer: string): string {
  return `${doc ? `${jsDocBlock(doc, '')}\n` : ''}export const ${name}: ${type} = ${initializer};`;
}

/**
 * A class's method table: `interface Methods { /** ... *\/ create: typeof postIdentityVerificationSessions; ... }`
 * and `const methods: Methods = { create: postIdentityVerificationSessions, ... };`. The base installs
 * the object's functions; the interface gives the class its methods' types and doc comments under a
 * name, so the emitted declarations write `MethodsOf<Methods>` rather than the table's whole type.
 * A plain object of functions, so a bundler drops it with the class when neither is used.
 */
export function operationTable(name: string, typeName: string, entries: { method: string; fn: string; docs: string[] }[]): string {
  // Given as text: an initializer structure would hang-indent the object's lines.
  const members = entries.map(({ method, fn, docs: [doc] }) => `${doc ? `${jsDocBlock(doc, '  ')}\n` : ''}  ${method}: typeof ${fn};`);
  const values = entries.map(({ method, fn }) => `  ${method === fn ? fn : `${method}: ${fn}`},`);
  return `interface ${typeName} {\n${members.join('\n')}\n}\n\nconst ${name}: ${typeName} = {\n${values.join('\n')}\n};`;
}
