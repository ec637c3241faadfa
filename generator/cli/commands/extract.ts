import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { extractOperations } from '../../extract/extract-operations.js';
import { loadSpec } from '../../load/load-spec.js';
import { writeCacheFile } from '../../load/cache-dir.js';
import { loadConfig } from '../../pipeline/config.js';
import { commaList } from '../options.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('write a standalone OpenAPI document with just the chosen operations and the schemas they use')
    .requiredOption('--operation <ids>', 'operationId(s), comma-separated', commaList)
    .option('--spec <file|url>', 'OpenAPI 3 spec (default: the pinned spec)')
    .option('--out <file>', 'output file; .yaml/.yml writes YAML, anything else JSON (default: JSON on stdout)')
    .option('--config <file>', 'config file (default: ./sdkgen.config.json)')
    .action(async (flags: { operation: string[]; spec?: string; out?: string; config?: string }) => {
      const config = loadConfig(flags.config);
      const spec = await loadSpec({ spec: flags.spec ?? config.spec, pinFile: path.resolve(config.root, config.pin), projectRoot: config.root });
      const extracted = extractOperations(spec.document, flags.operation);
      const asYaml = flags.out !== undefined && /\.ya?ml$/i.test(flags.out);
      // The `yaml` package writes readable, round-trippable YAML; parsing uses the faster js-yaml.
      // Imported here: loading it takes about 35 ms that no other command should pay.
      const text = asYaml
        ? (await import('yaml')).default.stringify(extracted, { aliasDuplicateObjects: false, lineWidth: 0 })
        : `${JSON.stringify(extracted, null, 2)}\n`;
      if (!flags.out) {
        process.stdout.write(text);
        return;
      }
      const file = path.resolve(flags.out);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeCacheFile(file, text);
      const schemas = Object.keys(extracted.components?.schemas ?? {}).length;
      process.stderr.write(`wrote ${file}: ${flags.operation.length} operation(s), ${schemas} schemas\n`);
    });
}
