// How much of the generated package a bundler keeps for one call: esbuild bundles an entry that
// imports only the runtime core and one operation function from the package's ES module build
// (resolved through its `exports` map, as an app's bundler would), minifies it, and gzips it.
//
//   node bench/bundle-size.mjs [--package DIR] [--operation NAME] [--no-build] [--json]
//
// `bundleSize()` is the same measurement for other scripts and tests.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The budget for one create call, gzipped. */
export const TARGET_GZIP_BYTES = 4 * 1024;

/**
 * Bundles `operation` with `ClientCore` alone. The entry exports `call(config, params)`, so the
 * bundle is a working client for that one operation (a test runs it against a local server).
 *
 * @param {{ packageDir?: string, operation?: string, build?: boolean }} [options] the package folder
 *   (default: generated/), the operation function, and whether to run the package's build first
 *   (default: yes, so the measurement is of the current sources)
 * @returns {Promise<{ operation: string, minified: number, gzipped: number, target: number, code: string, inputs: Record<string, number> }>}
 */
export async function bundleSize(options = {}) {
  const packageDir = path.resolve(options.packageDir ?? path.join(ROOT, 'generated'));
  const operation = options.operation ?? 'postIdentityVerificationSessions';
  const manifestFile = path.join(packageDir, 'package.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no generated package at ${packageDir}: run \`npm run generate\` first, or pass --package DIR`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (!/^[A-Za-z_$][\w$]*$/.test(operation)) throw new Error(`not an operation name: ${operation}`);
  if (options.build !== false) buildPackage(packageDir);

  // A throwaway app folder whose node_modules links to the package, so its exports map is used.
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-bundle-'));
  try {
    const link = path.join(app, 'node_modules', ...manifest.name.split('/'));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(packageDir, link, 'dir');
    const entry = [
      `import { API_VERSION, ClientCore, ${operation} } from ${JSON.stringify(manifest.name)};`,
      '',
      'export function call(config, params) {',
      `  const core = new ClientCore(config, { apiVersion: API_VERSION, packageName: ${JSON.stringify(manifest.name)}, packageVersion: ${JSON.stringify(manifest.version)} });`,
      `  return ${operation}(core, params);`,
      '}',
      '',
    ].join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: app, sourcefile: 'entry.mjs', loader: 'js' },
      absWorkingDir: app,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      write: false,
      metafile: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    const output = Object.values(result.metafile.outputs)[0];
    const inputs = Object.fromEntries(
      Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [relativeInput(file, app, packageDir), bytesInOutput]),
    );
    return {
      operation,
      minified: Buffer.byteLength(code),
      gzipped: gzipSync(code, { level: 9 }).length,
      target: TARGET_GZIP_BYTES,
      code,
      inputs,
    };
  } finally {
    fs.rmSync(app, { recursive: true, force: true });
  }
}

/** The package's own build script, with the TypeScript sdkgen is developed with. */
function buildPackage(packageDir) {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  execFileSync(process.execPath, [path.join(packageDir, 'build.mjs'), '--typescript', typescript], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function relativeInput(file, app, packageDir) {
  const absolute = path.resolve(app, file);
  const real = fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute;
  return real.startsWith(fs.realpathSync(packageDir) + path.sep) ? path.relative(fs.realpathSync(packageDir), real) : path.basename(file);
}

/** Human-readable lines for a result. */
export function formatBundleSize(result) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;
  const verdict = result.gzipped <= result.target ? 'within' : 'OVER';
  const widest = Math.max(...Object.keys(result.inputs).map((name) => name.length));
  return [
    `bundle of ${result.operation} (ClientCore + one operation), esbuild --minify:`,
    `  minified  ${kb(result.minified)}`,
    `  gzipped   ${kb(result.gzipped)}  ${verdict} the ${result.target / 1024} KB target`,
    '  by input (minified bytes):',
    ...Object.entries(result.inputs)
      .filter(([, bytes]) => bytes > 0)
      .sort(([, a], [, b]) => b - a)
      .map(([name, bytes]) => `    ${name.padEnd(widest)}  ${bytes}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const result = await bundleSize({ packageDir: value('--package'), operation: value('--operation'), build: !args.includes('--no-build') });
  if (args.includes('--json')) {
    const { code, ...summary } = result;
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatBundleSize(result)}\n`);
  }
  if (result.gzipped > result.target) process.exitCode = 1;
}
