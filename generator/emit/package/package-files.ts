import fs from 'node:fs';
import path from 'node:path';
import { TOOL_ROOT } from '../../tool-root.js';

export { initialChangelog } from './changelog.js';
export { packageJson } from './package-json.js';
export { packageReadme } from './readme.js';

export type { PackageInfo } from './package-info.js';

const RUNTIME_DIR = path.join(TOOL_ROOT, 'generator', 'runtime');
const PACKAGE_TEMPLATES = path.join(TOOL_ROOT, 'templates', 'package');

/** The hand-written runtime, copied verbatim: it is read and tested here, not generated. */
export function runtimeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(RUNTIME_DIR).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    files.set(`src/runtime/${name}`, fs.readFileSync(path.join(RUNTIME_DIR, name), 'utf8'));
  }
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
