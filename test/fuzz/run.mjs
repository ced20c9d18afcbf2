#!/usr/bin/env node
// npm run fuzz -- [--runs N] [--seed N] [--property NAME]: the long run of the fuzz suite (fuzz-main.ts).
import { runBundled } from './bundle.mjs';

await runBundled('fuzz-main.ts', process.argv.slice(2));
