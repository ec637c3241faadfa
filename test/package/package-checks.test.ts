import fs from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ATTW, buildPackage, generateInto, npmEnv, pack, run, tempDir, type PackResult } from './support.js';

// The generated package as the ecosystem's own checks see it: built, linted, packed.
describe('the generated package', () => {
  let work: string;
  let pkgDir: string;
  let packed: PackResult;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = tempDir('package-checks');
    pkgDir = path.join(work, 'pkg');
    env = npmEnv(path.join(work, 'npm-cache'));
    generateInto(pkgDir);
    buildPackage(pkgDir);
    packed = await pack(pkgDir, work, env);
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('builds ES modules and CommonJS, each with declarations, and marks each folder with its format', () => {
    for (const [dir, type] of [['esm', 'module'], ['cjs', 'commonjs']] as const) {
      for (const file of ['index.js', 'index.d.ts', 'client.js', 'client.d.ts', 'runtime/core.js', 'runtime/core.d.ts']) {
        expect(fs.existsSync(path.join(pkgDir, 'dist', dir, file)), `dist/${dir}/${file}`).toBe(true);
      }
      expect(JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', dir, 'package.json'), 'utf8'))).toEqual({ type });
    }
    expect(fs.readFileSync(path.join(pkgDir, 'dist/esm/index.js'), 'utf8')).toMatch(/^export default stripe;$/m);
    expect(fs.readFileSync(path.join(pkgDir, 'dist/cjs/index.js'), 'utf8')).toMatch(/^exports\.default = stripe;$/m);
  });

  test('has a manifest with exports (types first), no dependencies, and the fields users and tools read', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@utdk/stripe',
      license: 'MIT',
      type: 'module',
      sideEffects: false,
      engines: { node: expect.stringMatching(/^>=\d+/) },
      main: './dist/cjs/index.js',
      types: './dist/cjs/index.d.ts',
      scripts: { build: 'node build.mjs' },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.devDependencies)).toEqual(['typescript']);
    const root = manifest.exports['.'];
    expect(Object.keys(root)).toEqual(['import', 'require']);
    expect(Object.keys(root.import)).toEqual(['types', 'default']);
    expect(Object.keys(root.require)).toEqual(['types', 'default']);
    for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md']) expect(fs.existsSync(path.join(pkgDir, file)), file).toBe(true);
    expect(fs.readFileSync(path.join(pkgDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  test('passes publint with no errors or warnings', async () => {
    const { messages, pkg } = await publint({ pkgDir, pack: 'npm', level: 'suggestion' });
    const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    console.info(`publint: ${lines.length ? lines.join('\n') : 'All good!'}`);
    expect(lines.filter((line) => !line.startsWith('suggestion'))).toEqual([]);
  });

  test('passes attw --pack with no problems in any resolution mode', async () => {
    // `--pack` runs `npm pack` in the folder, so the package's prepack build runs too.
    const { stdout } = await run(process.execPath, [ATTW, '--pack', pkgDir, '--format', 'json'], { cwd: work, env });
    const report = JSON.parse(stdout) as { analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> }; problems: Record<string, unknown[]> };
    expect(report.problems).toEqual({});
    expect(Object.keys(report.analysis.entrypoints['.']!.resolutions).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
  });

  test('packs only what users need: builds, docs, README, changelog, licence', () => {
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^CHANGELOG\.md$/,
      /^LICENSE$/,
      /^dist\/(esm|cjs)\/package\.json$/,
      /^dist\/(esm|cjs)\/.+\.(js|d\.ts)$/,
      // The docs pages, in Markdown and HTML with the HTML pages' own assets.
      /^docs\/.+\.(md|html)$/,
      /^docs\/assets\/[^/]+\.(css|js)$/,
    ];
    expect(packed.files.filter((file) => !allowed.some((re) => re.test(file)))).toEqual([]);
    expect(packed.files.filter((file) => /(^|\/)(src|test|tests|spec)\//.test(file) || /\.(map|ts|tsbuildinfo)$/.test(file.replace(/\.d\.ts$/, '')))).toEqual([]);
    for (const file of packed.files.filter((f) => /\.(js|d\.ts|css|html)$/.test(f))) {
      expect(fs.readFileSync(path.join(pkgDir, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
    }
    expect(packed.files).toContain('dist/esm/index.d.ts');
    expect(packed.files).toContain('dist/cjs/index.d.ts');
    expect(packed.files).toContain('docs/README.md');
  });

  test('README links only to files that are packed', () => {
    const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => decodeURIComponent(m[1]!)).filter((t) => !/^[a-z]+:/.test(t));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) expect(packed.files, target).toContain(target);
  });
});
