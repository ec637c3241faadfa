import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputsHash } from '../../scripts/build-inputs.mjs';
import { ROOT, tempDir } from '../support/project.js';

// sdkgen's build runs before every `npm run generate` and every test run; it is skipped when what it
// reads has not changed. Checked on a copy of the checkout, so the real dist/ is never touched.
describe("sdkgen's build, only when its sources changed", () => {
  const copy = () => {
    const dir = tempDir('build-skip');
    for (const name of ['generator', 'scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
  };
  const build = (dir: string) => {
    const result = spawnSync(process.execPath, [path.join(dir, 'scripts/build.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return { skipped: /up to date/.test(result.stderr), distInode: fs.statSync(path.join(dir, 'dist')).ino };
  };

  it('builds a fresh tree, skips an unchanged one, and builds again after a source file changes', () => {
    const dir = copy();
    try {
      const first = build(dir);
      expect(first.skipped).toBe(false);
      expect(fs.readFileSync(path.join(dir, 'dist/build-inputs.sha256'), 'utf8').trim()).toBe(buildInputsHash(dir));

      const second = build(dir);
      expect(second.skipped).toBe(true);
      expect(second.distInode).toBe(first.distInode);

      // A real change to a source the build compiles: the new build must carry it.
      const probe = `export const buildProbe = 'probe-${Date.now()}';\n`;
      fs.appendFileSync(path.join(dir, 'generator/runtime/errors.ts'), probe);
      const third = build(dir);
      expect(third.skipped).toBe(false);
      expect(third.distInode).not.toBe(first.distInode);
      expect(fs.readFileSync(path.join(dir, 'dist/runtime/errors.js'), 'utf8')).toContain(probe.trim());
      expect(build(dir).skipped).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hashes every input it names: a template, the lock file, a build script, a nested generator file', () => {
    const dir = tempDir('build-hash');
    try {
      const files = ['generator/model/types.ts', 'templates/package/tsconfig.json', 'scripts/build.mjs', 'package-lock.json', 'tsconfig.json'];
      for (const file of files) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), 'one');
      }
      fs.writeFileSync(path.join(dir, 'package.json'), '{}');
      const before = buildInputsHash(dir);
      expect(buildInputsHash(dir)).toBe(before);
      for (const file of files) {
        fs.writeFileSync(path.join(dir, file), 'two');
        expect(buildInputsHash(dir), file).not.toBe(before);
        fs.writeFileSync(path.join(dir, file), 'one');
        expect(buildInputsHash(dir)).toBe(before);
      }
      // A new file counts too, and so does a rename.
      fs.writeFileSync(path.join(dir, 'generator/new.ts'), '');
      expect(buildInputsHash(dir)).not.toBe(before);
      fs.renameSync(path.join(dir, 'generator/new.ts'), path.join(dir, 'generator/other.ts'));
      const renamed = buildInputsHash(dir);
      fs.renameSync(path.join(dir, 'generator/other.ts'), path.join(dir, 'generator/new.ts'));
      expect(buildInputsHash(dir)).not.toBe(renamed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
