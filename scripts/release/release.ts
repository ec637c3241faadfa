import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prependEntry, type ChangelogEntry } from '../../generator/emit/package/changelog.js';
import { diffLoaded } from '../../generator/diff/diff-specs.js';
import { nextVersion } from '../../generator/diff/semver.js';
import type { Bump } from '../../generator/diff/types.js';
import { SdkgenError } from '../../generator/errors.js';
import { loadSpec, readPin, type LoadedSpec } from '../../generator/load/load-spec.js';
import type { Selection } from '../../generator/model/select-operations.js';
import { writeOutput } from '../../generator/output/write-output.js';
import type { SdkgenConfig } from '../../generator/pipeline/config.js';
import { generatePackage } from '../../generator/pipeline/generate.js';
import { changelogLines } from './changes.js';
import { buildPackage, checkAttw, checkPublint, packPackage, type Packed } from './checks.js';

export interface ReleaseOptions {
  /** The new spec: a path or URL. */
  spec: string;
  /** The spec the current package was made from; by default the pin, if its sha256 matches. */
  from?: string;
  /** Overrides the spec diff's suggestion; required when there is no previous spec to diff against. */
  bump?: Bump;
  dryRun: boolean;
  /** The package folder (default: the config's `out`, `generated/`). */
  out: string;
  /** Where the tarball goes (default: the folder holding `out`). */
  packDestination: string;
  /** `YYYY-MM-DD` for the changelog heading; default today (UTC). */
  date: string;
  config: SdkgenConfig;
  log: (line: string) => void;
}

export interface ReleaseResult {
  name: string;
  previousVersion: string;
  version: string;
  bump: Bump;
  /** The spec diff's suggestion, when the previous spec was at hand. */
  suggestedBump?: Bump;
  breaking?: number;
  entry: ChangelogEntry;
  publint: string[];
  attw: string[];
  packed: Packed;
  /** Absent on a dry run, which keeps nothing. */
  tarball?: string;
}

interface CurrentPackage {
  name: string;
  version: string;
  changelog?: string;
  specSha256?: string;
}

/**
 * Regenerates the package from a new spec with the next version and a changelog entry, builds it,
 * runs publint and attw, and packs it, all in a scratch folder; only when every step has passed
 * does it replace `out` and keep the tarball. A dry run stops before that and keeps nothing.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const { config, log } = options;
  const current = readCurrentPackage(options.out);
  const selection: Selection = config.all ? {} : { operations: config.operations, resources: config.resources };

  log(`loading ${options.spec}`);
  const next = await load(options.spec, config);
  const previous = await previousSpec(options, current);
  const diff = previous && diffLoaded(previous, next, selection);
  const bump = options.bump ?? diff?.bump;
  if (!bump) {
    throw new SdkgenError('no version bump: the previous spec is not at hand to diff against', { hint: 'pass --from <the spec of the current package>, or --bump major|minor|patch' });
  }
  if (diff && options.bump && rank(options.bump) < rank(diff.bump)) {
    log(`warning: the spec diff calls for a ${diff.bump} release (${diff.breaking} breaking); releasing ${options.bump} as asked`);
  }
  const version = nextVersion(current.version, bump);
  const entry: ChangelogEntry = { version, date: options.date, lines: changelogLines({ sha256: next.sha256, apiVersion: String(next.document.info?.version ?? '') }, diff) };
  log(`${current.name} ${current.version} → ${version} (${bump}, ${options.bump ? 'given' : 'suggested by the spec diff'})`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-release-'));
  try {
    const pkgDir = path.join(scratch, 'package');
    // The pipeline keeps the version and changelog it finds in the output folder: seed them.
    fs.mkdirSync(pkgDir);
    fs.writeFileSync(path.join(pkgDir, 'package.json'), `${JSON.stringify({ name: current.name, version }, null, 2)}\n`);
    log('generating');
    const generated = await generatePackage({ ...config, spec: options.spec, out: pkgDir });
    if (generated.model.specSha256 !== next.sha256) throw new SdkgenError('the spec changed while the release ran', { where: options.spec });
    const files = new Map(generated.files);
    files.set('CHANGELOG.md', prependEntry(current.changelog, entry));
    writeOutput(pkgDir, files);

    log('building');
    buildPackage(pkgDir);
    log('publint');
    const publint = (await checkPublint(pkgDir)).lines;
    log('npm pack');
    const packDir = path.join(scratch, 'pack');
    fs.mkdirSync(packDir);
    const packed = packPackage(pkgDir, packDir);
    log('attw');
    const attw = checkAttw(packed.tarball).lines;

    const result: ReleaseResult = { name: current.name, previousVersion: current.version, version, bump, suggestedBump: diff?.bump, breaking: diff?.breaking, entry, publint, attw, packed };
    if (options.dryRun) return result;

    writeOutput(options.out, files);
    fs.rmSync(path.join(options.out, 'dist'), { recursive: true, force: true });
    fs.cpSync(path.join(pkgDir, 'dist'), path.join(options.out, 'dist'), { recursive: true });
    fs.mkdirSync(options.packDestination, { recursive: true });
    const tarball = path.join(options.packDestination, path.basename(packed.tarball));
    fs.copyFileSync(packed.tarball, tarball);
    if (generated.model.specSha256 !== pinnedSha(config)) {
      log(`note: ${path.relative(process.cwd(), path.resolve(config.root, config.pin)) || config.pin} still pins another spec; update the pin so \`sdkgen generate --check\` agrees with ${options.out}`);
    }
    return { ...result, tarball };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function readCurrentPackage(out: string): CurrentPackage {
  const file = path.join(out, 'package.json');
  let manifest: { name?: string; version?: string; stripe?: { specSha256?: string } };
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new SdkgenError(`no generated package to release: ${(error as Error).message}`, { where: file, hint: 'run `npm run generate` first' });
  }
  if (!manifest.name || !manifest.version) throw new SdkgenError('the package has no name or version', { where: file });
  const changelog = path.join(out, 'CHANGELOG.md');
  return {
    name: manifest.name,
    version: manifest.version,
    changelog: fs.existsSync(changelog) ? fs.readFileSync(changelog, 'utf8') : undefined,
    specSha256: manifest.stripe?.specSha256,
  };
}

function load(spec: string | undefined, config: SdkgenConfig): Promise<LoadedSpec> {
  return loadSpec({ spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
}

/** The spec the current package came from: `--from`, else the pin when it is that spec. */
async function previousSpec(options: ReleaseOptions, current: CurrentPackage): Promise<LoadedSpec | undefined> {
  if (options.from) {
    const from = await load(options.from, options.config);
    if (current.specSha256 && from.sha256 !== current.specSha256) {
      throw new SdkgenError(`--from is not the spec ${options.out} was generated from (sha256 ${current.specSha256.slice(0, 12)})`, { where: options.from });
    }
    return from;
  }
  if (!current.specSha256 || pinnedSha(options.config) !== current.specSha256) {
    options.log('the current package was not generated from the pinned spec; pass --from <its spec> to diff against it');
    return undefined;
  }
  try {
    return await load(undefined, options.config);
  } catch (error) {
    options.log(`the pinned spec could not be loaded (${(error as Error).message}); there is nothing to diff against`);
    return undefined;
  }
}

function rank(bump: Bump): number {
  return bump === 'major' ? 2 : bump === 'minor' ? 1 : 0;
}

function pinnedSha(config: SdkgenConfig): string | undefined {
  try {
    return readPin(path.resolve(config.root, config.pin)).sha256;
  } catch {
    return undefined;
  }
}
