import { emitSources } from '../emit/typescript/emit-sources.js';
import { packageReadme } from '../emit/package/readme.js';
import type { PackageInfo } from '../emit/package/package-files.js';
import type { ApiModel } from '../model/types.js';

/** The outputs whose emitters load ts-morph: the TypeScript sources, and the README (it reads the runtime's options). */
export function emitTsMorphOutputs(model: ApiModel, pkg: PackageInfo): Map<string, string> {
  const files = emitSources(model, pkg);
  files.set('README.md', packageReadme(model, pkg));
  return files;
}
