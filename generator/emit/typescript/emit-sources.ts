import { indexDecls } from '../../model/decl-index.js';
import type { ApiModel } from '../../model/types.js';
import type { PackageIdentity } from './client-file.js';
import { planModules } from './plan-modules.js';
import { printModules } from './print-modules.js';

/** Every generated TypeScript module, as `src/`-relative path → source text. */
export function emitSources(model: ApiModel, pkg: PackageIdentity): Map<string, string> {
  const plans = planModules(model, pkg);
  const texts = printModules(plans, indexDecls(model));
  return new Map(plans.map((plan) => [`src/${plan.module}.ts`, texts.get(plan.module)!]));
}
