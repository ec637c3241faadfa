import type { Decl, ResourceGroup } from '../../model/types.js';
import { declStatements } from './declarations.js';
import { ModuleScope } from './module-scope.js';
import type { Statement } from './ts-morph-values.js';
import { operationConst, operationDocs, operationInitializer, operationTable, operationType } from './operation-signature.js';

/**
 * One resource's module: its params types, one standalone function per operation (tree-shakable,
 * named after the operationId, typed by its declaration, with the operation's doc comment) and the
 * resource class whose methods carry the SDK names. The class's base installs the functions as those
 * methods; its type is the methods module (`methods/...`), which re-exports each function under its
 * method's name, so that editors show the function's doc comment on the method.
 */
export function resourceFileStatements(group: ResourceGroup, localRoots: Decl[], index: Map<string, Decl>): Statement[] {
  const scope = new ModuleScope(group.module, index, localRoots);
  scope.reserve(group.className);
  group.operations.forEach((op) => scope.reserve(op.names.flat));
  const methods = scope.importNamespace(group.methodsModule, 'methods', true);
  // A list's paths are its items' under `data.`: written so, the checker reads the item paths once.
  const aliasTexts = new Map(
    group.operations.flatMap((op) => (op.expansion?.itemPathsDecl ? [[op.expansion.pathsDecl, `\`data.\${${scope.ref(op.expansion.itemPathsDecl)}}\``] as const] : [])),
  );
  const body: Statement[] = localRoots.flatMap((root) => declStatements(root, scope, aliasTexts));
  // One text statement, whose parts are set apart here: the printer separates only its structures.
  const resourceBase = scope.importFrom('runtime/operation-methods', 'resourceBase', false);
  const code = [
    ...group.operations.map((op) => operationConst(op.names.flat, operationDocs(op), operationType(op, scope), operationInitializer(op, scope))),
    // Pure: a bundle that uses one operation function drops the class and its table.
    `export class ${group.className} extends /* @__PURE__ */ ${resourceBase}<typeof ${methods}>(${operationTable(group.operations)}) {}`,
  ];
  body.push(code.join('\n\n'));
  return [...scope.imports(), ...body];
}
