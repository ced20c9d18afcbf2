// Bundles a benchmark entry for Node with esbuild, as the product bundles are made.
import * as esbuild from 'esbuild';

/** @param {string} entry @param {string} outfile */
export function bundleForNode(entry, outfile) {
  return esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
}
