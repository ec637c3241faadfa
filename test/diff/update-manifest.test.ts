import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../generator/output/write-output.js';
import { SHARED_SPECS, sdkgen, tempDir, treeHashes } from '../support/project.js';
import { FIXTURES } from './support.js';

const OLD = path.join(FIXTURES, 'rules.old.yaml');
const NEW = path.join(FIXTURES, 'rules.new.yaml');

/** A user's things inside the output folder: a git repository, notes, an editor's folder. */
function addUserFiles(out: string): Record<string, string> {
  const files: Record<string, string> = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/objects/ab/cdef': 'blob',
    'NOTES.md': 'my notes\n',
    'docs/my-guide.md': 'a page I wrote beside the generated ones\n',
    'src/extra/helper.ts': 'export const mine = 1;\n',
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), content);
  }
  return files;
}

function expectUserFiles(out: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(content);
}

function manifest(out: string): string[] {
  return (JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { files: string[] }).files;
}

describe('generate and update replace only what a generation wrote', () => {
  it('update removes the dropped generated files and keeps .git, notes and the user’s own files, writing nothing outside', () => {
    const parent = tempDir('update-manifest');
    const out = path.join(parent, 'pkg');
    const cache = { SDKGEN_CACHE_DIR: tempDir('update-manifest-cache') };
    expect(sdkgen(['generate', '--spec', OLD, '--all', '--out', out], { env: cache }).status).toBe(0);
    const generated = manifest(out);
    expect(generated).toEqual([...generated].sort());
    expect(Object.keys(treeHashes(out)).sort()).toEqual([...generated, MANIFEST_FILE].sort());
    const user = addUserFiles(out);

    const dry = sdkgen(['update', '--from', OLD, '--spec', NEW, '--all', '--out', out, '--dry-run', '--date', '2024-02-01'], { env: cache });
    expect(dry.status, dry.stderr).toBe(0);
    const listedRemoved = [...dry.stdout.matchAll(/^removed +(\S+)$/gm)].map((m) => m[1]!);

    const result = sdkgen(['update', '--from', OLD, '--spec', NEW, '--all', '--out', out, '--date', '2024-02-01'], { env: cache });
    expect(result.status, result.stderr).toBe(0);
    expectUserFiles(out, user);
    const now = manifest(out);
    // The new spec drops the Gadget resource: its generated files go, and are what the dry run listed.
    const dropped = generated.filter((f) => !now.includes(f));
    expect(dropped.some((f) => /Gadget/.test(f))).toBe(true);
    expect(listedRemoved.sort()).toEqual(dropped.sort());
    for (const file of dropped) expect(fs.existsSync(path.join(out, file)), file).toBe(false);
    expect(Object.keys(treeHashes(out)).sort()).toEqual([...now, MANIFEST_FILE, ...Object.keys(user)].sort());
    expect(fs.readdirSync(parent)).toEqual(['pkg']);
  });

  it('generate --out . in a repository keeps the repository and files it did not write', () => {
    const repo = path.join(tempDir('generate-here'), 'repo');
    fs.mkdirSync(repo);
    const user = addUserFiles(repo);
    const cache = { SDKGEN_CACHE_DIR: tempDir('generate-here-cache') };
    const first = sdkgen(['generate', '--spec', OLD, '--all', '--out', '.'], { cwd: repo, env: cache });
    expect(first.status, first.stderr).toBe(0);
    expectUserFiles(repo, user);
    // Another selection drops files: only generated ones go.
    const second = sdkgen(['generate', '--spec', NEW, '--operations', 'GetWidgets', '--out', '.'], { cwd: repo, env: cache });
    expect(second.status, second.stderr).toBe(0);
    expectUserFiles(repo, user);
    expect(Object.keys(treeHashes(repo)).sort()).toEqual([...manifest(repo), MANIFEST_FILE, ...Object.keys(user)].sort());
    const check = sdkgen(['generate', '--spec', NEW, '--operations', 'GetWidgets', '--out', '.', '--check'], { cwd: repo, env: cache });
    expect(check.status, check.stderr).toBe(0);
  });
});

describe('a generated file never silently replaces one of the user’s', () => {
  it('generate --out . beside the user’s own README.md stops with one line and changes nothing', () => {
    const parent = tempDir('generate-clash');
    const repo = path.join(parent, 'repo');
    fs.mkdirSync(repo);
    const user = { ...addUserFiles(repo), 'README.md': '# My project\n' };
    fs.writeFileSync(path.join(repo, 'README.md'), user['README.md']);
    const before = treeHashes(parent);
    const result = sdkgen(['generate', '--spec', OLD, '--all', '--out', '.'], { cwd: repo, env: { SDKGEN_CACHE_DIR: tempDir('generate-clash-cache') } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: ${repo}: refusing to overwrite README.md: sdkgen did not write it (${MANIFEST_FILE} does not list it); move it away or choose another --out\n`);
    expect(treeHashes(parent)).toEqual(before);
  });

  it('a package generated before manifests (no manifest, its package.json names its spec) is regenerated in place', () => {
    const out = path.join(tempDir('legacy'), 'pkg');
    const cache = { SDKGEN_CACHE_DIR: tempDir('legacy-cache') };
    expect(sdkgen(['generate', '--spec', OLD, '--all', '--out', out], { env: cache }).status).toBe(0);
    fs.rmSync(path.join(out, MANIFEST_FILE));
    fs.appendFileSync(path.join(out, 'README.md'), 'an older generation wrote this line\n');
    const user = addUserFiles(out);
    const again = sdkgen(['generate', '--spec', OLD, '--all', '--out', out], { env: cache });
    expect(again.status, again.stderr).toBe(0);
    expectUserFiles(out, user);
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).not.toContain('an older generation');
    expect(manifest(out).length).toBeGreaterThan(0);
  });
});

describe('update refuses an older spec unless --allow-downgrade', () => {
  it('a package generated from v524, updated to v514 (same API version, older release): refused; with --allow-downgrade: done', () => {
    const out = path.join(tempDir('downgrade'), 'pkg');
    const cache = { SDKGEN_CACHE_DIR: tempDir('downgrade-cache') };
    expect(sdkgen(['generate', '--out', out], { env: cache }).status).toBe(0);
    const before = treeHashes(out);
    const older = path.join(SHARED_SPECS, 'spec3.v514.yaml');

    const refused = sdkgen(['update', '--spec', older, '--out', out], { env: cache });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `error: ${older}: refusing to update to an older spec: it is release v514 of API version 2023-08-16, older than the package's v524 (https://raw.githubusercontent.com/stripe/openapi/v524/openapi/spec3.yaml); pass --allow-downgrade to go back to it on purpose\n`,
    );
    expect(treeHashes(out)).toEqual(before);

    const allowed = sdkgen(['update', '--spec', older, '--out', out, '--allow-downgrade', '--date', '2024-02-01'], { env: cache });
    expect(allowed.status, allowed.stderr).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('0.1.1');
    expect(fs.readFileSync(path.join(out, 'CHANGELOG.md'), 'utf8')).toContain('## 0.1.1 (2024-02-01)');
  });

  it('an older API version is refused too (v298, 2022-11-15, after v524, 2023-08-16)', () => {
    const out = path.join(tempDir('downgrade-api'), 'pkg');
    const cache = { SDKGEN_CACHE_DIR: tempDir('downgrade-api-cache') };
    expect(sdkgen(['generate', '--out', out], { env: cache }).status).toBe(0);
    const refused = sdkgen(['update', '--spec', path.join(SHARED_SPECS, 'spec3.v298.yaml'), '--out', out, '--dry-run'], { env: cache });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*spec3\.v298\.yaml: refusing to update to an older spec: its API version 2022-11-15 is older than the package's 2023-08-16 \(.*\); pass --allow-downgrade to go back to it on purpose\n$/);
  });
});
