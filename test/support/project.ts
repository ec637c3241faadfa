import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec } from '../../generator/load/load-spec.js';
import { buildModel, type BuildOptions } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_SPECS = path.resolve(ROOT, '../shared/stripe-openapi');

const specs = new Map<string, Promise<LoadedSpec>>();

/** The default (pinned) spec, or one of the shared Stripe specs by file name; parsed once per worker. */
export function spec(fileName?: string): Promise<LoadedSpec> {
  const key = fileName ?? 'pinned';
  let loaded = specs.get(key);
  if (!loaded) {
    loaded = loadSpec({ spec: fileName ? path.join(SHARED_SPECS, fileName) : undefined, pinFile: path.join(ROOT, 'spec/pin.json'), projectRoot: ROOT });
    specs.set(key, loaded);
  }
  return loaded;
}

export async function model(options: Omit<BuildOptions, 'specSha256'>, fileName?: string): Promise<ApiModel> {
  const loaded = await spec(fileName);
  return buildModel(loaded.document, { ...options, specSha256: loaded.sha256 });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sdkgen-${prefix}-`));
}

/** Runs the built CLI as a user would; never throws on a non-zero exit. */
export function sdkgen(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/sdkgen.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with a hash of its content: what "left as it was" is checked against. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/**
 * Lines over 120 columns in the TypeScript sdkgen writes under `srcDir`, as `file:line`. The runtime
 * (`runtime/`) is the compiler's output from hand-written sources and is left out, and so is a
 * comment line that holds one word only (a long link cannot be broken).
 */
export function overlongLines(srcDir: string): string[] {
  const out: string[] = [];
  for (const file of fs.readdirSync(srcDir, { recursive: true }).map(String).sort()) {
    if (!file.endsWith('.ts') || file.split(path.sep)[0] === 'runtime') continue;
    fs.readFileSync(path.join(srcDir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.length > 120 && !/^\s*\* \S+$/.test(line)) out.push(`${file}:${i + 1}`);
      });
  }
  return out;
}
