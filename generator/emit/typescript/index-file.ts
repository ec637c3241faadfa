import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph-values.js';
import type { ApiModel, Decl } from '../../model/types.js';
import { namespaceTree } from './namespace-modules.js';
import { relativeModule } from './relative-module.js';
import { WEBHOOKS_TYPES } from './webhooks-file.js';

/**
 * `src/namespaces/<Ns>.ts`: every type of one namespace (objects and params), so that the index can
 * export it as `Identity` and users write `Identity.VerificationSessionCreateParams`.
 */
export function namespaceFiles(model: ApiModel): Map<string, StatementStructures[]> {
  const files = new Map<string, StatementStructures[]>();
  for (const [module, entry] of namespaceTree(model)) {
    const nested: StatementStructures[] = entry.children.map((child) => ({
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      namespaceExport: child.name,
      moduleSpecifier: relativeModule(module, child.module),
    }));
    files.set(module, [...reExports(module, entry.decls), ...nested]);
  }
  return files;
}

function reExports(module: string, decls: Decl[]): StatementStructures[] {
  const byModule = new Map<string, string[]>();
  for (const decl of decls) byModule.set(decl.module!, [...(byModule.get(decl.module!) ?? []), decl.name]);
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([target, names]) => ({
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: relativeModule(module, target),
      namedExports: names.sort(),
    }));
}

/** `src/index.ts`: the client, both call shapes, the runtime's errors and types, and every generated type. */
export function indexFileStatements(model: ApiModel): StatementStructures[] {
  const module = 'index';
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './client.js', namedImports: ['StripeClient'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/env.js', namedImports: ['configFromEnv'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './client.js', namedExports: ['API_VERSION', 'StripeClient', 'createClient', 'createCore'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/env.js', namedExports: ['configFromEnv'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/core.js' },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './shared.js',
      namedExports: ['ApiSearchResult', 'Emptyable', 'Expand', 'Metadata', 'MetadataParam', 'RangeQueryParam'],
    },
  ];
  const namespaces = [...namespaceTree(model)].filter(([, entry]) => entry.scope.length === 1).sort(([, a], [, b]) => (a.scope[0]! < b.scope[0]! ? -1 : 1));
  for (const [target, entry] of namespaces) {
    statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, namespaceExport: entry.scope[0]!, moduleSpecifier: relativeModule(module, target) });
  }
  statements.push(
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './webhooks.js', namedExports: ['webhooks'] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './webhooks.js', namedExports: WEBHOOKS_TYPES },
  );
  // The spec's own `event` schema (in builds with the events resource) is the union's generic form:
  // the package's `Event` is the union.
  statements.push(...reExports(module, model.declarations.filter((d) => d.scope.length === 0 && !WEBHOOKS_TYPES.includes(d.name))));
  // Every operation function. Resource classes are reached through the client: their names repeat across namespaces.
  statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './operations.js' });
  statements.push({
    kind: StructureKind.VariableStatement,
    docs: [{ description: 'The default client, configured from the environment (see `configFromEnv`) on its first request.' }],
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: 'stripe', type: 'StripeClient', initializer: '/* @__PURE__ */ new StripeClient(configFromEnv)' }],
  });
  statements.push({ kind: StructureKind.ExportAssignment, isExportEquals: false, expression: 'stripe' });
  return statements;
}
