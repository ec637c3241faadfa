import type { ApiModel, Decl } from '../../model/types.js';
import { PathNames } from '../../text/file-name.js';

export interface NamespaceEntry {
  /** `['TestHelpers', 'Terminal']`. */
  scope: string[];
  /** Root declarations of exactly this namespace. */
  decls: Decl[];
  /** The namespaces directly inside it (`TestHelpers` holds `Terminal`), with their modules. */
  children: { name: string; module: string }[];
}

/**
 * `namespaces/<A>/<B>` module → what it re-exports; parents of nested namespaces are included. The
 * module paths are made from namespace names, so they go through the file-name sanitiser.
 */
export function namespaceTree(model: ApiModel): Map<string, NamespaceEntry> {
  const tree = new Map<string, NamespaceEntry>();
  const paths = new PathNames();
  const entry = (scope: string[]): [string, NamespaceEntry] => {
    const module = `namespaces/${paths.claim(scope, '.ts').slice(0, -3)}`;
    let found = tree.get(module);
    if (!found) {
      tree.set(module, (found = { scope, decls: [], children: [] }));
      if (scope.length > 1) entry(scope.slice(0, -1))[1].children.push({ name: scope[scope.length - 1]!, module });
    }
    return [module, found];
  };
  for (const decl of model.declarations) if (decl.scope.length > 0) entry(decl.scope)[1].decls.push(decl);
  for (const value of tree.values()) value.children.sort((a, b) => (a.name < b.name ? -1 : 1));
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function namespaceModules(model: ApiModel): string[] {
  return [...namespaceTree(model).keys()];
}
