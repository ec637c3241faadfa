import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../../errors.js';
import { TOOL_ROOT } from '../../tool-root.js';

export { initialChangelog } from './changelog.js';
export { packageJson } from './package-json.js';
export { packageReadme } from './readme.js';

export type { PackageInfo } from './package-info.js';

// Compiled from generator/runtime/ by `npm run build` (scripts/compile-runtime.mjs).
const RUNTIME_DIR = path.join(TOOL_ROOT, 'dist', 'runtime');
const PACKAGE_TEMPLATES = path.join(TOOL_ROOT, 'templates', 'package');

/**
 * The hand-written runtime, as compiled once by sdkgen's build: JavaScript and declarations, so a
 * package's own type-check reads the runtime's declarations, not its implementation, every time.
 */
export function runtimeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const names = fs.existsSync(RUNTIME_DIR) ? fs.readdirSync(RUNTIME_DIR).sort() : [];
  if (!names.includes('core.js')) {
    throw new SdkgenError('the compiled client runtime is missing', { where: RUNTIME_DIR, hint: 'run `npm run build` in the sdkgen checkout' });
  }
  for (const name of names) {
    if (name.endsWith('.js') || name.endsWith('.d.ts')) files.set(`src/runtime/${name}`, fs.readFileSync(path.join(RUNTIME_DIR, name), 'utf8'));
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
