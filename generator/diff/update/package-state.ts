import fs from 'node:fs';
import path from 'node:path';
import { SdkgenError } from '../../errors.js';

/** What `sdkgen update` needs to know about the generated package it updates. */
export interface PackageState {
  version: string;
  /** The sha256 of the spec the package was generated from (`stripe.specSha256` in its package.json). */
  specSha256: string;
  changelog: string | undefined;
}

export function readPackageState(outDir: string): PackageState {
  const manifestFile = path.join(outDir, 'package.json');
  let manifest: { version?: unknown; stripe?: { specSha256?: unknown } };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new SdkgenError(`no generated package to update: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      where: manifestFile,
      hint: 'run `sdkgen generate` first, or pass --out with the folder of the generated package',
    });
  }
  const version = manifest.version;
  const specSha256 = manifest.stripe?.specSha256;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new SdkgenError('the package has no semver `version`', { where: manifestFile });
  }
  if (typeof specSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(specSha256)) {
    throw new SdkgenError('the package does not say which spec it was made from (`stripe.specSha256`)', {
      where: manifestFile,
      hint: 'regenerate it with `sdkgen generate`',
    });
  }
  const changelogFile = path.join(outDir, 'CHANGELOG.md');
  const changelog = fs.existsSync(changelogFile) ? fs.readFileSync(changelogFile, 'utf8') : undefined;
  return { version, specSha256, changelog };
}
