import path from 'node:path';
import { Option, type Command } from 'commander';
import { diffOutput, StagedOutput } from '../../output/write-output.js';
import { loadConfig } from '../../pipeline/config.js';
import { generatePackage } from '../../pipeline/generate.js';
import { commaList } from '../options.js';
import { progressReporter } from '../progress.js';

interface GenerateFlags {
  spec?: string;
  operations?: string[];
  resources?: string[];
  all?: boolean;
  out?: string;
  check?: boolean;
  json?: boolean;
  config?: string;
  cache: boolean;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write the generated package (client, types, docs) from the spec')
    .option('--spec <file|url>', 'OpenAPI 3 spec, JSON or YAML (default: the pinned spec in spec/pin.json)')
    .option('--operations <ids>', 'operationIds to generate, comma-separated', commaList)
    .option('--resources <names>', 'resources to generate, e.g. identity.verification_sessions', commaList)
    .addOption(new Option('--all', 'generate every operation of the spec').conflicts(['operations', 'resources']))
    .option('--out <dir>', 'output folder (default: generated)')
    .option('--check', 'write nothing; exit 1 if the output folder is out of date')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .option('--no-cache', 'generate from scratch: neither read nor write the output and parsed-spec caches')
    .action(async (flags: GenerateFlags) => {
      const config = loadConfig(flags.config);
      const selectionGiven = flags.operations || flags.resources || flags.all;
      const effective = {
        ...config,
        spec: flags.spec ?? config.spec,
        operations: selectionGiven ? flags.operations : config.operations,
        resources: selectionGiven ? flags.resources : config.resources,
        all: flags.all ?? (selectionGiven ? false : config.all),
        out: flags.out ? path.resolve(flags.out) : path.resolve(config.root, config.out),
        cache: flags.cache,
      };
      const started = performance.now();
      // Writing starts while generation runs; --check writes nothing.
      const staged = flags.check ? undefined : new StagedOutput(effective.out);
      const result = await generatePackage(effective, progressReporter(!flags.json), (file, content) => staged?.add(file, content)).catch(async (error: unknown) => {
        await staged?.abandon();
        throw error;
      });
      const summary = {
        operations: result.summary.operations,
        resources: result.summary.resources,
        files: result.files.size,
        out: effective.out,
        spec: result.specOrigin,
        apiVersion: result.summary.apiVersion,
        cached: result.cached,
        timings: result.timings,
      };
      if (flags.check) {
        const differences = diffOutput(effective.out, result.files);
        if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, upToDate: differences.length === 0, differences }, null, 2)}\n`);
        if (differences.length > 0) {
          process.stderr.write(`${effective.out} is out of date (${differences.length} files differ):\n`);
          for (const d of differences.slice(0, 20)) process.stderr.write(`  ${d.change} ${d.file}\n`);
          process.stderr.write('run `npm run generate` and commit the result\n');
          process.exitCode = 1;
        } else if (!flags.json) {
          process.stderr.write(`${effective.out} is up to date (${result.files.size} files)\n`);
        }
        return;
      }
      await staged!.finish(result.files);
      const total = Math.round(performance.now() - started);
      if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, timings: { ...summary.timings, total } }, null, 2)}\n`);
      else process.stderr.write(`wrote ${result.files.size} files for ${summary.operations} operations to ${effective.out} in ${total} ms\n`);
    });
}
