import type { Decl, ResourceGroup } from '../../model/types.js';
import { declStatements } from './declarations.js';
import { ModuleScope } from './module-scope.js';
import type { Statement } from './ts-morph-values.js';
import { operationConst, operationDocs, operationInitializer, operationTable, operationType } from './operation-signature.js';

/**
 * One resource's module: its params types, one standalone function per operation (tree-shakable,
 * named after the operationId, typed by its declaration) and the resource class whose methods carry
 * the SDK names. The class's base installs the functions as those methods, and takes their types
 * (and doc comments) from the method table's type.
 */
export function resourceFileStatements(group: ResourceGroup, localRoots: Decl[], index: Map<string, Decl>): Statement[] {
  const scope = new ModuleScope(group.module, index, localRoots);
  scope.reserve(group.className);
  group.operations.forEach((op) => scope.reserve(op.names.flat));
  const methods = scope.local('methods');
  const Methods = scope.local('Methods');
  // A list's paths are its items' under `data.`: written so, the checker reads the item paths once.
  const aliasTexts = new Map(
    group.operations.flatMap((op) => (op.expansion?.itemPathsDecl ? [[op.expansion.pathsDecl, `\`data.\${${scope.ref(op.expansion.itemPathsDecl)}}\``] as const] : [])),
  );
  const body: Statement[] = localRoots.flatMap((root) => declStatements(root, scope, aliasTexts));
  // One text statement, whose parts are set apart here: the printer separates only its structures.
  const resourceBase = scope.importFrom('runtime/operation-methods', 'resourceBase', false);
  // Each operation's doc comment goes on its function and on its method's entry in the table's type.
  const docs = new Map(group.operations.map((op) => [op, operationDocs(op)]));
  const code = [
    ...group.operations.map((op) => operationConst(op.names.flat, docs.get(op)!, operationType(op, scope), operationInitializer(op, scope))),
    operationTable(methods, Methods, group.operations.map((op) => ({ method: op.names.method, fn: op.names.flat, docs: docs.get(op)! }))),
    // Pure: a bundle that uses one operation function drops the class and the rest of the table.
    `export class ${group.className} extends /* @__PURE__ */ ${resourceBase}(${methods}) {}`,
  ];
  body.push(code.join('\n\n'));
  return [...scope.imports(), ...body];
}
