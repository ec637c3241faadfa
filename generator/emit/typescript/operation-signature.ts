import type { MethodDeclarationStructure, OptionalKind, ParameterDeclarationStructure, TypeParameterDeclarationStructure } from 'ts-morph';
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

/**
 * A delegating call to an operation's function: `fn<E>(core, id, params, options)`. The type argument
 * is passed, not inferred, which spares the checker an inference per method.
 */
export function delegateCall(op: Operation, fn: string, core: string): string {
  const args = [core, ...op.pathParams.map((p) => p.identifier), op.params ? 'params' : undefined, 'options'].filter((a): a is string => a !== undefined);
  return `${fn}${op.expansion && op.params ? '<E>' : ''}(${args.join(', ')})`;
}

/** An operation's doc comment: its description, and the endpoint it calls. */
export function operationDocs(op: Operation) {
  return docs(op.description || op.summary, [{ tagName: 'see', text: `${op.method} ${op.path}` }]);
}

/** A method that delegates to the operation's function: a resource method or the client's flat method. */
export function delegatingMethod(op: Operation, name: string, fn: string, core: string, scope: ModuleScope): OptionalKind<MethodDeclarationStructure> {
  const { params, typeParameters, returnType } = operationSignature(op, scope);
  return { name, docs: operationDocs(op), typeParameters, parameters: params, returnType, statements: [`return ${delegateCall(op, fn, core)};`] };
}
