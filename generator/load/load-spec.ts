import fs from 'node:fs';
import { SdkgenError } from '../errors.js';
import { readPinnedSpec, readSpecSource, type SpecBytes, type SpecPin } from './locate-spec.js';
import type { OpenApiDocument } from './openapi-types.js';
import { parseSpec } from './parse-spec.js';

export interface LoadedSpec {
  document: OpenApiDocument;
  origin: string;
  sha256: string;
}

/** The first stage: a spec path, URL, or the project's pin → a parsed, checked OpenAPI 3 document. */
export async function loadSpec(options: { spec?: string; pinFile: string; projectRoot: string; cache?: boolean }): Promise<LoadedSpec> {
  const bytes = await locateSpec(options);
  const document = parseSpec(bytes, { cache: options.cache ?? true });
  return { document, origin: bytes.origin, sha256: bytes.sha256 };
}

/** The spec's bytes, from `--spec` or the pin, not yet parsed. */
export async function locateSpec(options: { spec?: string; pinFile: string; projectRoot: string }): Promise<SpecBytes> {
  return options.spec ? readSpecSource(options.spec) : readPinnedSpec(readPin(options.pinFile), options.projectRoot);
}

export function readPin(pinFile: string): SpecPin {
  let pin: SpecPin;
  try {
    pin = JSON.parse(fs.readFileSync(pinFile, 'utf8')) as SpecPin;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // Most often sdkgen was run outside its checkout, where neither a config nor a pin is.
      throw new SdkgenError('no spec given and no spec pin here', {
        where: pinFile,
        hint: 'pass --spec FILE|URL, or run sdkgen in its checkout (where sdkgen.config.json is), or pass --config FILE',
      });
    }
    throw new SdkgenError(`cannot read the spec pin: ${(error as Error).message}`, { where: pinFile });
  }
  for (const field of ['url', 'sha256', 'fileName'] as const) {
    if (typeof pin[field] !== 'string' || !pin[field]) {
      throw new SdkgenError(`the spec pin has no '${field}'`, { where: pinFile });
    }
  }
  if (!/^[0-9a-f]{64}$/.test(pin.sha256)) throw new SdkgenError('the spec pin sha256 is not 64 hex digits', { where: pinFile });
  return { ...pin, mirrors: pin.mirrors ?? [] };
}

