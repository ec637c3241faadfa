// Bundles the generator's TypeScript into one ES module, so the CLI starts without a TS loader;
// compiles the client runtime that generated packages ship (dist/runtime/); and makes what every
// generation would otherwise work out again from sdkgen's own sources (dist/assets/).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildInputsHash, isBuildCurrent, STAMP_FILE } from './build-inputs.mjs';
import { compileRuntime } from './compile-runtime.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// `npm run generate` and the test suite build first; when nothing the build reads has changed since
// the last build, dist/ is already what it would make. `--force` builds anyway.
const inputsHash = buildInputsHash(root);
if (!process.argv.includes('--force') && isBuildCurrent(root, inputsHash)) {
  process.stderr.write('sdkgen build: dist/ is up to date with the sources, nothing to do (--force rebuilds)\n');
  process.exit(0);
}

// Built beside dist/ and swapped in, so stale chunks never linger and a concurrent run sees a whole bundle.
const staging = fs.mkdtempSync(path.join(root, '.dist-'));
await build({
  // The source worker is its own entry: the pipeline starts it by file name, beside the chunks.
  entryPoints: {
    cli: path.join(root, 'generator/cli/main.ts'),
    'source-worker': path.join(root, 'generator/pipeline/source-worker.ts'),
    'build-assets': path.join(root, 'generator/build-assets.ts'),
  },
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
try {
  compileRuntime(root, path.join(staging, 'runtime'));
  const { buildAssets } = await import(pathToFileURL(path.join(staging, 'build-assets.mjs')).href);
  fs.mkdirSync(path.join(staging, 'assets'));
  for (const [name, content] of buildAssets()) fs.writeFileSync(path.join(staging, 'assets', name), content);
  // Written last: a build that failed part-way leaves no stamp, so the next run builds again.
  fs.writeFileSync(path.join(staging, path.basename(STAMP_FILE)), `${inputsHash}\n`);
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const retired = `${staging}.old`;
if (fs.existsSync(path.join(root, 'dist'))) fs.renameSync(path.join(root, 'dist'), retired);
fs.renameSync(staging, path.join(root, 'dist'));
fs.rmSync(retired, { recursive: true, force: true });
