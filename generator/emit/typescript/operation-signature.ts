import type { OptionalKind, ParameterDeclarationStructure, PropertyDeclarationStructure, TypeParameterDeclarationStructure } from 'ts-morph';
import { docs } from './jsdoc.js';
import type { Operation } from '../../model/types.js';
import type { ModuleScope } from './module-scope.js';
import { typeText } from './declarations.js';

/**
 * The parameters and return type shared by an operation's function, its method and the client's
 * flat method. Where the response has expandable fields, the signature is generic in the paths
 * passed to `expand`, and the result type narrows those fields from `string | X` to `X`.
 */
export function operationSignature(op: Operation, scope: ModuleScope) {
  const params: OptionalKind<ParameterDeclarationStructure>[] = op.pathParams.map((p) => ({ name: p.identifier, type: 'string' }));
  const typeParameters: OptionalKind<TypeParameterDeclarationStructure>[] = [];
  let item = typeText(op.response.type, scope);
  if (op.params) {
    let type = scope.ref(op.params.decl.id);
    if (op.expansion) {
      typeParameters.push({ name: 'E', constraint: scope.ref(op.expansion.pathsDecl), default: 'never' });
      type = `${type}<E>`;
      item = `${scope.importFrom('shared', 'Expand', true)}<${item}, E>`;
    }
    params.push({ name: 'params', type, hasQuestionToken: !op.params.required });
  }
  params.push({ name: 'options', type: scope.importFrom('runtime/core', 'RequestOptions', true), hasQuestionToken: true });
  const returnType =
    op.response.kind === 'list'
      ? `${scope.importFrom('runtime/core', 'ApiListPromise', true)}<${item}>`
      : op.response.kind === 'search'
        ? `Promise<${scope.importFrom('shared', 'ApiSearchResult', true)}<${item}>>`
        : `Promise<${item}>`;
  return { params, typeParameters, returnType, item };
}

/** The path as a template literal with each path parameter URI-encoded. */
export function pathExpression(op: Operation, encode: string): string {
  const escaped = op.path.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');
  if (op.pathParams.length === 0) return `'${escaped.replace(/'/g, "\\'")}'`;
  return `\`${escaped.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.pathParams.find((p) => p.name === name)!;
    return `\${${encode}(${param.identifier})}`;
  })}\``;
}

/** An operation's doc comment: its description, and the endpoint it calls. */
export function operationDocs(op: Operation) {
  return docs(op.description || op.summary, [{ tagName: 'see', text: `${op.method} ${op.path}` }]);
}

/** The operation's signature without the transport, as a function type: the type of its methods. */
export function methodType(op: Operation, scope: ModuleScope): string {
  const { params, typeParameters, returnType } = operationSignature(op, scope);
  const generics = typeParameters.length === 0 ? '' : `<${typeParameters.map((t) => `${t.name} extends ${t.constraint} = ${t.default}`).join(', ')}>`;
  return `${generics}(${params.map((p) => `${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type}`).join(', ')}) => ${returnType}`;
}

/**
 * A method as the class declares it: its type, with no body. The class's base installs the operation
 * function under this name (see `runtime/operation-methods.ts`).
 */
export function declaredMethod(op: Operation, name: string, type: string): OptionalKind<PropertyDeclarationStructure> {
  return { name, hasDeclareKeyword: true, isReadonly: true, type, docs: operationDocs(op) };
}

/**
 * `const methods = { create: postIdentityVerificationSessions, ... };`: what a class's base installs.
 * A plain object of functions, so a bundler drops it with the class when neither is used.
 */
export function operationTable(name: string, entries: [method: string, fn: string][]): string {
  // Given as text: an initializer structure would hang-indent the object's lines.
  return `const ${name} = {\n${entries.map(([method, fn]) => (method === fn ? `  ${fn},` : `  ${method}: ${fn},`)).join('\n')}\n};`;
}
