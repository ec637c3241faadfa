#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm run build` (run by `npm install` through `prepare`).
import { main } from '../dist/cli.mjs';

// A reader that stops early (`sdkgen diff ... | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
