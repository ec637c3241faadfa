import fs from 'node:fs';
import path from 'node:path';
import { builtAsset } from '../built-assets.js';
import { HTML_TEMPLATES } from './html-templates.js';

/** Page scripts: TypeScript under `browser/`, bundled for the page by sdkgen's build (`page-scripts.ts`). */
export const SCRIPTS = { 'try-it.js': 'try-it.ts', 'search.js': 'search.ts', 'nav.js': 'nav.ts', 'webhooks.js': 'webhooks.ts' } as const;

let cached: Map<string, string> | undefined;

/**
 * `docs/assets/*`, by their package paths: the stylesheet (copied) and the page scripts, as sdkgen's
 * build bundled them.
 */
export function pageAssets(): Map<string, string> {
  if (cached) return cached;
  const files = new Map<string, string>();
  files.set('docs/assets/docs.css', fs.readFileSync(path.join(HTML_TEMPLATES, 'assets', 'docs.css'), 'utf8'));
  for (const output of Object.keys(SCRIPTS)) files.set(`docs/assets/${output}`, builtAsset(output));
  cached = files;
  return files;
}
