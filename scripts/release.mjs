#!/usr/bin/env node
// Releases the generated package by one command:
//
//   npm run release -- --spec NEW [--dry-run] [--bump major|minor|patch] [--out DIR]
//
// regenerates the package from NEW with the next version and a changelog entry, builds it, runs
// publint and attw, and writes the tarball beside the package folder. Publishing stays a separate,
// deliberate step: `npm publish <tarball>`. The release code is TypeScript (scripts/release/);
// it is bundled here the way scripts/build.mjs bundles the CLI, then run.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Inside the checkout (.cache/ is ignored), so the bundle's bare imports resolve from node_modules.
fs.mkdirSync(path.join(root, '.cache'), { recursive: true });
const dir = fs.mkdtempSync(path.join(root, '.cache', 'release-'));
let main;
try {
  const outfile = path.join(dir, 'release.mjs');
  await build({
    entryPoints: [path.join(root, 'scripts', 'release', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  ({ main } = await import(pathToFileURL(outfile).href));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = await main(process.argv.slice(2));
