import type { StatementStructures } from 'ts-morph';
import type { ResourceGroup } from '../../model/types.js';
import { relativeModule } from './relative-module.js';
import { StructureKind } from './ts-morph-values.js';

/**
 * `src/methods/<Ns>/<Resource>.ts`: the resource's operation functions under its methods' names
 * (`export { postIdentityVerificationSessions as create } from ...`). It is the resource class's type:
 * a re-export is an alias, so an editor hovering `verificationSessions.create` shows the doc comment
 * written once, on the function, where a mapped or declared member would need its own copy.
 */
export function methodsFileStatements(group: ResourceGroup): StatementStructures[] {
  return [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: relativeModule(group.methodsModule, group.module),
      namedExports: group.operations.map(({ names: { flat, method } }) => ({ name: flat, alias: method === flat ? undefined : method })),
    },
  ];
}

/**
 * `src/operations.ts`: every operation function, as the package exports them. It is the client's
 * type for its flat methods (`client.postIdentityVerificationSessions`), which show the functions'
 * doc comments through the re-exports as resource methods do.
 */
export function operationsFileStatements(groups: ResourceGroup[]): StatementStructures[] {
  return groups.map((group) => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: relativeModule('operations', group.module),
    namedExports: group.operations.map((op) => op.names.flat).sort(),
  }));
}
