import { describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/pipeline/generate.js';
import { ROOT, tempDir } from '../support/project.js';

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

  it('is deterministic: two runs give the same files, byte for byte', async () => {
    const first = await generatePackage(config(['PostIdentityVerificationSessions']));
    const second = await generatePackage(config(['PostIdentityVerificationSessions']));
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [file, content] of first.files) expect(second.files.get(file), file).toBe(content);
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
