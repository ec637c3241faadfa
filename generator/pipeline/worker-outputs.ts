import { emitSources } from '../emit/typescript/emit-sources.js';
import { pageAssets } from '../emit/html/page-assets.js';
import { packageReadme, runtimeReadmeData } from '../emit/package/readme.js';
import { htmlConverter } from '../text/descriptions.js';
import type { PackageInfo } from '../emit/package/package-files.js';
import type { ApiModel } from '../model/types.js';

/**
 * The outputs whose emitters load slowly (ts-morph, esbuild), made apart from the docs: the
 * TypeScript sources, the README (it reads the runtime's options with ts-morph) and the docs' page
 * scripts (bundled with esbuild).
 */
export function emitWorkerOutputs(model: ApiModel, pkg: PackageInfo): Map<string, string> {
  const files = emitSources(model, pkg);
  files.set('README.md', packageReadme(model, pkg));
  for (const [file, content] of pageAssets()) files.set(file, content);
  return files;
}

/**
 * The part of that work that needs no model: the worker does it while the main thread is still
 * parsing the spec, so it is off the path that decides how long a run takes.
 */
export function prepareWorkerOutputs(): void {
  runtimeReadmeData();
  htmlConverter();
  pageAssets();
}
