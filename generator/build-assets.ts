/**
 * Entry of `npm run build` (scripts/build.mjs) for what every generation would otherwise work out
 * again from sdkgen's own sources: the docs' page scripts, bundled, and what the README says about
 * the runtime, read from its sources. Written to `dist/assets/`; the emitters read them from there.
 */
import { bundlePageScripts } from './emit/html/page-scripts.js';
import { readRuntimeReadmeData } from './emit/package/runtime-readme.js';

/** The files, by their names under `dist/assets/`. */
export function buildAssets(): Map<string, string> {
  const files = bundlePageScripts();
  files.set('runtime-readme.json', `${JSON.stringify(readRuntimeReadmeData(), null, 2)}\n`);
  return files;
}
