import fs from 'node:fs';
import path from 'node:path';
import { emitSources } from '../emit/typescript/emit-sources.js';
import { initialChangelog, packageJson, runtimeFiles, staticPackageFiles, type PackageInfo } from '../emit/package/package-files.js';
import { loadSpec } from '../load/load-spec.js';
import { buildModel } from '../model/build-model.js';
import type { ApiModel } from '../model/types.js';
import { cachedFiles } from './cached-files.js';
import type { SdkgenConfig } from './config.js';

export interface GenerateResult {
  model: ApiModel;
  files: Map<string, string>;
  timings: Record<string, number>;
  specOrigin: string;
}

export type PhaseReporter = (phase: string, detail?: string) => void;

/** The whole pipeline: load the spec → build the model → run every emitter. Writes nothing. */
export async function generatePackage(config: SdkgenConfig & { cache?: boolean }, report: PhaseReporter = () => {}): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  report('load', config.spec ?? 'pinned spec');
  const spec = await loadSpec({ spec: config.spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
  lap('load');
  report('model');
  const model = buildModel(spec.document, {
    specSha256: spec.sha256,
    operations: config.all ? undefined : config.operations,
    resources: config.all ? undefined : config.resources,
    allResourceTypes: config.all,
  });
  lap('model');
  report('emit', `${model.operations.length} operations, ${countDecls(model)} types`);
  const pkg = existingPackage(path.resolve(config.root, config.out), config.packageName);
  const files = new Map<string, string>();
  for (const [file, content] of await emitSources(model, pkg, { cache: config.cache })) files.set(file, content);
  lap('emit-client');
  for (const [file, content] of runtimeFiles()) files.set(file, content);
  for (const [file, content] of staticPackageFiles()) files.set(file, content);
  files.set('package.json', packageJson(model, pkg));
  files.set('CHANGELOG.md', pkg.changelog ?? initialChangelog(model, pkg));
  const docsInput = JSON.stringify({ model, pkg: { name: pkg.name, version: pkg.version } });
  const docs = await cachedFiles(
    'docs',
    docsInput,
    async () => {
      // Imported on a cache miss only: the docs emitters load HTML and Markdown libraries.
      const [{ emitDocs }, { packageReadme }] = await Promise.all([import('../emit/docs/emit-docs.js'), import('../emit/package/readme.js')]);
      return new Map([...emitDocs(model, pkg), ['README.md', packageReadme(model, pkg)]]);
    },
    config.cache ?? true,
  );
  for (const [file, content] of docs) files.set(file, content);
  lap('emit-docs');
  return { model, files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))), timings, specOrigin: spec.origin };
}

/** The output package's own version and changelog survive regeneration; `sdkgen update` changes them. */
function existingPackage(outDir: string, name: string): PackageInfo {
  const info: PackageInfo = { name, version: '0.1.0' };
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf8')) as { version?: string };
    if (manifest.version) info.version = manifest.version;
  } catch {
    // A first generation: the defaults stand.
  }
  const changelog = path.join(outDir, 'CHANGELOG.md');
  if (fs.existsSync(changelog)) info.changelog = fs.readFileSync(changelog, 'utf8');
  return info;
}

function countDecls(model: ApiModel): number {
  let count = 0;
  const visit = (d: { children: unknown[] }) => {
    count++;
    (d.children as { children: unknown[] }[]).forEach(visit);
  };
  model.declarations.forEach(visit);
  return count;
}
