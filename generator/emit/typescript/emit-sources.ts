import crypto from 'node:crypto';
import fs from 'node:fs';
import { cacheDir, writeCacheFile } from '../../load/cache-dir.js';
import { indexDecls } from '../../model/decl-index.js';
import type { ApiModel, Decl } from '../../model/types.js';
import { generatorFingerprint } from '../../pipeline/fingerprint.js';
import type { PackageIdentity } from './client-file.js';
import { namespaceTree } from './namespace-modules.js';
import { planModules, type ModulePlan } from './plan-modules.js';

/**
 * Every generated TypeScript module, as `src/`-relative path → source text.
 *
 * A module's text is a pure function of its inputs (its slice of the model and the names of what it
 * imports) and of the generator's own code, so it is cached under a hash of both. A run whose
 * modules are all cached never loads ts-morph (half a second of start-up); a spec update re-prints
 * only the modules whose slice changed.
 */
export async function emitSources(model: ApiModel, pkg: PackageIdentity, options: { cache?: boolean } = {}): Promise<Map<string, string>> {
  const index = indexDecls(model);
  const plans = planModules(model, pkg);
  const useCache = options.cache ?? true;
  const keys = new Map<ModulePlan, string>();
  const texts = new Map<string, string>();
  const misses: ModulePlan[] = [];
  const fingerprint = useCache ? generatorFingerprint() : '';
  const namespaces = namespaceTree(model);
  for (const plan of plans) {
    if (useCache) {
      const key = crypto.createHash('sha256').update(fingerprint).update(cacheInput(plan, index, namespaces)).digest('hex');
      keys.set(plan, key);
      const file = cacheDir('emit', key.slice(0, 2), `${key}.ts`);
      if (fs.existsSync(file)) {
        texts.set(plan.module, fs.readFileSync(file, 'utf8'));
        continue;
      }
    }
    misses.push(plan);
  }
  if (misses.length > 0) {
    const { printModules } = await import('./print-modules.js');
    for (const [module, text] of printModules(misses, index)) {
      texts.set(module, text);
      const key = keys.get(misses.find((p) => p.module === module)!);
      if (key) writeCacheFile(cacheDir('emit', key.slice(0, 2), `${key}.ts`), text);
    }
  }
  return new Map(plans.map((plan) => [`src/${plan.module}.ts`, texts.get(plan.module)!]));
}

/** The JSON a module's text depends on: its own slice, plus the module and name of every declaration it references. */
function cacheInput(plan: ModulePlan, index: Map<string, Decl>, namespaces: ReturnType<typeof namespaceTree>): string {
  let own: unknown;
  switch (plan.kind) {
    case 'resource':
      own = { group: plan.group, roots: plan.roots };
      break;
    case 'types':
      own = { roots: plan.roots };
      break;
    case 'namespace': {
      const entry = namespaces.get(plan.module)!;
      own = { decls: entry.decls.map((d) => [d.name, d.module]), children: entry.children };
      break;
    }
    case 'client':
      own = { operations: plan.model.operations, resources: plan.model.resources.map((g) => [g.module, g.className, g.property, g.namespaceProperty]), apiVersion: plan.model.apiVersion, pkg: plan.pkg };
      break;
    case 'index':
      own = { decls: plan.model.declarations.map((d) => [d.id, d.module]), ops: plan.model.resources.map((g) => [g.module, g.operations.map((o) => o.names.flat)]) };
      break;
  }
  const json = JSON.stringify({ kind: plan.kind, module: plan.module, own });
  const external = new Set<string>();
  for (const match of json.matchAll(/"kind":"ref","id":"([^"]+)"/g)) {
    const decl = index.get(match[1]!);
    const root = decl && index.get(decl.rootId);
    if (root) external.add(`${decl.id}@${root.module}#${root.name}`);
  }
  return `${json}\n${[...external].sort().join('\n')}`;
}
