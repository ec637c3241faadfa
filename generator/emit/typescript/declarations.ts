import type { InterfaceDeclarationStructure, ModuleDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { ModuleDeclarationKind, StructureKind } from './ts-morph-values.js';
import { isIdentifierName } from '../../model/naming.js';
import type { Decl, Property } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { docs } from './jsdoc.js';
import type { ModuleScope } from './module-scope.js';
import { printType } from './type-expr.js';

type DeclStatement = InterfaceDeclarationStructure | TypeAliasDeclarationStructure | ModuleDeclarationStructure;

/** How an emitter writes some aliases itself, shorter than their bodies: declaration id → type text. */
export type AliasTexts = ReadonlyMap<string, string>;

/** A declaration as an interface or alias, followed by a namespace of the same name for its nested ones. */
export function declStatements(decl: Decl, scope: ModuleScope, aliasTexts: AliasTexts = new Map()): DeclStatement[] {
  const out: DeclStatement[] = [];
  const description = docs(decl.description);
  // Types in the declaration are written from the namespace that holds it.
  const enclosing = scope.enclosingOf(decl);
  if (decl.body.kind === 'alias') {
    const type = aliasTexts.get(decl.id) ?? typeText(decl.body.type, scope, enclosing);
    out.push({ kind: StructureKind.TypeAlias, name: decl.name, isExported: true, docs: description, type });
  } else {
    const { properties, additional } = decl.body;
    out.push({
      kind: StructureKind.Interface,
      name: decl.name,
      isExported: true,
      docs: description,
      properties: properties.map((p) => propertyStructure(p, scope, enclosing)),
      indexSignatures: additional ? [{ keyName: 'key', keyType: 'string', returnType: typeText(additional, scope, enclosing) }] : [],
    });
  }
  if (decl.children.length > 0) {
    out.push({
      kind: StructureKind.Module,
      name: decl.name,
      declarationKind: ModuleDeclarationKind.Namespace,
      isExported: true,
      statements: [...decl.children].sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((child) => declStatements(child, scope, aliasTexts)),
    });
  }
  return out;
}

function propertyStructure(p: Property, scope: ModuleScope, enclosing: Decl | undefined) {
  return {
    name: isIdentifierName(p.name) ? p.name : tsString(p.name),
    hasQuestionToken: p.optional,
    type: typeText(p.type, scope, enclosing),
    docs: docs(p.description, p.deprecated ? [{ tagName: 'deprecated' }] : []),
  };
}

/** A type as written in the namespace of `enclosing` (at the module's top level without one). */
export function typeText(expr: Parameters<typeof printType>[0], scope: ModuleScope, enclosing?: Decl): string {
  return printType(expr, enclosing ? (id) => scope.refFrom(id, enclosing) : scope.ref, scope.useShared);
}
