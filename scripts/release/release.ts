import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prependEntry, type ChangelogEntry } from '../../generator/emit/package/changelog.js';
import { code } from '../../generator/diff/changelog/wording.js';
import { nextVersion } from '../../generator/diff/semver.js';
import type { Bump } from '../../generator/diff/types.js';
import { readPackageState } from '../../generator/diff/update/package-state.js';
import { planUpdate } from '../../generator/diff/update/plan-update.js';
import { SdkgenError } from '../../generator/errors.js';
import { readPin } from '../../generator/load/load-spec.js';
import { writeOutput } from '../../generator/output/write-output.js';
import type { SdkgenConfig } from '../../generator/pipeline/config.js';
import { generatePackage } from '../../generator/pipeline/generate.js';
import { buildPackage, checkAttw, checkPublint, packPackage, type Packed } from './checks.js';

export interface ReleaseOptions {
  /** The new spec: a path or URL. */
  spec: string;
  /** The spec the current package was made from (default: the pin, which must be that spec). */
  from?: string;
  /** Overrides the spec diff's suggestion; with an unchanged spec, asks for a release anyway. */
  bump?: Bump;
  dryRun: boolean;
  /** Accept a spec older than the package's (see `refuseDowngrade`). */
  allowDowngrade?: boolean;
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
  /** The spec diff's suggestion (absent when the spec is unchanged). */
  suggestedBump?: Bump;
  breaking?: number;
  entry: ChangelogEntry;
  publint: string[];
  attw: string[];
  packed: Packed;
  /** Absent on a dry run, which keeps nothing. */
  tarball?: string;
}

/**
 * `sdkgen update` (regenerate from the new spec, with the diff's changelog entry and semver bump),
 * then the package's build, publint, npm pack and attw on the tarball, all in a scratch folder;
 * only when every step has passed are the package folder and the tarball written. A dry run stops
 * before that and keeps nothing.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const { log } = options;
  const config: SdkgenConfig = { ...options.config, out: options.out };
  const plan = await planUpdate({ config, spec: options.spec, from: options.from, date: options.date, allowDowngrade: options.allowDowngrade, report: (phase, detail) => log(detail ? `${phase}: ${detail}` : phase) });

  let next: { version: string; bump: Bump; entry: ChangelogEntry; files: Map<string, string> };
  if (plan.kind === 'up-to-date') {
    // The same spec: only sdkgen changed. Worth a release only when asked for.
    if (!options.bump) {
      throw new SdkgenError(`${options.out} is already generated from this spec (version ${plan.version}): nothing to release`, {
        hint: 'pass --bump to release a regeneration from the same spec (changes in sdkgen itself)',
      });
    }
    const version = nextVersion(plan.version, options.bump);
    const entry = { version, date: options.date, lines: [`Regenerated from the same spec (sha256 ${code(plan.specSha256.slice(0, 12))}); the changes come from sdkgen.`] };
    next = { version, bump: options.bump, entry, files: await regenerate(config, options.spec, entry) };
  } else if (options.bump && options.bump !== plan.diff.bump) {
    if (rank(options.bump) < rank(plan.diff.bump)) {
      log(`warning: the spec diff calls for a ${plan.diff.bump} release (${plan.diff.breaking} breaking); releasing ${options.bump} as asked`);
    }
    const version = nextVersion(plan.fromVersion, options.bump);
    const entry = { ...plan.entry, version };
    next = { version, bump: options.bump, entry, files: await regenerate(config, options.spec, entry) };
  } else {
    next = { version: plan.toVersion, bump: plan.diff.bump, entry: plan.entry, files: plan.files };
  }
  const { version, bump, entry, files } = next;
  const manifest = JSON.parse(files.get('package.json') ?? '{}') as { name?: string; version?: string; stripe?: { specSha256?: string } };
  if (manifest.version !== version) throw new SdkgenError(`regeneration produced version ${manifest.version}, expected ${version}`, { where: options.spec });
  const previousVersion = plan.kind === 'update' ? plan.fromVersion : plan.version;
  log(`${manifest.name} ${previousVersion} → ${version} (${bump}, ${options.bump ? 'given' : 'suggested by the spec diff'})`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-release-'));
  try {
    const pkgDir = path.join(scratch, 'package');
    await writeOutput(pkgDir, files);
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

    const result: ReleaseResult = {
      name: manifest.name ?? config.packageName,
      previousVersion,
      version,
      bump,
      suggestedBump: plan.kind === 'update' ? plan.diff.bump : undefined,
      breaking: plan.kind === 'update' ? plan.diff.breaking : undefined,
      entry,
      publint,
      attw,
      packed,
    };
    if (options.dryRun) return result;

    await writeOutput(options.out, files);
    fs.rmSync(path.join(options.out, 'dist'), { recursive: true, force: true });
    fs.cpSync(path.join(pkgDir, 'dist'), path.join(options.out, 'dist'), { recursive: true });
    fs.mkdirSync(options.packDestination, { recursive: true });
    const tarball = path.join(options.packDestination, path.basename(packed.tarball));
    fs.copyFileSync(packed.tarball, tarball);
    if (manifest.stripe?.specSha256 !== pinnedSha(config)) {
      log(`note: ${config.pin} still pins another spec; point it at the new one so \`sdkgen generate --check\` agrees with ${options.out}`);
    }
    return { ...result, tarball };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Generates with another version and changelog entry than the plan's. The pipeline carries a
 * package's version and changelog over from its output folder, so it runs against a scratch folder
 * seeded with them (as \`sdkgen update\` does).
 */
async function regenerate(config: SdkgenConfig, spec: string, entry: ChangelogEntry): Promise<Map<string, string>> {
  const state = readPackageState(config.out);
  const seed = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-release-seed-'));
  try {
    fs.writeFileSync(path.join(seed, 'package.json'), `${JSON.stringify({ version: entry.version })}\n`);
    fs.writeFileSync(path.join(seed, 'CHANGELOG.md'), prependEntry(state.changelog, entry));
    return (await generatePackage({ ...config, spec, out: seed })).files;
  } finally {
    fs.rmSync(seed, { recursive: true, force: true });
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
