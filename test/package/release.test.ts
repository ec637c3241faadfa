import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SHARED_SPECS, treeHashes } from '../support/project.js';
import { generateInto, ROOT, tempDir } from './support.js';

// Consecutive Stripe releases in which identity.verification_session changed (see ../shared/stripe-openapi).
const OLD_SPEC = path.join(SHARED_SPECS, 'spec3.v298.yaml');
const NEW_SPEC = path.join(SHARED_SPECS, 'spec3.v301.yaml');
const NEW_SHA = '8ed749282cbd6d324dc291a8d5d98092b1e33975b73ae51a64ad26451ed7a2c7';

/** `npm run release -- ...` with the checkout's config, always on a temporary package folder. */
function release(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'release.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run release', () => {
  let work: string;
  let out: string;

  beforeAll(() => {
    work = tempDir('release');
    out = path.join(work, 'generated');
    generateInto(out, ['--spec', OLD_SPEC]);
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('--dry-run does everything and writes nothing', () => {
    const before = treeHashes(work);
    const result = release(['--spec', NEW_SPEC, '--from', OLD_SPEC, '--out', out, '--pack-destination', work, '--dry-run']);
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.status).toBe(0);
    expect(treeHashes(work)).toEqual(before);
    expect(result.stdout).toContain('@utdk/stripe 0.1.0 → 1.0.0 (major; the spec diff suggests major');
    expect(result.stdout).toContain('publint: All good!');
    expect(result.stdout).toMatch(/^attw: \.: no problems \(node10, node16-cjs, node16-esm, bundler\)$/m);
    expect(result.stdout).toMatch(/^ {2}- .*Identity\.VerificationSession\.options.*\| null`$/m);
    expect(result.stdout).toContain('dry run: nothing was written');
  });

  test('a --bump below the diff\'s suggestion is used, with a warning', () => {
    const result = release(['--spec', NEW_SPEC, '--from', OLD_SPEC, '--out', out, '--bump', 'patch', '--dry-run', '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: the spec diff calls for a major release \(\d+ breaking\); releasing patch as asked/);
    expect(JSON.parse(result.stdout)).toMatchObject({ previousVersion: '0.1.0', version: '0.1.1', bump: 'patch', suggestedBump: 'major' });
  });

  test('refuses an older spec unless --allow-downgrade, before anything is built or written', () => {
    const before = treeHashes(work);
    const older = path.join(SHARED_SPECS, 'spec3.v127.json');
    const refused = release(['--spec', older, '--from', OLD_SPEC, '--out', out, '--dry-run']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*spec3\.v127\.json: refusing to update to an older spec: its API version \S+ is older than the package's 2022-11-15 .*; pass --allow-downgrade to go back to it on purpose$/m);
    expect(refused.stderr).not.toMatch(/release: (building|publint)/);
    expect(treeHashes(work)).toEqual(before);
  });

  test('refuses without the spec the package was made from, and when the spec has not changed', () => {
    const before = treeHashes(work);
    // The package is not generated from the pinned spec, so the pin cannot stand in for --from.
    const noFrom = release(['--spec', NEW_SPEC, '--out', out, '--dry-run']);
    expect(noFrom.status).toBe(1);
    expect(noFrom.stderr).toMatch(/error: .*the package was made from spec sha256/);
    expect(noFrom.stderr).toMatch(/hint: pass --from/);
    const same = release(['--spec', OLD_SPEC, '--from', OLD_SPEC, '--out', out, '--dry-run']);
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/error: .*already generated from this spec \(version 0\.1\.0\): nothing to release/);
    expect(treeHashes(work)).toEqual(before);
  });

  test('with an unchanged spec and --bump, releases a regeneration', () => {
    const result = release(['--spec', OLD_SPEC, '--from', OLD_SPEC, '--out', out, '--bump', 'patch', '--dry-run', '--json']);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { version: string; entry: { lines: string[] } };
    expect(summary.version).toBe('0.1.1');
    expect(summary.entry.lines).toEqual(['Regenerated from the same spec (sha256 `7e2c5846c7b1`); the changes come from sdkgen.']);
  });

  test('regenerates, bumps the version, writes the changelog entry, builds and packs', () => {
    const result = release(['--spec', NEW_SPEC, '--from', OLD_SPEC, '--out', out, '--pack-destination', work, '--date', '2026-01-02', '--json']);
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { version: string; tarball: string; packed: { files: string[] } };
    expect(summary).toMatchObject({ version: '1.0.0', bump: 'major', tarball: path.join(work, 'utdk-stripe-1.0.0.tgz') });

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ version: '1.0.0', stripe: { specSha256: NEW_SHA } });
    expect(fs.readFileSync(path.join(out, 'src', 'client.ts'), 'utf8')).toContain("packageVersion: '1.0.0'");
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('Version 1.0.0,');
    const changelog = fs.readFileSync(path.join(out, 'CHANGELOG.md'), 'utf8');
    // The entry `sdkgen update` writes: the spec, then the diff's bullets.
    expect(changelog).toMatch(/^# Changelog\n\n## 1\.0\.0 \(2026-01-02\)\n\n- Regenerated from the spec with sha256 `8ed749282cbd` \(API version `2022-11-15`\); previously `7e2c5846c7b1`\.\n/);
    expect(changelog).toMatch(/Identity\.VerificationSession\.options.*\| null`$/m);
    expect(changelog.indexOf('## 1.0.0')).toBeLessThan(changelog.indexOf('## 0.1.0'));

    // The built output is the one that was checked and packed.
    expect(fs.existsSync(path.join(out, 'dist', 'esm', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'dist', 'cjs', 'index.js'))).toBe(true);
    expect(fs.existsSync(summary.tarball)).toBe(true);
    const packedManifest = spawnSync('tar', ['-xzOf', summary.tarball, 'package/package.json'], { encoding: 'utf8' });
    expect(JSON.parse(packedManifest.stdout)).toMatchObject({ name: '@utdk/stripe', version: '1.0.0' });
    expect(summary.packed.files).toContain('dist/cjs/index.d.ts');
    expect(summary.packed.files.some((file) => file.startsWith('src/'))).toBe(false);
  });
});
