// What sdkgen's build reads, hashed: when the hash matches the one the last build stored in dist/,
// the build would make the same files again and is skipped. Reading ~170 small files and hashing
// them takes a few milliseconds; the build takes seconds of CPU.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the last build's input hash is kept, inside the output it describes. */
export const STAMP_FILE = path.join('dist', 'build-inputs.sha256');

// Folders and files of the checkout the build reads: the generator's sources (bundled, and the runtime
// compiled), the build scripts, the templates (the package tsconfig the runtime compiles under), and the
// project's config and lock file (which pin every tool).
const FOLDERS = ['generator', 'scripts', 'templates'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];
// The tools that turn those sources into dist/: a reinstall with another version rebuilds.
const TOOLS = ['esbuild', 'typescript'];

/** The hash of everything the build in `root` reads, in a stable order. */
export function buildInputsHash(root) {
  const hash = crypto.createHash('sha256');
  const add = (relative, content) => hash.update(`${relative}\0${content.length}\0`).update(content);
  const walk = (relative) => {
    const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) add(child, fs.readFileSync(path.join(root, child)));
    }
  };
  for (const folder of FOLDERS) if (fs.existsSync(path.join(root, folder))) walk(folder);
  for (const file of FILES) if (fs.existsSync(path.join(root, file))) add(file, fs.readFileSync(path.join(root, file)));
  const require = createRequire(path.join(root, 'package.json'));
  for (const tool of TOOLS) {
    let version = 'none';
    try {
      version = require(`${tool}/package.json`).version;
    } catch {
      // Not installed: the build will say so itself.
    }
    hash.update(`${tool}@${version}\0`);
  }
  return hash.digest('hex');
}

/** Whether `dist/` in `root` was built from exactly these inputs. */
export function isBuildCurrent(root, inputsHash) {
  try {
    return fs.readFileSync(path.join(root, STAMP_FILE), 'utf8').trim() === inputsHash;
  } catch {
    return false;
  }
}
