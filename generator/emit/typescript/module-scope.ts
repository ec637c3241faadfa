import { relativeModule } from './relative-module.js';
import type { ImportDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { Decl } from '../../model/types.js';


/**
 * How one generated module names the declarations it uses. A declaration of this module is written
 * from its root (`VerificationSessionCreateParams.Options`); one from elsewhere is imported, under
 * another name where a nested declaration here would shadow it.
 */
export class ModuleScope {
  private readonly taken = new Set<string>();
  private readonly imported = new Map<string, { module: string; name: string; local: string; typeOnly: boolean }>();
  private readonly namespaces = new Map<string, { local: string; typeOnly: boolean }>();

  constructor(
    readonly module: string,
    private readonly index: Map<string, Decl>,
    localRoots: Decl[],
  ) {
    const visit = (decl: Decl) => {
      this.taken.add(decl.name);
      decl.children.forEach(visit);
    };
    localRoots.forEach(visit);
  }

  /** Declares a name this module defines or imports itself (a class, a function), so refs avoid it. */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** A name for a module-level helper of the generator's own (a method table): one the spec does not already use here. */
  local(name: string): string {
    let local = name;
    for (let n = 2; this.taken.has(local); n++) local = `${name}${n}`;
    this.taken.add(local);
    return local;
  }

  ref = (id: string): string => {
    const decl = this.index.get(id);
    if (!decl) throw new Error(`internal: no declaration '${id}'`);
    const root = this.index.get(decl.rootId)!;
    const suffix = decl.id.slice(root.id.length);
    if (root.module === this.module) return `${root.name}${suffix}`;
    return `${this.importName(root)}${suffix}`;
  };

  /**
   * How a declaration is named inside the namespace of `enclosing` (a declaration of this module):
   * by the shortest tail of its path that TypeScript resolves to it from there, as stripe-node writes
   * `Document.AllowedType` inside `VerificationSessionCreateParams.Options`; else from its root.
   */
  refFrom(id: string, enclosing: Decl | undefined): string {
    const target = this.index.get(id);
    if (!enclosing || !target || target.rootId !== enclosing.rootId) return this.ref(id);
    const chain = this.lineage(target);
    const scopes = this.lineage(enclosing).reverse();
    // The tail from chain[k] is right when its first name, looked up from the innermost scope
    // outwards, first meets chain[k] itself: a nearer declaration of that name would shadow it.
    for (let k = chain.length - 1; k > 0; k--) {
      const name = chain[k]!.name;
      const met = scopes.map((scope) => scope.children.find((child) => child.name === name)).find((child) => child !== undefined);
      if (met === chain[k]) return chain.slice(k).map((decl) => decl.name).join('.');
    }
    return this.ref(id);
  }

  /** The declaration whose namespace holds `decl`; none for a root. */
  enclosingOf(decl: Decl): Decl | undefined {
    return decl.id === decl.rootId ? undefined : this.index.get(decl.id.slice(0, decl.id.lastIndexOf('.')));
  }

  /** A declaration and the ones it is nested in, from its root down. */
  private lineage(decl: Decl): Decl[] {
    const chain = [decl];
    for (let up = this.enclosingOf(decl); up; up = this.enclosingOf(up)) chain.unshift(up);
    return chain;
  }

  /** Imports a shared alias (`Emptyable`, `MetadataParam`) and names it as this module may. */
  useShared = (name: string): string => this.importFrom('shared', name, true);

  /** Imports a value or type from a module given relative to `src/`. */
  importFrom(module: string, name: string, typeOnly: boolean): string {
    const key = `${module}#${name}`;
    const existing = this.imported.get(key);
    if (existing) {
      existing.typeOnly &&= typeOnly;
      return existing.local;
    }
    let local = name;
    for (let n = 1; this.taken.has(local); n++) local = n === 1 ? `_${name}` : `_${name}${n}`;
    this.taken.add(local);
    this.imported.set(key, { module, name, local, typeOnly });
    return local;
  }

  /** Imports a module as a namespace (`import * as operations from './operations.js'`), under a name this module may use. */
  importNamespace(module: string, name: string, typeOnly: boolean): string {
    const existing = this.namespaces.get(module);
    if (existing) {
      existing.typeOnly &&= typeOnly;
      return existing.local;
    }
    const local = this.local(name);
    this.namespaces.set(module, { local, typeOnly });
    return local;
  }

  private importName(root: Decl): string {
    return this.importFrom(root.module!, root.name, true);
  }

  imports(): ImportDeclarationStructure[] {
    const namespaces = [...this.namespaces.entries()].map(([module, { local, typeOnly }]): [string, ImportDeclarationStructure] => [
      module,
      { kind: StructureKind.ImportDeclaration, isTypeOnly: typeOnly, moduleSpecifier: relativeModule(this.module, module), namespaceImport: local },
    ]);
    const byModule = new Map<string, { name: string; local: string; typeOnly: boolean }[]>();
    for (const entry of this.imported.values()) {
      const list = byModule.get(entry.module) ?? [];
      list.push(entry);
      byModule.set(entry.module, list);
    }
    const named = [...byModule.entries()].map(([module, names]): [string, ImportDeclarationStructure] => {
      const allTypes = names.every((n) => n.typeOnly);
      return [module, {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: allTypes,
        moduleSpecifier: relativeModule(this.module, module),
        namedImports: names
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((n) => ({
            name: n.name,
            alias: n.local === n.name ? undefined : n.local,
            isTypeOnly: !allTypes && n.typeOnly,
          })),
      }];
    });
    return [...namespaces, ...named].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, statement]) => statement);
  }
}
