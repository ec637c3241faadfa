// `npm run bench`: every speed, size and memory figure, each against its peer measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sections = [
  ['generation', './generation.mjs', 'benchGeneration'],
  ['npm run generate', './npm-generate.mjs', 'benchNpmGenerate'],
  ['client overhead', './client-overhead.mjs', 'benchClientOverhead'],
  ['bundle size', './bundle-size.mjs', 'bundleSize', 'formatBundleSize'],
  ['diff', './diff.mjs', 'benchDiff'],
  ['mock start', './mock-start.mjs', 'benchMockStart'],
  ['mock throughput', './mock-throughput.mjs', 'benchMockThroughput'],
];

for (const [title, file, fn, format] of sections) {
  if (!fs.existsSync(path.join(here, file))) continue;
  console.log(`\n## ${title}`);
  const mod = await import(file);
  if (typeof mod[fn] !== 'function') {
    console.log(`(${file} has no ${fn}())`);
    continue;
  }
  // The client is measured one call at a time (latency) and sixteen at a time (throughput).
  for (const options of fn === 'benchClientOverhead' ? [{ concurrency: 1 }, { concurrency: 16 }] : [{}]) {
    const result = await mod[fn]({ log: console.log, ...options });
    if (format && mod[format]) console.log(mod[format](result));
  }
}
