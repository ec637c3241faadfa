import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/pipeline/generate.js';
import { ROOT, sdkgen, tempDir, treeHashes } from '../support/project.js';

const config = (operations: string[]) => ({
  pin: 'spec/pin.json',
  packageName: '@utdk/stripe',
  operations,
  out: tempDir('snap'),
  root: ROOT,
});

describe('Create a VerificationSession, generated alone', () => {
  it('matches the reviewed snapshots of its client, types and docs', async () => {
    const { files } = await generatePackage(config(['PostIdentityVerificationSessions']));
    for (const file of [
      'src/resources/Identity/VerificationSessions.ts',
      'src/methods/Identity/VerificationSessions.ts',
      'src/operations.ts',
      'src/types/Identity/VerificationSession.ts',
      'src/types/Identity/VerificationReport.ts',
      'src/client.ts',
      'src/index.ts',
      'src/namespaces/Identity.ts',
      'src/webhooks.ts',
      'docs/PostIdentityVerificationSessions.md',
    ]) {
      const content = files.get(file);
      expect(content, file).toBeDefined();
      await expect(content).toMatchFileSnapshot(`__snapshots__/create/${file}.snap`);
    }
  });

  it('is deterministic: two runs from scratch, in two processes, write the same files byte for byte', () => {
    // --no-cache: the second run must generate again, not read back what the first one cached.
    const cache = tempDir('determinism-cache');
    const trees = [tempDir('determinism-a'), tempDir('determinism-b')].map((out) => {
      const result = sdkgen(['generate', '--no-cache', '--json', '--operations', 'PostIdentityVerificationSessions', '--out', out], { env: { SDKGEN_CACHE_DIR: cache } });
      expect(result.status, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { cached: boolean }).cached).toBe(false);
      return treeHashes(out);
    });
    expect(Object.keys(trees[0]!).length).toBeGreaterThan(10);
    expect(trees[1]).toEqual(trees[0]);
    // Nothing was cached, so neither run could have been served from the cache.
    expect(fs.existsSync(path.join(cache, 'output'))).toBe(false);
  });

  it('renders descriptions as text: no literal <p> tags, links absolute', async () => {
    const { files } = await generatePackage(config(['PostIdentityVerificationSessions']));
    const doc = files.get('docs/PostIdentityVerificationSessions.md')!;
    expect(doc).not.toMatch(/<\/?(p|code|a)\b/);
    expect(doc).toContain('[Verify your users’ identity documents](https://stripe.com/docs/identity/verify-identity-documents)');
    expect(doc).not.toMatch(/\]\(\/docs/);
    const source = files.get('src/resources/Identity/VerificationSessions.ts')!;
    expect(source).not.toMatch(/<\/?p>/);
    expect(source).toContain('https://stripe.com/docs/identity/verification-checks');
  });
});
