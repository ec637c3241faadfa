import type { ApiModel, Decl, ResourceGroup } from '../../model/types.js';
import type { PackageIdentity } from './client-file.js';
import { namespaceModules } from './namespace-modules.js';

export type ModulePlan =
  | { kind: 'resource'; module: string; group: ResourceGroup; roots: Decl[] }
  | { kind: 'methods'; module: string; group: ResourceGroup }
  | { kind: 'operations'; module: string; model: ApiModel }
  | { kind: 'types'; module: string; roots: Decl[] }
  | { kind: 'namespace'; module: string; model: ApiModel }
  | { kind: 'client'; module: string; model: ApiModel; pkg: PackageIdentity }
  | { kind: 'webhooks'; module: string; model: ApiModel }
  | { kind: 'index'; module: string; model: ApiModel };

/** Which modules the package has and what each is made of; sorted by module path. */
export function planModules(model: ApiModel, pkg: PackageIdentity): ModulePlan[] {
  const byModule = new Map<string, Decl[]>();
  for (const decl of model.declarations) byModule.set(decl.module!, [...(byModule.get(decl.module!) ?? []), decl]);
  const plans: ModulePlan[] = [];
  for (const group of model.resources) {
    plans.push({ kind: 'resource', module: group.module, group, roots: byModule.get(group.module) ?? [] });
    plans.push({ kind: 'methods', module: group.methodsModule, group });
  }
  const resourceModules = new Set(model.resources.map((g) => g.module));
  for (const [module, roots] of byModule) {
    if (!resourceModules.has(module)) plans.push({ kind: 'types', module, roots });
  }
  for (const module of namespaceModules(model)) plans.push({ kind: 'namespace', module, model });
  plans.push({ kind: 'operations', module: 'operations', model });
  plans.push({ kind: 'client', module: 'client', model, pkg });
  plans.push({ kind: 'webhooks', module: 'webhooks', model });
  plans.push({ kind: 'index', module: 'index', model });
  return plans.sort((a, b) => (a.module < b.module ? -1 : 1));
}
