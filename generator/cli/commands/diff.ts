import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { diffSpecs } from '../../diff/diff-specs.js';
import { jsonReport } from '../../diff/format/json.js';
import { markdownReport } from '../../diff/format/markdown.js';
import { textReport } from '../../diff/format/text.js';
import { loadConfig } from '../../pipeline/config.js';
import { commaList } from '../options.js';

const FORMATS = { md: markdownReport, json: jsonReport, text: textReport };
type Format = keyof typeof FORMATS;

interface DiffFlags {
  operations?: string[];
  resources?: string[];
  format: Format;
  failOnBreaking?: boolean;
  config?: string;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two spec versions in the generated package\'s names: changelog, rule per change, semver bump')
    .argument('<old>', 'the older spec: a file or an http(s) URL')
    .argument('<new>', 'the newer spec: a file or an http(s) URL')
    .option('--operations <ids>', 'compare only these operationIds, comma-separated', commaList)
    .option('--resources <names>', 'compare only these resources, e.g. identity.verification_sessions', commaList)
    .option('--format <md|json|text>', 'md: a changelog; json: every change with its rule and pointers; text: one line per change', format, 'md')
    .option('--fail-on-breaking', 'exit with status 1 when a change is breaking')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .action(async (oldSpec: string, newSpec: string, flags: DiffFlags) => {
      const config = loadConfig(flags.config);
      const source = (spec: string) => ({ spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
      const selection = { operations: flags.operations, resources: flags.resources };
      const result = await diffSpecs(source(oldSpec), source(newSpec), selection, { levels: config.diffLevels });
      process.stdout.write(FORMATS[flags.format](result));
      if (flags.failOnBreaking && result.breaking > 0) {
        process.stderr.write(`${result.breaking} breaking change(s)\n`);
        process.exitCode = 1;
      }
    });
}

function format(value: string): Format {
  if (value in FORMATS) return value as Format;
  throw new InvalidArgumentError(`expected one of ${Object.keys(FORMATS).join(', ')}`);
}
