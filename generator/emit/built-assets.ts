import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';
import { TOOL_ROOT } from '../tool-root.js';

/** Where `npm run build` writes what the emitters read ready-made (see `generator/build-assets.ts`). */
export const BUILT_ASSETS = path.join(TOOL_ROOT, 'dist', 'assets');

/** A file sdkgen's build made, by its name under `dist/assets/`. */
export function builtAsset(name: string): string {
  try {
    return fs.readFileSync(path.join(BUILT_ASSETS, name), 'utf8');
  } catch (error) {
    throw new SdkgenError(`a file of sdkgen's build is missing: ${name}`, { where: BUILT_ASSETS, hint: 'run `npm run build` in the sdkgen checkout', cause: error });
  }
}
