#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm run build` (run by `npm install` through `prepare`).
import { main } from '../dist/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
