import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

/** The sdkgen checkout (where `templates/` and `generator/runtime/` live), found from this file. */
export const TOOL_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'templates')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
