import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { changelogEntry } from '../../emit/package/changelog.js';
import { planUpdate } from '../../diff/update/plan-update.js';
import { writeOutput } from '../../output/write-output.js';
import { loadConfig } from '../../pipeline/config.js';
import { commaList } from '../options.js';
import { progressReporter } from '../progress.js';

interface UpdateFlags {
  spec: string;
  from?: string;
  out?: string;
  operations?: string[];
  resources?: string[];
  all?: boolean;
  dryRun?: boolean;
  allowDowngrade?: boolean;
  date?: string;
  config?: string;
}

export function registerUpdate(program: Command): void {
  program
    .command('update')
    .description('regenerate the package from a new spec: changelog entry from the diff, version bumped by its semver')
    .requiredOption('--spec <file|url>', 'the new spec')
    .option('--from <file|url>', 'the spec the package was made from (default: the pinned spec)')
    .option('--out <dir>', 'the generated package to update (default: generated)')
    .option('--operations <ids>', 'operationIds the package holds, as given to generate', commaList)
    .option('--resources <names>', 'resources the package holds, as given to generate', commaList)
    .addOption(new Option('--all', 'the package holds every operation, as with generate --all').conflicts(['operations', 'resources']))
    .option('--allow-downgrade', "accept a spec older than the package's (an older API version, or an older stripe/openapi release vNNN)")
    .option('--dry-run', 'print the new version, the changelog entry and the files that would change; write nothing')
    .option('--date <yyyy-mm-dd>', 'date of the changelog entry (default: today, UTC)', isoDate)
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .action(async (flags: UpdateFlags) => {
      const config = loadConfig(flags.config);
      const selectionGiven = flags.operations || flags.resources || flags.all;
      const out = flags.out ? path.resolve(flags.out) : path.resolve(config.root, config.out);
      // Without flags, the package's own record of what it holds decides, then the config.
      const held = selectionGiven ? undefined : recordedSelection(out);
      const effective = {
        ...config,
        operations: selectionGiven ? flags.operations : held ? held.operations : config.operations,
        resources: selectionGiven ? flags.resources : held ? held.resources : config.resources,
        all: flags.all ?? (selectionGiven ? false : held ? held.all : config.all),
        out,
      };
      const plan = await planUpdate({
        config: effective,
        spec: flags.spec,
        from: flags.from,
        date: flags.date ?? new Date().toISOString().slice(0, 10),
        allowDowngrade: flags.allowDowngrade === true,
        report: progressReporter(true),
      });
      if (plan.kind === 'up-to-date') {
        process.stderr.write(`${plan.out} is already generated from this spec (sha256 ${plan.specSha256.slice(0, 12)}, version ${plan.version}): nothing to do\n`);
        return;
      }
      const counts = ['added', 'changed', 'removed'].map((kind) => `${plan.differences.filter((d) => d.change === kind).length} ${kind}`);
      const summary = `${plan.fromVersion} → ${plan.toVersion} (${plan.diff.bump}: ${plan.diff.breaking} breaking of ${plan.diff.changes.length} changes), files: ${counts.join(', ')}`;
      if (flags.dryRun) {
        process.stdout.write(`would update ${plan.out}: ${summary}\n\n${changelogEntry(plan.entry)}`);
        for (const d of plan.differences) process.stdout.write(`${d.change.padEnd(8)} ${d.file}\n`);
        return;
      }
      await writeOutput(plan.out, plan.files);
      process.stderr.write(`updated ${plan.out}: ${summary}\n`);
      process.stderr.write('the pinned spec still names the old one: point spec/pin.json (or `spec` in the config) at the new spec\n');
    });
}

function isoDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new InvalidArgumentError('expected YYYY-MM-DD');
}

/** The selection `sdkgen generate` recorded in the package's `package.json` (`stripe.selection`). */
function recordedSelection(out: string): { operations?: string[]; resources?: string[]; all: boolean } | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')) as { stripe?: { selection?: { operations?: string[]; resources?: string[]; all?: boolean } } };
    const selection = manifest.stripe?.selection;
    return selection ? { operations: selection.operations, resources: selection.resources, all: selection.all === true } : undefined;
  } catch {
    return undefined;
  }
}
