import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

export { ROOT, tempDir };

/** The TypeScript sdkgen is developed with: the generated package's build is run with it. */
export const TYPESCRIPT_DIR = path.join(ROOT, 'node_modules', 'typescript');
export const TSC = path.join(TYPESCRIPT_DIR, 'bin', 'tsc');
export const ATTW = path.join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

/** Generates the default selection (or `args`) into `dir` with the CLI, as a user would. */
export function generateInto(dir: string, args: string[] = []): void {
  const result = sdkgen(['generate', '--out', dir, ...args]);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.status).toBe(0);
}

/** Runs the generated package's own build script. */
export function buildPackage(dir: string): void {
  execFileSync(process.execPath, [path.join(dir, 'build.mjs'), '--typescript', TYPESCRIPT_DIR], { stdio: 'pipe' });
}

/**
 * An environment for npm and the tools it starts: a private cache (nothing is fetched, nothing of
 * the user's is touched), and NODE_PATH so the package's `prepack` build finds TypeScript.
 */
export function npmEnv(cacheDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_PATH: path.join(ROOT, 'node_modules'),
    npm_config_cache: cacheDir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
}

const execFileAsync = promisify(execFile);

/** Runs a command without blocking the event loop (a local server in this process must answer it). */
export async function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(file, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

export interface PackResult {
  tarball: string;
  files: string[];
}

/** `npm pack` of a built package into `destination`; scripts are skipped, so it packs what is there. */
export async function pack(dir: string, destination: string, env: NodeJS.ProcessEnv): Promise<PackResult> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: dir, env });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(destination, info!.filename), files: info!.files.map((f) => f.path).sort() };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A VerificationSession as the API returns it, trimmed. */
export const SESSION = {
  id: 'vs_123',
  object: 'identity.verification_session',
  client_secret: 'vs_123_secret_test',
  created: 1695000000,
  livemode: false,
  metadata: {},
  status: 'requires_input',
  type: 'document',
  url: 'https://verify.stripe.com/start/test_123',
};

/** A local Stripe stand-in on 127.0.0.1 that records every request and answers with `SESSION`. */
export interface PackageTestServer {
  url: string;
  requests: ReceivedRequest[];
  /** What to answer instead of `SESSION`, while set. */
  respondWith: ((request: ReceivedRequest) => unknown) | undefined;
  close: () => Promise<void>;
}

/** A local stand-in for api.stripe.com: records each request, answers `SESSION` (or `respondWith`). */
export async function startServer(): Promise<PackageTestServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
      res.end(JSON.stringify(handle.respondWith?.(request) ?? SESSION));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: PackageTestServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return handle;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}
