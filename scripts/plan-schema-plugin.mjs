// esbuild plugin for the server and CLI bundles: replaces server/src/schema/plan-schema-validator.ts
// (which compiles the plan schema with ajv at run time) by ajv's standalone code for the same
// schema and options, generated here at build time by server/src/schema/plan-schema-standalone.ts.
// The server then compiles nothing at start (about 90 ms before the first diagnostics) and does
// not load ajv's compiler. The generator is TypeScript, so it is bundled in memory and run here.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const generator = path.join(root, 'server/src/schema/plan-schema-standalone.ts');
const schema = path.join(root, 'schemas/crmplan.schema.json');

async function generate() {
  const result = await esbuild.build({
    entryPoints: [generator],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(generator));
  return module.exports.planSchemaStandaloneModule();
}

/** @returns {esbuild.Plugin} */
export function planSchemaStandalonePlugin() {
  return {
    name: 'plan-schema-standalone',
    setup(build) {
      /** @type {Promise<string> | undefined} */
      let generated;
      // Once per build (the server and CLI contexts each have their own), again on each watch rebuild.
      build.onStart(() => {
        generated = undefined;
      });
      build.onLoad({ filter: /[\\/]server[\\/]src[\\/]schema[\\/]plan-schema-validator\.ts$/ }, async (args) => {
        generated ??= generate();
        return { contents: await generated, loader: 'js', resolveDir: path.dirname(args.path), watchFiles: [schema, generator] };
      });
    },
  };
}
