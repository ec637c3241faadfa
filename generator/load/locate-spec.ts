import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../errors.js';
import { PARSE_LIMITS } from './parse-limits.js';
import { cacheDir, writeCacheFile } from './cache-dir.js';

export interface SpecPin {
  name?: string;
  url: string;
  sha256: string;
  fileName: string;
  mirrors?: string[];
}

export interface SpecBytes {
  /** Where the bytes came from, for messages: a path or a URL. */
  origin: string;
  bytes: Buffer;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Reads a spec given on the command line: a file path or an http(s) URL. */
export async function readSpecSource(source: string, cwd = process.cwd()): Promise<SpecBytes> {
  if (isUrl(source)) {
    const bytes = await download(source);
    return { origin: source, bytes, sha256: sha256(bytes) };
  }
  const file = path.resolve(cwd, source);
  let bytes: Buffer;
  try {
    bytes = readBounded(file);
  } catch (error) {
    if (error instanceof SdkgenError) throw error;
    throw new SdkgenError(`cannot read the spec: ${readProblem(error)}`, {
      where: file,
      // Worded for every command: generate takes the spec as --spec, diff as positional arguments.
      hint: `a spec is an OpenAPI 3 JSON or YAML file (a relative path is resolved from ${cwd}) or an http(s) URL`,
    });
  }
  return { origin: file, bytes, sha256: sha256(bytes) };
}

/**
 * Finds the pinned spec: the cache first, then local mirrors, then the pinned URL (saved to the cache).
 * Every candidate must match the pinned sha256, so a stale or edited copy is never used silently.
 */
export async function readPinnedSpec(pin: SpecPin, projectRoot: string): Promise<SpecBytes> {
  const cached = cacheDir('specs', `${pin.sha256}${path.extname(pin.fileName) || '.yaml'}`);
  const dirs = [
    ...(process.env.SDKGEN_SPEC_DIRS ?? '').split(path.delimiter).filter(Boolean),
    ...(pin.mirrors ?? []).map((dir) => path.resolve(projectRoot, dir)),
  ];
  const candidates = [cached, ...dirs.map((dir) => path.join(dir, pin.fileName))];
  const mismatches: string[] = [];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    const actual = sha256(bytes);
    if (actual === pin.sha256) return { origin: file, bytes, sha256: actual };
    mismatches.push(`${file} has sha256 ${actual}`);
  }
  let bytes: Buffer;
  try {
    bytes = await download(pin.url);
  } catch (error) {
    throw new SdkgenError(`the pinned spec (sha256 ${pin.sha256.slice(0, 12)}…) is not on this machine and could not be downloaded (${(error as Error).message})`, {
      where: pin.url,
      cause: error,
      hint: [
        `pass --spec FILE|URL, or put the file at ${cached}`,
        `or in a folder named by SDKGEN_SPEC_DIRS as ${pin.fileName}`,
        ...mismatches.map((m) => `(refused ${m})`),
      ].join('; '),
    });
  }
  const actual = sha256(bytes);
  if (actual !== pin.sha256) {
    throw new SdkgenError(`downloaded spec has sha256 ${actual}, the pin says ${pin.sha256}`, { where: pin.url });
  }
  writeCacheFile(cached, bytes);
  return { origin: pin.url, bytes, sha256: actual };
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file (ENOENT)';
  if (code === 'EISDIR') return 'it is a folder, not a file (EISDIR)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  return code ?? String(error);
}

const OFFLINE_HINT =
  'save the spec where there is network and pass the file\'s path instead of the URL; a copy of the pinned spec is also found in a folder named by SDKGEN_SPEC_DIRS (see spec/README.md)';

async function download(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new SdkgenError(`cannot download the spec: ${networkProblem(error)}`, { where: url, cause: error, hint: OFFLINE_HINT });
  }
  if (!response.ok) throw new SdkgenError(`cannot download the spec: HTTP ${response.status}`, { where: url, hint: OFFLINE_HINT });
  if (Number(response.headers.get('content-length') ?? 0) > PARSE_LIMITS.maxBytes) throw tooLarge(url);
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.length;
      if (size > PARSE_LIMITS.maxBytes) {
        await reader!.cancel();
        throw tooLarge(url);
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof SdkgenError) throw error;
    throw new SdkgenError(`cannot download the spec: ${networkProblem(error)}`, { where: url, cause: error, hint: OFFLINE_HINT });
  }
}

/** Why a download failed, in words: fetch's own message is only "fetch failed", the reason is in its cause. */
function networkProblem(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string; hostname?: string } };
  if (err.name === 'TimeoutError') return 'no answer within 60 s';
  const cause = err.cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name does not resolve (${cause.code}): no network, or a wrong host`;
    case 'ECONNREFUSED':
      return 'the connection was refused (ECONNREFUSED): nothing listens there';
    case 'ECONNRESET':
      return 'the connection was reset (ECONNRESET)';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `the connection timed out (${cause.code})`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `the network is unreachable (${cause.code})`;
  }
  if (cause?.message) return `${err.message ?? 'fetch failed'}: ${cause.code ? `${cause.code}, ` : ''}${cause.message}`;
  return err.message ?? String(error);
}

/**
 * A spec file, read no further than the size limit: `--spec /dev/zero` or a huge file stops at once.
 * (A file's reported size is not enough: a device or a pipe reports none.)
 */
function readBounded(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, size);
      size += read;
      if (size > PARSE_LIMITS.maxBytes) throw tooLarge(file);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(where: string): SdkgenError {
  return new SdkgenError(`the spec is larger than the ${PARSE_LIMITS.maxBytes / 1024 / 1024} MB sdkgen reads`, { where });
}
