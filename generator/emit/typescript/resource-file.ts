import type { StatementStructures } from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { Decl, ResourceGroup } from '../../model/types.js';
import { declStatements } from './declarations.js';
import { ModuleScope } from './module-scope.js';
import { declaredMethod, methodType, operationDocs, operationSignature, operationTable, pathExpression } from './operation-signature.js';

/**
 * One resource's module: its params types, one standalone function per operation (tree-shakable,
 * named after the operationId) and the resource class whose methods carry the SDK names. The class
 * declares each method's type; its base installs the functions as those methods.
 */
export function resourceFileStatements(group: ResourceGroup, localRoots: Decl[], index: Map<string, Decl>): (string | StatementStructures)[] {
  const scope = new ModuleScope(group.module, index, localRoots);
  scope.reserve(group.className);
  group.operations.forEach((op) => scope.reserve(op.names.flat));
  const methods = scope.local('methods');
  const core = scope.importFrom('runtime/core', 'ClientCore', true);
  const needsEncode = group.operations.some((op) => op.pathParams.length > 0);
  const encode = needsEncode ? scope.importFrom('runtime/core', 'encodePathParam', false) : '';
  const body: (string | StatementStructures)[] = [];
  const expandingParams = new Map(group.operations.filter((op) => op.expansion && op.params).map((op) => [op.params!.decl.id, op.expansion!]));
  for (const root of localRoots) {
    const statements = declStatements(root, scope);
    const expansion = expandingParams.get(root.id);
    if (expansion) genericExpand(statements[0]!, scope.ref(expansion.pathsDecl), expansion.prefix);
    body.push(...statements);
  }
  for (const op of group.operations) {
    const { params, typeParameters, returnType, item } = operationSignature(op, scope);
    const call = op.response.kind === 'list' ? `requestList<${item}>` : `request<${returnType.slice('Promise<'.length, -1)}>`;
    body.push({
      kind: StructureKind.Function,
      name: op.names.flat,
      isExported: true,
      docs: operationDocs(op),
      typeParameters,
      parameters: [{ name: 'core', type: core }, ...params],
      returnType,
      statements: [
        `return core.${call}({ method: '${op.method}', path: ${pathExpression(op, encode)}${op.params ? ', params' : ''}, options });`,
      ],
    });
  }
  const resourceBase = scope.importFrom('runtime/operation-methods', 'resourceBase', false);
  body.push(operationTable(methods, group.operations.map((op) => [op.names.method, op.names.flat])));
  body.push({
    kind: StructureKind.Class,
    name: group.className,
    isExported: true,
    // Pure: a bundle that uses one operation function drops the class and the rest of the table.
    extends: `/* @__PURE__ */ ${resourceBase}(${methods})`,
    properties: group.operations.map((op) => declaredMethod(op, op.names.method, methodType(op, scope))),
  });
  return [...scope.imports(), ...body];
}

/**
 * A params type whose `expand` is generic in the paths passed (`VerificationSessionRetrieveParams<E>`),
 * so a call infers them with plain type-argument inference; without an argument it takes every path.
 */
function genericExpand(statement: StatementStructures, paths: string, prefix: string): void {
  if (statement.kind !== StructureKind.Interface) return;
  statement.typeParameters = [{ name: 'E', constraint: paths, default: paths }];
  const expand = statement.properties?.find((p) => p.name === 'expand');
  if (expand) expand.type = prefix ? `Array<\`${prefix}\${E}\`>` : 'Array<E>';
}
