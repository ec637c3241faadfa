import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prependEntry, type ChangelogEntry } from '../../emit/package/changelog.js';
import { SdkgenError } from '../../errors.js';
import { loadSpec, readPin, type LoadedSpec } from '../../load/load-spec.js';
import { diffOutput, type OutputDifference } from '../../output/write-output.js';
import type { SdkgenConfig } from '../../pipeline/config.js';
import { generatePackage, type PhaseReporter } from '../../pipeline/generate.js';
import { changelogBullets } from '../changelog/bullets.js';
import { code } from '../changelog/wording.js';
import { diffLoaded } from '../diff-specs.js';
import { nextVersion } from '../semver.js';
import type { DiffResult } from '../types.js';
import { readPackageState } from './package-state.js';
import { refuseDowngrade, specRelease } from './spec-age.js';

export interface UpdateOptions {
  /** The effective generation settings; `out` is the package folder to update (absolute). */
  config: SdkgenConfig;
  /** The new spec: a path or URL. */
  spec: string;
  /** The spec the package was made from; absent means the pinned spec. */
  from?: string;
  /** The date of the changelog entry, `YYYY-MM-DD`. */
  date: string;
  /** Accept a spec older than the package's (an older API version or release). */
  allowDowngrade?: boolean;
  report?: PhaseReporter;
}

export type UpdatePlan =
  | { kind: 'up-to-date'; out: string; version: string; specSha256: string }
  | {
      kind: 'update';
      out: string;
      diff: DiffResult;
      fromVersion: string;
      toVersion: string;
      entry: ChangelogEntry;
      /** The whole new package, as `writeOutput` takes it. */
      files: Map<string, string>;
      differences: OutputDifference[];
    };

/**
 * Everything `sdkgen update` will write, computed before anything is written: the diff from the spec
 * the package was made from to the new one, the next version, the changelog entry, and the regenerated
 * files (with that version and changelog in them). Touches nothing in the package folder.
 */
export async function planUpdate(options: UpdateOptions): Promise<UpdatePlan> {
  const { config } = options;
  const out = path.resolve(config.root, config.out);
  const report = options.report ?? (() => {});
  const state = readPackageState(out);
  const source = (spec: string | undefined) => ({ spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
  report('load', 'both specs');
  const [before, after] = await Promise.all([loadSpec(source(options.from)), loadSpec(source(options.spec))]);
  if (before.sha256 !== state.specSha256) {
    throw new SdkgenError(`the package was made from spec sha256 ${state.specSha256}, but ${before.origin} has sha256 ${before.sha256}`, {
      where: path.join(out, 'package.json'),
      hint: 'pass --from with the spec the package was generated from',
    });
  }
  if (after.sha256 === state.specSha256) return { kind: 'up-to-date', out, version: state.version, specSha256: state.specSha256 };
  if (!options.allowDowngrade) {
    const pin = options.from ? undefined : readPin(path.resolve(config.root, config.pin));
    const age = (loaded: LoadedSpec, source: string | undefined) => ({
      apiVersion: String(loaded.document.info?.version ?? ''),
      release: specRelease(source) ?? specRelease(loaded.origin),
      source: source ?? loaded.origin,
    });
    refuseDowngrade(age(before, options.from ?? pin!.url), age(after, options.spec));
  }
  report('diff');
  const diff = config.all
    ? diffLoaded(before, after, {}, { levels: config.diffLevels })
    : diffLoaded(before, after, { operations: config.operations, resources: config.resources }, { allResourceTypes: false, levels: config.diffLevels });
  const toVersion = nextVersion(state.version, diff.bump);
  const bullets = changelogBullets(diff.changes).map((b) => b.text);
  const entry: ChangelogEntry = {
    version: toVersion,
    date: options.date,
    lines: [
      `Regenerated from the spec with sha256 ${code(after.sha256.slice(0, 12))} (API version ${code(after.document.info?.version ?? '')}); previously ${code(before.sha256.slice(0, 12))}.`,
      ...(bullets.length ? bullets : ['No changes to the types or methods of the package.']),
    ],
  };
  report('generate', `version ${toVersion}`);
  const files = await regenerate(config, options.spec, { version: toVersion, changelog: prependEntry(state.changelog, entry) });
  const manifest = JSON.parse(files.get('package.json') ?? '{}') as { version?: string; stripe?: { specSha256?: string } };
  if (manifest.version !== toVersion || manifest.stripe?.specSha256 !== after.sha256) {
    throw new SdkgenError(`regeneration produced version ${manifest.version} from spec ${manifest.stripe?.specSha256}, expected ${toVersion} from ${after.sha256}`, {
      where: options.spec,
      hint: 'if the spec is a URL, its content may have changed during the update; run it again',
    });
  }
  return { kind: 'update', out, diff, fromVersion: state.version, toVersion, entry, files, differences: diffOutput(out, files) };
}

/**
 * Regenerates with the new version and changelog in place. The pipeline carries a package's version and
 * changelog over from its output folder, so it runs against a scratch folder holding the new ones.
 */
async function regenerate(config: SdkgenConfig, spec: string, next: { version: string; changelog: string }): Promise<Map<string, string>> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sdkgen-update-'));
  try {
    fs.writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify({ version: next.version })}\n`);
    fs.writeFileSync(path.join(scratch, 'CHANGELOG.md'), next.changelog);
    const result = await generatePackage({ ...config, spec, out: scratch });
    return result.files;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
