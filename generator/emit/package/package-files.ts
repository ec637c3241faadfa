import fs from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../../tool-root.js';
import { builtFiles } from '../built-assets.js';

export { initialChangelog } from './changelog.js';
export { packageJson } from './package-json.js';
export { packageReadme } from './readme.js';

export type { PackageInfo } from './package-info.js';

const PACKAGE_TEMPLATES = path.join(TOOL_ROOT, 'templates', 'package');

/**
 * The hand-written runtime, as compiled once by sdkgen's build: JavaScript and declarations, so a
 * package's own type-check reads the runtime's declarations, not its implementation, every time.
 */
export function runtimeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, text] of builtFiles('runtime')) files.set(`src/runtime/${name}`, text);
  files.set('src/shared.ts', fs.readFileSync(path.join(PACKAGE_TEMPLATES, 'src', 'shared.ts'), 'utf8'));
  return files;
}

/** Files copied as they are: the build script and its tsconfig (not published), and the licence. */
export function staticPackageFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of ['tsconfig.json', 'build.mjs', 'LICENSE']) {
    files.set(name, fs.readFileSync(path.join(PACKAGE_TEMPLATES, name), 'utf8'));
  }
  return files;
}
