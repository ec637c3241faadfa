import fs from 'node:fs';
import path from 'node:path';
import { initialChangelog, packageJson, runtimeFiles, staticPackageFiles, type PackageInfo } from '../emit/package/package-files.js';
import { locateSpec } from '../load/load-spec.js';
import { parseSpec } from '../load/parse-spec.js';
import { SdkgenError } from '../errors.js';
import { buildModel } from '../model/build-model.js';
import type { ApiModel } from '../model/types.js';
import { rememberMarkdown } from '../text/descriptions.js';
import { cachedFileSet } from './cached-output.js';
import { htmlDescriptionsInSpec } from './model-descriptions.js';
import { startSourceEmitter, type SourceEmitter } from './source-emitter.js';
import type { SdkgenConfig } from './config.js';

export interface GenerateSummary {
  operations: number;
  resources: number;
  apiVersion: string;
}

export interface GenerateResult {
  summary: GenerateSummary;
  files: Map<string, string>;
  timings: Record<string, number>;
  specOrigin: string;
  /** Whether the files came from the cache (same spec, selection, package and generator). */
  cached: boolean;
}

export type PhaseReporter = (phase: string, detail?: string) => void;

/**
 * The whole pipeline: load the spec → build the model → run every emitter. Writes nothing.
 * The output is a pure function of the spec's bytes, the selection, the output package's identity
 * and the generator's own code, so it is cached under their hash: a repeated run skips the model.
 */
export async function generatePackage(
  config: SdkgenConfig & { cache?: boolean },
  report: PhaseReporter = () => {},
  /** Given files as they are made, before the rest: a writer can start on them (see `StagedOutput`). */
  early: (file: string, content: string) => void = () => {},
): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  // Started first, before it is known whether the output is cached: loading ts-morph takes the
  // worker about half a second, and here it overlaps finding, hashing and parsing the spec. On a
  // cache hit it is stopped unused.
  const sources = startSourceEmitter();
  try {
    return await generateWith(sources, config, report, early, timings, lap);
  } finally {
    sources.cancel();
  }
}

async function generateWith(
  sources: SourceEmitter,
  config: SdkgenConfig & { cache?: boolean },
  report: PhaseReporter,
  early: (file: string, content: string) => void,
  timings: Record<string, number>,
  lap: (name: string) => void,
): Promise<GenerateResult> {
  report('load', config.spec ?? 'pinned spec');
  const bytes = await locateSpec({ spec: config.spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
  const pkg = existingPackage(path.resolve(config.root, config.out), config.packageName);
  const selection = {
    operations: config.all ? undefined : config.operations,
    resources: config.all ? undefined : config.resources,
    all: config.all ?? false,
  };
  // The changelog is carried over as it is, after the cache: it is not an input of generation.
  const input = JSON.stringify({ spec: bytes.sha256, selection, name: pkg.name, version: pkg.version });
  const { meta, files, hit } = await cachedFileSet<GenerateSummary>(
    'package',
    input,
    async () => {
      // In a function of its own, so the parsed spec is garbage once the model is built.
      const model = (() => {
        const document = parseSpec(bytes, { cache: config.cache ?? true });
        sources.prefetch(htmlDescriptionsInSpec(document));
        lap('load');
        report('model');
        return buildModel(document, { specSha256: bytes.sha256, ...selection, allResourceTypes: selection.all });
      })();
      // A package with no operation is never what was meant: a wrong file, or a spec with no paths.
      if (model.operations.length === 0) {
        throw new SdkgenError('the spec has no operations: nothing to generate', {
          where: bytes.origin,
          hint: 'an OpenAPI 3 spec lists its operations under `paths`; check that this is the spec you meant',
        });
      }
      lap('model');
      report('emit', `${model.operations.length} operations, ${countDecls(model)} types`);
      const files = await emitPackage(model, pkg, sources, lap, timings, early);
      return {
        meta: { operations: model.operations.length, resources: model.resources.length, apiVersion: model.apiVersion },
        files: [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      };
    },
    config.cache ?? true,
  );
  if (hit) lap('cached');
  const output = new Map(files);
  if (pkg.changelog !== undefined) output.set('CHANGELOG.md', pkg.changelog);
  return { summary: meta, files: output, timings, specOrigin: bytes.origin, cached: hit };
}

/**
 * Every emitter, run only when the output is not cached. The sources and README print on the
 * emitter's thread (ts-morph, turndown) while the docs render on this one (handlebars, sanitize-html).
 */
async function emitPackage(
  model: ApiModel,
  pkg: PackageInfo,
  sources: SourceEmitter,
  lap: (name: string) => void,
  timings: Record<string, number>,
  early: (file: string, content: string) => void,
): Promise<Map<string, string>> {
  const run = sources.emit(model, pkg);
  // Settled below; until then a rejection must not count as unhandled.
  run.outputs.catch(() => {});
  // On a failure here the worker is stopped by `generatePackage`, which always cancels it.
  const files = new Map<string, string>();
  const [{ emitHtmlDocs }, { emitMarkdownDocs }, { docsData }] = await Promise.all([
    import('../emit/html/emit-html.js'),
    import('../emit/docs/emit-docs.js'),
    import('../emit/docs/docs-data.js'),
  ]);
  for (const [file, content] of runtimeFiles()) files.set(file, content);
  for (const [file, content] of staticPackageFiles()) files.set(file, content);
  files.set('package.json', packageJson(model, pkg));
  files.set('CHANGELOG.md', initialChangelog(model, pkg));
  const docs = docsData(model, pkg);
  for (const [file, content] of emitHtmlDocs(model, pkg, docs)) files.set(file, content);
  // The HTML took long enough for the other thread to have converted the descriptions.
  rememberMarkdown(await run.descriptions);
  for (const [file, content] of emitMarkdownDocs(model, pkg, docs)) files.set(file, content);
  // The docs are done while the sources are still printing: they can be written meanwhile.
  for (const [file, content] of files) early(file, content);
  lap('emit-docs');
  const emitted = await run.outputs;
  for (const [file, content] of emitted.files) files.set(file, content);
  // The wait for the sources after the docs; their printing itself ran beside the docs.
  lap('wait-sources');
  timings['emit-sources'] = emitted.timings.print;
  timings['sources-idle'] = emitted.timings.idle;
  return files;
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
