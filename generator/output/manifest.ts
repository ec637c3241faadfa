import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';

/**
 * The list of files a generation wrote, kept in the output folder. It is how the next `generate` or
 * `update` tells its own files (replaced or removed) from the owner's (`.git`, notes: never touched).
 * Paths only, sorted, one per line, so it stays small and diffs well when committed.
 */
export const MANIFEST_FILE = '.sdkgen-manifest.json';

export function manifestText(files: Iterable<string>): string {
  const list = [...new Set(files)].filter((f) => f !== MANIFEST_FILE).sort();
  const lines = list.map((f) => `    ${JSON.stringify(f)}`);
  return `{\n  "about": "The files sdkgen wrote here. sdkgen replaces or removes only these; every other file in this folder is left alone.",\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/**
 * The files the previous generation wrote, from its manifest; none when there is no manifest. An
 * entry that does not name a plain path inside the folder is ignored: the manifest is an ordinary
 * file anyone can edit, and it must not lead a removal outside the output.
 */
export function readManifest(outDir: string): Set<string> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8');
  } catch {
    return new Set();
  }
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown }).files;
  } catch {
    return new Set();
  }
  if (!Array.isArray(files)) return new Set();
  return new Set(files.filter((f): f is string => typeof f === 'string' && f !== MANIFEST_FILE && relativePathProblem(f, outDir) === undefined));
}

/** Refuses a relative output path that is absolute, climbs out of the output folder, or is not a plain `a/b/c` path. */
export function checkRelativePath(relative: string, outDir: string): void {
  const problem = relativePathProblem(relative, outDir);
  if (problem) throw new SdkgenError(`refusing to write ${JSON.stringify(relative)}: ${problem}; nothing was written`, { where: path.resolve(outDir) });
}

function relativePathProblem(relative: string, outDir: string): string | undefined {
  if (typeof relative !== 'string' || relative.length === 0) return 'the path is empty';
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative)) return 'the path is absolute';
  if (/[\\\0]/.test(relative)) return 'the path holds a backslash or a NUL character';
  if (relative.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'the path has an empty, `.` or `..` segment, so it does not stay inside the output folder';
  const root = path.resolve(outDir);
  const resolved = path.resolve(root, relative);
  if (!resolved.startsWith(root + path.sep)) return 'the path resolves outside the output folder';
  return undefined;
}
