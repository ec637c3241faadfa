import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';
import { TOOL_ROOT } from '../tool-root.js';

/**
 * What `npm run build` makes for generation to read ready-made, by folder of `dist/`: the compiled
 * client runtime (`runtime/`, scripts/compile-runtime.mjs) and the assets (`assets/`, see
 * `generator/build-assets.ts`).
 */
export type BuiltFolder = 'runtime' | 'assets';

export const BUILT_FOLDERS: readonly BuiltFolder[] = ['runtime', 'assets'];

const read = new Map<BuiltFolder, Map<string, string>>();

/** Every file of one folder of sdkgen's build, name → text, in name order; read once per process. */
export function builtFiles(folder: BuiltFolder): Map<string, string> {
  let files = read.get(folder);
  if (files) return files;
  const dir = path.join(TOOL_ROOT, 'dist', folder);
  try {
    files = new Map(fs.readdirSync(dir).sort().map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
  } catch (error) {
    throw missing(dir, `a folder of sdkgen's build is missing: ${folder}`, error);
  }
  read.set(folder, files);
  return files;
}

/** A file sdkgen's build made, by its name under `dist/assets/`. */
export function builtAsset(name: string): string {
  const text = builtFiles('assets').get(name);
  if (text === undefined) throw missing(path.join(TOOL_ROOT, 'dist', 'assets'), `a file of sdkgen's build is missing: ${name}`);
  return text;
}

function missing(where: string, message: string, cause?: unknown): SdkgenError {
  return new SdkgenError(message, { where, hint: 'run `npm run build` in the sdkgen checkout', cause });
}
