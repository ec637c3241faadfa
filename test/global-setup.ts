import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../generator/load/load-spec.js';

/**
 * Tests that spawn the CLI must run the code under test, not a stale bundle: the build runs first,
 * and skips itself when sdkgen's sources have not changed since the last one.
 *
 * The whole run gets one temporary cache, never the user's ~/.cache/sdkgen: set here, before any
 * worker starts, it is inherited by every forked worker and every CLI they spawn. The pinned spec
 * is parsed into it once here, so the workers read it back instead of each parsing it again.
 */
export default async function setup(): Promise<() => void> {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-test-cache-'));
  process.env.SDKGEN_CACHE_DIR = cache;
  await loadSpec({ pinFile: path.join(root, 'spec/pin.json'), projectRoot: root });
  return () => fs.rmSync(cache, { recursive: true, force: true });
}
