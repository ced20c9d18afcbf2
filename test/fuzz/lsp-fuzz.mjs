#!/usr/bin/env node
// npm run fuzz:lsp -- [--seed N] [--edits N] [--requests N] [--sample FILE] [--max-latency-ms N]:
// the protocol fuzzer (lsp-fuzzer.ts) against dist/server.js --stdio.
import { runBundled } from './bundle.mjs';

await runBundled('lsp-fuzz-main.ts', process.argv.slice(2));
