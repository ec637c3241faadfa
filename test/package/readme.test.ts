import { beforeAll, describe, expect, test } from 'vitest';
import { changelogEntry, initialChangelog, prependEntry } from '../../generator/emit/package/changelog.js';
import { packageJson } from '../../generator/emit/package/package-json.js';
import { inlineText, packageReadme } from '../../generator/emit/package/readme.js';
import type { ApiModel } from '../../generator/model/types.js';
import { model } from '../support/project.js';

const PKG = { name: '@utdk/stripe', version: '1.2.3' };

describe('the package README', () => {
  let api: ApiModel;

  beforeAll(async () => {
    api = await model({ resources: ['identity.verification_sessions', 'customers'] });
  });

  test('shows every operation in both shapes, with its endpoint and docs page', () => {
    const readme = packageReadme(api, PKG);
    for (const op of api.operations) {
      const sdk = `${op.names.method}(`;
      const row = readme.split('\n').find((line) => line.includes(`\`${op.names.flat}(`));
      expect(row, op.id).toBeDefined();
      expect(row).toContain(sdk);
      expect(row).toContain(`\`${op.method} ${op.path}\``);
      expect(row).toContain(`](docs/${op.names.docFile}.md)`);
    }
    expect(readme).toContain('### `client.identity.verificationSessions`');
    expect(readme).toContain('### `client.customers`');
    expect(readme).toContain('npm install @utdk/stripe');
    expect(readme).toContain(`${api.operations.length} operations, by resource.`);
  });

  test('has the sections a user needs', () => {
    const readme = packageReadme(api, PKG);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Install', 'Configure', 'Operations', 'Errors and retries', 'Webhooks', 'Documentation', 'License']);
    expect(readme).toContain('[`docs/webhooks.md`](docs/webhooks.md)');
    expect(readme).toContain("import stripe from '@utdk/stripe';");
    expect(readme).toMatch(/^const \w+ = await stripe\.\w+\(/m);
    expect(readme).toMatch(/^const \w+ = await client\.[\w.]+\(/m);
    expect(readme).toContain("require('@utdk/stripe')");
    expect(readme).toMatch(/\| `StripeInvalidRequestError` \| .+ \|/);
    expect(readme).toMatch(/\| `StripeConnectionError` \| .+ \|/);
    expect(readme).toContain('Version 1.2.3,');
    // The client options are read from the runtime's ClientConfig, so none is left out.
    for (const option of ['apiKey', 'baseUrl', 'apiVersion', 'maxNetworkRetries', 'timeout', 'fetch', 'hooks']) {
      expect(readme).toMatch(new RegExp(`^\\| \`${option}\` \\| \`[^\\n]+\` \\| \\S[^\\n]* \\|$`, 'm'));
    }
    expect(readme).toMatch(/^request: `\{ apiKey, [^`]*idempotencyKey[^`]*signal \}`\.$/m);
  });

  test('shows a create call as the worked example, in both shapes and as a standalone function', async () => {
    const readme = packageReadme(await model({ resources: ['identity.verification_sessions'] }), PKG);
    expect(readme).toContain("const verificationSession = await stripe.postIdentityVerificationSessions({\n  type: 'document',");
    expect(readme).toContain("const verificationSession = await client.identity.verificationSessions.create({\n  type: 'document',");
    expect(readme).toContain("const verificationSession = await postIdentityVerificationSessions(core, {\n  type: 'document',");
  });

  test('keeps untrusted spec text from breaking out of its table cell or link', () => {
    const hostile = structuredClone(api);
    const op = hostile.operations[0]!;
    op.title = 'Evil | cell ](javascript:alert(1)) <img src=x onerror=alert(1)> `code` \\| & done\nsecond line';
    const readme = packageReadme(hostile, PKG);
    const row = readme.split('\n').find((line) => line.includes(`\`${op.names.flat}(`))!;
    // Exactly the four cells of the table: every pipe in the title is escaped.
    expect(row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(row).not.toContain('<img');
    expect(row).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(row).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(row).toContain(`](docs/${op.names.docFile}.md) |`);
    expect(readme).not.toContain('second line\n');
  });

  test('inlineText escapes what Markdown would read as structure', () => {
    expect(inlineText('a | b')).toBe('a \\| b');
    expect(inlineText('[x](y)')).toBe('\\[x\\](y)');
    expect(inlineText('`x`')).toBe('\\`x\\`');
    expect(inlineText('<b>&')).toBe('&#60;b&#62;&#38;');
    expect(inlineText('one\ntwo')).toBe('one two');
  });

  test('refuses a package name that npm would refuse', () => {
    expect(() => packageReadme(api, { ...PKG, name: 'Bad Name`' })).toThrow(/not a valid npm package name/);
  });

  test('the manifest carries the version and the spec it was made from', () => {
    const manifest = JSON.parse(packageJson(api, PKG));
    expect(manifest).toMatchObject({ name: '@utdk/stripe', version: '1.2.3', stripe: { apiVersion: api.apiVersion, specSha256: api.specSha256 } });
  });
});

describe('the changelog', () => {
  test('starts with one entry for the first version', async () => {
    const api = await model({ resources: ['identity.verification_sessions'] });
    expect(initialChangelog(api, { name: 'x', version: '0.1.0' })).toBe(
      `# Changelog\n\n## 0.1.0\n\n- Generated from the ${api.title}, version ${api.apiVersion} (spec sha256 \`${api.specSha256.slice(0, 12)}\`).\n`,
    );
  });

  test('gets each new entry on top, under the title', () => {
    const first = `# Changelog\n\n${changelogEntry({ version: '0.1.0', lines: ['First.'] })}`;
    const second = prependEntry(first, { version: '0.2.0', date: '2026-01-02', lines: ['Second.', 'Also.'] });
    expect(second).toBe('# Changelog\n\n## 0.2.0 (2026-01-02)\n\n- Second.\n- Also.\n\n## 0.1.0\n\n- First.\n');
    expect(prependEntry(undefined, { version: '1.0.0', lines: ['Only.'] })).toBe('# Changelog\n\n## 1.0.0\n\n- Only.\n');
    expect(prependEntry('## 0.0.1\n\n- Untitled.\n', { version: '0.0.2', lines: ['Next.'] })).toBe('# Changelog\n\n## 0.0.2\n\n- Next.\n\n## 0.0.1\n\n- Untitled.\n');
  });
});
