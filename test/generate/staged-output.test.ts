import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, StagedOutput } from '../../generator/output/write-output.js';
import { tempDir, treeHashes } from '../support/project.js';

const siblings = (out: string) => fs.readdirSync(path.dirname(out)).sort();

describe('StagedOutput: writing starts early, the swap is all or nothing', () => {
  it('holds exactly the final files: early ones, late ones, none that were dropped; files it did not write stay', async () => {
    const out = path.join(tempDir('staged'), 'out');
    fs.mkdirSync(path.join(out, 'node_modules/x'), { recursive: true });
    fs.writeFileSync(path.join(out, 'node_modules/x/keep.js'), 'kept');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    await new StagedOutput(out).finish(new Map([['docs/old.md', 'previous generation'], ['src/changed.ts', 'zero']]));
    const staged = new StagedOutput(out);
    staged.add('docs/a.md', 'A');
    staged.add('docs/dropped.md', 'gone');
    staged.add('src/changed.ts', 'first');
    await staged.finish(new Map([['docs/a.md', 'A'], ['src/changed.ts', 'second'], ['src/late.ts', 'L']]));
    expect(fs.readFileSync(path.join(out, 'src/changed.ts'), 'utf8')).toBe('second');
    expect(fs.readFileSync(path.join(out, 'src/late.ts'), 'utf8')).toBe('L');
    expect(Object.keys(treeHashes(out)).sort()).toEqual([MANIFEST_FILE, 'docs/a.md', 'node_modules/x/keep.js', 'notes.txt', 'src/changed.ts', 'src/late.ts']);
    expect(JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).files).toEqual(['docs/a.md', 'src/changed.ts', 'src/late.ts']);
    expect(siblings(out)).toEqual(['out']);
  });

  it('abandoned after files were added, leaves the old output as it was and no staging folder', async () => {
    const out = path.join(tempDir('staged-abandon'), 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.ts'), 'old');
    const before = treeHashes(out);
    const staged = new StagedOutput(out);
    for (let i = 0; i < 100; i++) staged.add(`docs/${i}.md`, String(i));
    await staged.abandon();
    expect(treeHashes(out)).toEqual(before);
    expect(siblings(out)).toEqual(['out']);
  });

  it('a write that fails fails the finish with the folder named, and changes nothing', async () => {
    const out = path.join(tempDir('staged-fail'), 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.ts'), 'old');
    const before = treeHashes(out);
    const staged = new StagedOutput(out);
    staged.add('a.md', 'A');
    // A file where the next one needs a folder: the write cannot succeed.
    await expect(staged.finish(new Map([['a.md', 'A'], ['a.md/b.md', 'B']]))).rejects.toThrow(/could not write the output/);
    expect(treeHashes(out)).toEqual(before);
    expect(siblings(out)).toEqual(['out']);
  });
});

describe('StagedOutput writes only inside the output folder', () => {
  const hostile = ['../escaped.md', 'docs/../../escaped.md', '/tmp/sdkgen-absolute.md', 'C:\\escaped.md', 'docs\\..\\..\\escaped.md', 'docs//x.md', './x.md', ''];

  it.each(hostile)('refuses %j with one error naming it, and writes nothing anywhere', async (relative) => {
    const parent = tempDir('staged-escape');
    const out = path.join(parent, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.ts'), 'old');
    const before = treeHashes(parent);
    const staged = new StagedOutput(out);
    staged.add('docs/a.md', 'A');
    const error = await staged.finish(new Map([['docs/a.md', 'A'], [relative, 'evil']])).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message.startsWith(`refusing to write ${JSON.stringify(relative)}: `)).toBe(true);
    expect(error?.message.split('\n')).toHaveLength(1);
    expect(treeHashes(parent)).toEqual(before);
    expect(siblings(out)).toEqual(['out']);
    expect(fs.existsSync('/tmp/sdkgen-absolute.md')).toBe(false);
  });

  it('refuses a path added early too, before it is written', () => {
    const staged = new StagedOutput(path.join(tempDir('staged-early'), 'out'));
    expect(() => staged.add('../../x.md', 'evil')).toThrow(/refusing to write "..\/..\/x.md"/);
  });

  it('refuses to write through a symbolic link inside the output folder, and changes nothing', async () => {
    const parent = tempDir('staged-symlink');
    const outside = path.join(parent, 'outside');
    fs.mkdirSync(outside);
    const out = path.join(parent, 'out');
    fs.mkdirSync(out);
    fs.symlinkSync(outside, path.join(out, 'docs'));
    const before = treeHashes(outside);
    await expect(new StagedOutput(out).finish(new Map([['docs/a.md', 'A'], ['index.ts', 'I']]))).rejects.toThrow(/refusing to write "docs\/a.md": "docs" is a symbolic link/);
    expect(treeHashes(outside)).toEqual(before);
    expect(fs.readdirSync(out)).toEqual(['docs']);
    expect(siblings(out)).toEqual(['out', 'outside']);
  });

  it('ignores manifest entries that point outside the folder: an edited manifest cannot make it delete elsewhere', async () => {
    const parent = tempDir('staged-manifest');
    const out = path.join(parent, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(parent, 'precious.txt'), 'keep');
    fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify({ files: ['../precious.txt', '/etc/hostname', 'old.md'] }));
    fs.writeFileSync(path.join(out, 'old.md'), 'generated before');
    await new StagedOutput(out).finish(new Map([['new.md', 'N']]));
    expect(fs.readFileSync(path.join(parent, 'precious.txt'), 'utf8')).toBe('keep');
    expect(fs.readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'new.md']);
  });
});
