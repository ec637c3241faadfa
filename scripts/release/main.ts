import path from 'node:path';
import { Command, Option } from 'commander';
import { exitCodeFor } from '../../generator/cli/exit-code.js';
import { SdkgenError } from '../../generator/errors.js';
import { loadConfig } from '../../generator/pipeline/config.js';
import type { Bump } from '../../generator/diff/types.js';
import { release, type ReleaseResult } from './release.js';

const BUMPS: Bump[] = ['major', 'minor', 'patch'];

interface Flags {
  spec: string;
  from?: string;
  bump?: Bump;
  dryRun?: boolean;
  allowDowngrade?: boolean;
  out?: string;
  packDestination?: string;
  date?: string;
  config?: string;
  json?: boolean;
}

/** `npm run release -- --spec NEW [--dry-run] [--bump major|minor|patch] [--out DIR]`. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('release')
    .description('regenerate the package from a new spec, bump its version, write the changelog entry, build, check and pack it')
    .requiredOption('--spec <file|url>', 'the new OpenAPI spec')
    .addOption(new Option('--bump <level>', "the version bump (default: the spec diff's suggestion)").choices(BUMPS))
    .option('--from <file|url>', 'the spec the current package was generated from (default: the pinned spec)')
    .option('--allow-downgrade', "accept a spec older than the package's (an older API version, or an older stripe/openapi release vNNN)")
    .option('--dry-run', 'do everything in a scratch folder and keep nothing')
    .option('--out <dir>', 'the package folder (default: the config\'s out, generated/)')
    .option('--pack-destination <dir>', 'where the tarball goes (default: the folder holding the package folder)')
    .option('--date <yyyy-mm-dd>', 'the date of the changelog entry (default: today, UTC)')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .option('--json', 'print the result as JSON on stdout')
    .showHelpAfterError()
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
    const flags = program.opts<Flags>();
    const config = loadConfig(flags.config);
    const out = flags.out ? path.resolve(flags.out) : path.resolve(config.root, config.out);
    if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new SdkgenError(`--date must be YYYY-MM-DD, not '${flags.date}'`);
    const result = await release({
      spec: flags.spec,
      from: flags.from,
      bump: flags.bump,
      dryRun: flags.dryRun === true,
      allowDowngrade: flags.allowDowngrade === true,
      out,
      packDestination: flags.packDestination ? path.resolve(flags.packDestination) : path.dirname(out),
      date: flags.date ?? new Date().toISOString().slice(0, 10),
      config,
      log: (line) => process.stderr.write(`release: ${line}\n`),
    });
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : summary(result, out));
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function summary(result: ReleaseResult, out: string): string {
  const lines = [
    `${result.name} ${result.previousVersion} → ${result.version} (${result.bump}${result.suggestedBump ? `; the spec diff suggests ${result.suggestedBump}, ${result.breaking} breaking` : ''})`,
    '',
    'CHANGELOG.md entry:',
    `  ## ${result.version} (${result.entry.date})`,
    ...result.entry.lines.map((line) => `  - ${line}`),
    '',
    `publint: ${result.publint.join('\n  ')}`,
    `attw: ${result.attw.join('\n  ')}`,
    '',
    `packed ${result.packed.files.length} files (${result.packed.size} bytes, ${result.packed.unpackedSize} unpacked):`,
    ...result.packed.files.map((file) => `  ${file}`),
    '',
  ];
  if (result.tarball) {
    lines.push(`wrote ${out} and ${result.tarball}`, `publish with: npm publish ${path.relative(process.cwd(), result.tarball) || result.tarball}`);
  } else {
    lines.push('dry run: nothing was written');
  }
  return `${lines.join('\n')}\n`;
}
