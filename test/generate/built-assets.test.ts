import { describe, expect, it, vi } from 'vitest';
import { builtAsset } from '../../generator/emit/built-assets.js';
import { pageAssets } from '../../generator/emit/html/page-assets.js';
import { bundlePageScripts } from '../../generator/emit/html/page-scripts.js';
import { runtimeReadmeData } from '../../generator/emit/package/readme.js';
import { readRuntimeReadmeData } from '../../generator/emit/package/runtime-readme.js';
import { SdkgenError } from '../../generator/errors.js';

// What sdkgen's build makes once (dist/assets/) is what the sources give when worked out afresh.
describe("the build's ready-made assets", () => {
  it("hold the README's facts about the runtime as its sources state them", () => {
    const fresh = readRuntimeReadmeData();
    expect(runtimeReadmeData()).toEqual(fresh);
    expect(fresh.errors.map((e) => e.name)).toContain('`StripeCardError`');
    expect(fresh.clientOptions.map((o) => o.name)).toContain('`maxNetworkRetries`');
  });

  it('hold the page scripts as bundled from generator/emit/html/browser/', () => {
    const bundled = bundlePageScripts();
    expect([...bundled.keys()].sort()).toEqual(['nav.js', 'search.js', 'try-it.js', 'webhooks.js']);
    for (const [name, text] of bundled) expect(pageAssets().get(`docs/assets/${name}`)).toBe(text);
  });

  it("are part of the output cache's key: a runtime compiled differently is not served from the cache", async () => {
    const fingerprint = async (change: (files: Map<string, string>) => void) => {
      vi.resetModules();
      const actual = await vi.importActual<typeof import('../../generator/emit/built-assets.js')>('../../generator/emit/built-assets.js');
      vi.doMock('../../generator/emit/built-assets.js', () => ({
        ...actual,
        builtFiles: (folder: 'runtime' | 'assets') => {
          const files = new Map(actual.builtFiles(folder));
          if (folder === 'runtime') change(files);
          return files;
        },
      }));
      const { generatorFingerprint } = await import('../../generator/pipeline/fingerprint.js');
      return generatorFingerprint();
    };
    try {
      const asBuilt = await fingerprint(() => {});
      expect(await fingerprint(() => {})).toBe(asBuilt);
      expect(await fingerprint((files) => files.set('core.js', `${files.get('core.js')}\n// another compiler\n`))).not.toBe(asBuilt);
    } finally {
      vi.doUnmock('../../generator/emit/built-assets.js');
      vi.resetModules();
    }
  });

  it('name what is missing, and how to make it', () => {
    let thrown: unknown;
    try {
      builtAsset('no-such-file.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SdkgenError);
    expect((thrown as SdkgenError).format()).toMatch(/^error: .*dist\/assets: a file of sdkgen's build is missing: no-such-file\.json\nhint: run `npm run build`/);
  });
});
