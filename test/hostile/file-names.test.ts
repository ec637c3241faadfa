import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { FolderNames, MAX_FILE_NAME_BYTES, PathNames, safeFileName } from '../../generator/text/file-name.js';
import { ROOT, sdkgen, tempDir, treeHashes } from '../support/project.js';

const SPECS = path.join(ROOT, 'test/hostile/specs');
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** What a file name must be to mean the same on Linux, macOS and Windows. */
function expectPortable(name: string): void {
  expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(name).not.toMatch(DEVICE);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
}

describe('safeFileName', () => {
  const hostile = [
    '../../../../tmp/x',
    '/etc/passwd',
    'C:\\Windows\\system32',
    '..',
    '.hidden',
    'trailing. ',
    'CON',
    'con.txt',
    'Lpt9',
    'COM1.md',
    'a<b>c:d"e|f?g*h',
    'Post\u202eThings',
    'Post\u2066Things\u2069',
    'Post\u200bThings',
    'Post\u200eThings\u200f',
    'Post\ufeffThings',
    'Post\u0000\u001b\u007fThings',
    'PostThings😀',
    'Ｐｏｓｔ',
    '',
    'x'.repeat(5000),
    '😀'.repeat(300),
  ];

  it('maps every hostile name to a portable file name', () => {
    for (const name of hostile) expectPortable(safeFileName(name));
  });

  it('keeps plain names as they are, so Stripe’s pages keep their names', () => {
    for (const name of ['PostIdentityVerificationSessions', 'GetAccountsAccountBankAccountsId', 'post_things-2']) expect(safeFileName(name)).toBe(name);
  });

  it('keeps names apart that differ only in what it replaced or cut, and is deterministic', () => {
    const names = ['PostThings', 'PostThings😀', 'Post*/Things', 'Post/*Things', 'Post\u202eThings', 'Post\u200bThings', 'Post_Things', 'x'.repeat(500), `${'x'.repeat(500)}y`];
    const mapped = names.map(safeFileName);
    expect(new Set(mapped).size).toBe(names.length);
    expect(names.map(safeFileName)).toEqual(mapped);
  });

  it('FolderNames: unique where case does not count, in claim order; a reserved name is never given', () => {
    const folder = new FolderNames();
    folder.reserve('README');
    expect(['Things', 'THINGS', 'things', 'readme', 'Things'].map((n) => folder.claim(n))).toEqual(['Things', 'THINGS-2', 'things-3', 'readme-2', 'Things']);
    expect(folder.claim('Things', '.ts')).toBe('Things.ts');
  });

  it('PathNames: a folder and a file of the same name can sit side by side; case collisions are numbered per folder', () => {
    const paths = new PathNames();
    expect(paths.claim(['types', 'Identity'], '.ts')).toBe('types/Identity.ts');
    expect(paths.claim(['types', 'Identity', 'Session'], '.ts')).toBe('types/Identity/Session.ts');
    expect(paths.claim(['types', 'IDENTITY', 'Session'], '.ts')).toBe('types/IDENTITY-2/Session.ts');
    expect(paths.claim(['types', 'Con'], '.ts')).toBe('types/Con_.ts');
  });
});

describe('hostile names from a spec reach the file system only as safe file names', () => {
  const files = fs.readdirSync(SPECS).filter((f) => f.startsWith('fs-'));

  it.each(files)('%s: --all generates, writes nothing outside --out, every path is portable and unique, and compiles under strict', (file) => {
    const parent = tempDir('fs-names');
    // A sibling that a path climbing out of --out would land in.
    fs.mkdirSync(path.join(parent, 'tmp'));
    const out = path.join(parent, 'out');
    const result = sdkgen(['generate', '--spec', path.join(SPECS, file), '--all', '--out', out], { env: { SDKGEN_CACHE_DIR: tempDir('fs-names-cache') } });
    expect(result.stderr).toMatch(/^wrote \d+ files/);
    expect(result.status).toBe(0);
    expect(fs.readdirSync(parent).sort()).toEqual(['out', 'tmp']);
    expect(fs.readdirSync(path.join(parent, 'tmp'))).toEqual([]);

    const written = Object.keys(treeHashes(out));
    const lower = new Set(written.map((f) => f.toLowerCase()));
    expect(lower.size).toBe(written.length);
    for (const relative of written) {
      if (relative.startsWith('src/runtime/')) continue;
      for (const segment of relative.split('/').slice(0, -1)) expectPortable(segment);
      const base = path.basename(relative).replace(/\.(md|html|ts|json|mjs|css|js)$/, '');
      if (relative !== '.sdkgen-manifest.json') expectPortable(base);
    }
    // Every operation has its pages, and the indexes link to files that exist.
    const spec = yaml.load(fs.readFileSync(path.join(SPECS, file), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(written.filter((f) => /^docs\/[^/]+\.md$/.test(f) && !['docs/README.md', 'docs/webhooks.md'].includes(f))).toHaveLength(operations);
    expect(written.filter((f) => /^docs\/[^/]+\.html$/.test(f) && !['docs/index.html', 'docs/webhooks.html'].includes(f))).toHaveLength(operations);
    for (const link of fs.readFileSync(path.join(out, 'docs/README.md'), 'utf8').matchAll(/\]\(([^)]+\.md)\)/g)) {
      expect(fs.existsSync(path.join(out, 'docs', link[1]!)), link[1]).toBe(true);
    }
    for (const link of fs.readFileSync(path.join(out, 'docs/index.html'), 'utf8').matchAll(/href="([^"#:]+\.html)"/g)) {
      expect(fs.existsSync(path.join(out, 'docs', link[1]!)), link[1]).toBe(true);
    }

    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(out, 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('operationIds that give one identifier get distinct flat functions and methods, numbered in operationId order', () => {
    const out = path.join(tempDir('fs-flat'), 'out');
    const result = sdkgen(['generate', '--spec', path.join(SPECS, 'fs-operation-ids.json'), '--all', '--out', out], { env: { SDKGEN_CACHE_DIR: tempDir('fs-flat-cache') } });
    expect(result.status, result.stderr).toBe(0);
    const resource = fs.readFileSync(path.join(out, 'src/resources/Things.ts'), 'utf8');
    const flat = [...resource.matchAll(/^export const (\w+):/gm)].map((m) => m[1]);
    expect(new Set(flat).size).toBe(flat.length);
    // The plain `PostThings` keeps the plain name; `Post*/Things`, `PostThings😀`, ... are numbered.
    // The declaration may wrap after `=` (lines end by column 120).
    expect(resource).toMatch(/^export const postThings: OperationFunction<[^\n]*(?:=\n[^\n]*)?'\/v1\/things',/m);
    expect(flat).toEqual(expect.arrayContaining(['postThings', 'postThings2', 'postThings3']));
  });
});
