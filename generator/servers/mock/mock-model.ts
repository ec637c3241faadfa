import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { cacheDir, writeCacheFile } from '../../load/cache-dir.js';
import { locateSpec } from '../../load/load-spec.js';
import { parseSpec } from '../../load/parse-spec.js';
import { buildModel } from '../../model/build-model.js';
import type { Selection } from '../../model/select-operations.js';
import type { ApiModel } from '../../model/types.js';
import { generatorFingerprint } from '../../pipeline/fingerprint.js';

export interface MockModel {
  model: ApiModel;
  origin: string;
  /** Whether the model came from the cache (a start on a spec seen before). */
  cached: boolean;
}

/**
 * The whole model the mock serves, built once per spec, selection and sdkgen build, and kept in the
 * cache in V8's serialization: building it takes most of a second, reading it back a fraction of
 * that, and a start from the cache does not parse the spec at all.
 */
export async function loadMockModel(options: { spec?: string; pinFile: string; projectRoot: string; selection: Selection; cache?: boolean }): Promise<MockModel> {
  const bytes = await locateSpec(options);
  const useCache = options.cache ?? true;
  const key = crypto
    .createHash('sha256')
    .update(generatorFingerprint())
    .update(`mock-model\n${bytes.sha256}\n${JSON.stringify([options.selection.operations ?? [], options.selection.resources ?? []])}`)
    .digest('hex');
  const file = cacheDir('mock-model', `${key}.v8`);
  if (useCache && fs.existsSync(file)) {
    try {
      return { model: v8.deserialize(fs.readFileSync(file)) as ApiModel, origin: bytes.origin, cached: true };
    } catch {
      // A damaged entry is built again below.
    }
  }
  const model = buildModel(parseSpec(bytes, { cache: useCache }), { specSha256: bytes.sha256, ...options.selection });
  if (useCache) {
    try {
      writeCacheFile(file, v8.serialize(model));
      pruneOldModels(path.dirname(file));
    } catch {
      // The cache only saves time; a full disk means the next start builds the model again.
    }
  }
  return { model, origin: bytes.origin, cached: false };
}

/** Entries are about 11 MB for the whole Stripe API and a new sdkgen build makes new ones: the newest few are kept. */
const KEPT_MODELS = 6;

function pruneOldModels(dir: string): void {
  const entries = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.v8'))
    .map((name) => ({ file: path.join(dir, name), time: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of entries.slice(KEPT_MODELS)) fs.rmSync(old.file, { force: true });
}
