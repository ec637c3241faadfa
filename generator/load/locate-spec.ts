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
    throw new SdkgenError(`cannot read the spec: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      where: file,
      hint: 'pass --spec with a path to an OpenAPI 3 JSON or YAML file, or an http(s) URL',
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
    throw new SdkgenError(`the pinned spec (sha256 ${pin.sha256}) is not on this machine and could not be downloaded`, {
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

async function download(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new SdkgenError(`cannot download the spec: ${(error as Error).message}`, { where: url, cause: error });
  }
  if (!response.ok) throw new SdkgenError(`cannot download the spec: HTTP ${response.status}`, { where: url });
  if (Number(response.headers.get('content-length') ?? 0) > PARSE_LIMITS.maxBytes) throw tooLarge(url);
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
