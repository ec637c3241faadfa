import type { ApiModel, Decl } from '../../model/types.js';

export interface NamespaceEntry {
  /** Root declarations of exactly this namespace. */
  decls: Decl[];
  /** Names of the namespaces directly inside it (`TestHelpers` holds `Terminal`). */
  children: string[];
}

/** `namespaces/<A>/<B>` module → what it re-exports; parents of nested namespaces are included. */
export function namespaceTree(model: ApiModel): Map<string, NamespaceEntry> {
  const tree = new Map<string, NamespaceEntry>();
  const entry = (scope: string[]) => {
    const module = `namespaces/${scope.join('/')}`;
    let found = tree.get(module);
    if (!found) {
      tree.set(module, (found = { decls: [], children: [] }));
      if (scope.length > 1) {
        const parent = entry(scope.slice(0, -1));
        parent.children.push(scope[scope.length - 1]!);
      }
    }
    return found;
  };
  for (const decl of model.declarations) if (decl.scope.length > 0) entry(decl.scope).decls.push(decl);
  for (const value of tree.values()) value.children.sort();
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function namespaceModules(model: ApiModel): string[] {
  return [...namespaceTree(model).keys()];
}
