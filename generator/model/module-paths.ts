import { PathNames } from '../text/file-name.js';
import type { Decl, ResourceGroup } from './types.js';

/**
 * Makes every module path of the model (`types/...`, `resources/...`, `methods/...`, built from spec-derived
 * names) a safe, portable path, unique even where case does not count: `types/Foo` and `types/FOO`
 * would be one file on macOS or Windows. Paths are claimed in sorted order, so the outcome is
 * deterministic; names that are already safe and distinct keep their paths.
 */
export function assignModulePaths(declarations: Decl[], resources: ResourceGroup[]): void {
  const modules = new Set<string>();
  for (const decl of declarations) if (decl.module) modules.add(decl.module);
  for (const group of resources) modules.add(group.module).add(group.methodsModule);
  const paths = new PathNames();
  const safe = new Map<string, string>();
  for (const module of [...modules].sort()) safe.set(module, paths.claim(module.split('/'), '.ts').slice(0, -'.ts'.length));
  for (const decl of declarations) if (decl.module) decl.module = safe.get(decl.module)!;
  for (const group of resources) {
    group.module = safe.get(group.module)!;
    group.methodsModule = safe.get(group.methodsModule)!;
    for (const op of group.operations) op.names.module = group.module;
  }
}
