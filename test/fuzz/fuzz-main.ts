import { OptionError, freshSeed, readOptions } from './cli-options.js';
import { runProperty, type PropertyRun } from './fuzz-run.js';
import { PROPERTIES } from './properties.js';

/**
 * `npm run fuzz -- --runs 100000 [--seed N] [--property NAME[,NAME]] [--minutes M]`:
 * the long run. `--runs` inputs in all, shared evenly by the properties
 * (`--minutes` stops each property after its share of M minutes);
 * prints the seed first, progress, and a summary; writes the shrunk
 * counterexample of each failing property to test/fuzz/repro/; exits 1
 * when one failed.
 */
export async function main(argv: readonly string[], root: string): Promise<number> {
  let options: { runs: number; seed: number; property: string; minutes: number };
  try {
    options = readOptions(argv, { runs: 1000, seed: freshSeed(), property: PROPERTIES.map((property) => property.name).join(','), minutes: 0 });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    console.error(`fuzz: ${error.message}`);
    return 2;
  }
  const names = options.property.split(',');
  const chosen = PROPERTIES.filter((property) => names.includes(property.name));
  const unknown = names.filter((name) => !PROPERTIES.some((property) => property.name === name));
  if (unknown.length > 0 || chosen.length === 0) {
    console.error(`fuzz: unknown property ${unknown.join(', ')}; properties: ${PROPERTIES.map((property) => property.name).join(', ')}`);
    return 2;
  }
  const perProperty = Math.max(1, Math.floor(options.runs / chosen.length));
  console.log(`fuzz: seed ${options.seed}, ${perProperty * chosen.length} inputs (${perProperty} for each of ${chosen.map((property) => property.name).join(', ')})`);
  const results: PropertyRun[] = [];
  const started = Date.now();
  for (const property of chosen) {
    const result = runProperty(property, {
      root,
      runs: perProperty,
      seed: options.seed,
      writeRepro: true,
      timeLimitMs: (options.minutes * 60_000) / chosen.length,
      onProgress: (name, done) => {
        if (done % 5000 === 0) console.log(`  ${name}: ${done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    results.push(result);
    const rate = result.milliseconds > 0 ? ((result.runs * 1000) / result.milliseconds).toFixed(0) : '-';
    const stopped = result.interrupted ? ' (time limit)' : '';
    console.log(`${result.failed ? 'FAIL' : 'ok  '} ${property.name}: ${result.runs} inputs in ${(result.milliseconds / 1000).toFixed(1)} s (${rate}/s)${stopped}`);
    if (result.failed) {
      console.log(`     shrunk in ${result.shrinks} steps; reproducer: ${result.repro ?? '(none)'}.crmplan.yaml and .json`);
      console.log(`     ${(result.error ?? '').split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  const failed = results.filter((result) => result.failed);
  const inputs = results.reduce((sum, result) => sum + result.runs, 0);
  console.log(`fuzz: seed ${options.seed}: ${inputs} inputs, ${failed.length} failing properties, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed.length > 0 ? 1 : 0;
}
