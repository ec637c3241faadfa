import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMockModel } from '../../generator/servers/mock/mock-model.js';
import { ROOT, tempDir } from '../support/project.js';

const saved = process.env.SDKGEN_CACHE_DIR;
afterEach(() => {
  process.env.SDKGEN_CACHE_DIR = saved;
});

describe('the mock\'s model cache', () => {
  it('builds the model once per spec and selection, then reads the same model back without parsing the spec', async () => {
    const cache = tempDir('mock-model-cache');
    // The parsed spec is borrowed from the run's cache when there is one: the model is what is tested.
    if (saved && fs.existsSync(path.join(saved, 'parsed'))) fs.cpSync(path.join(saved, 'parsed'), path.join(cache, 'parsed'), { recursive: true });
    process.env.SDKGEN_CACHE_DIR = cache;
    const options = { pinFile: path.join(ROOT, 'spec/pin.json'), projectRoot: ROOT, selection: { resources: ['customers'] } };
    const built = await loadMockModel(options);
    expect(built.cached).toBe(false);
    expect(built.model.operations.every((op) => op.path.startsWith('/v1/customers'))).toBe(true);
    fs.rmSync(path.join(cache, 'parsed'), { recursive: true, force: true });
    const read = await loadMockModel(options);
    expect(read.cached).toBe(true);
    expect(fs.existsSync(path.join(cache, 'parsed'))).toBe(false);
    expect(JSON.stringify(read.model)).toBe(JSON.stringify(built.model));
    const other = await loadMockModel({ ...options, selection: { resources: ['payment_intents'] } });
    expect(other.cached).toBe(false);
    expect(other.model.operations.some((op) => op.path.startsWith('/v1/payment_intents'))).toBe(true);
  });
});
