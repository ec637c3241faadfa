import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BUILT_FOLDERS, builtFiles } from '../emit/built-assets.js';
import { TOOL_ROOT } from '../tool-root.js';

let memo: string | undefined;

/**
 * A hash of everything besides the model that decides the output: the generator's code, the
 * templates, what sdkgen's build made from them (the compiled runtime and the assets, which also
 * depend on the compiler and bundler that made them), and the versions of the libraries that print
 * for it. Cached output is keyed by it.
 */
export function generatorFingerprint(): string {
  if (memo) return memo;
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(TOOL_ROOT, full)).update(fs.readFileSync(full));
    }
  };
  walk(path.join(TOOL_ROOT, 'generator'));
  walk(path.join(TOOL_ROOT, 'templates'));
  for (const folder of BUILT_FOLDERS) {
    for (const [name, text] of builtFiles(folder)) hash.update(`dist/${folder}/${name}`).update(text);
  }
  const require = createRequire(import.meta.url);
  for (const name of ['ts-morph', 'turndown', 'handlebars', 'sanitize-html']) {
    try {
      hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
    } catch {
      hash.update(`${name}@none`);
    }
  }
  memo = hash.digest('hex');
  return memo;
}
