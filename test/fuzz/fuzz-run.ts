import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { repositoryPlans } from './arbitraries.js';
import { PROPERTIES, fuzzInput, type FuzzInput, type FuzzProperty } from './properties.js';

/**
 * Runs the fuzz properties with fast-check and keeps what fails: the shrunk
 * counterexample goes to test/fuzz/repro/<property>-<seed>.crmplan.yaml (the
 * text, for a person and for `crmplan check`) and .json beside it (the exact
 * input, the seed and fast-check's path, to replay), which the regression
 * test (repro.test.ts) then runs on every `vitest run`.
 */

export const REPRO_FOLDER = ['test', 'fuzz', 'repro'] as const;

export interface PropertyRun {
  readonly property: string;
  readonly runs: number;
  /** Stopped by the time limit before `runs` inputs. */
  readonly interrupted: boolean;
  readonly seed: number;
  readonly failed: boolean;
  readonly shrinks: number;
  readonly milliseconds: number;
  /** The reproducer's file (without extension) when one was written. */
  readonly repro?: string;
  readonly error?: string;
}

/** What a reproducer's .json holds. */
export interface ReproRecord {
  readonly property: string;
  readonly seed: number;
  readonly path: string | null;
  readonly error: string;
  readonly input: FuzzInput;
}

export interface RunOptions {
  readonly root: string;
  readonly runs: number;
  readonly seed: number;
  /** Write the shrunk counterexample to test/fuzz/repro/ (the long run does; vitest does not). */
  readonly writeRepro: boolean;
  readonly onProgress?: (property: string, done: number) => void;
  /** Stop after this long (the inputs run so far count; not a failure). */
  readonly timeLimitMs?: number;
}

export function runProperty(property: FuzzProperty, options: RunOptions): PropertyRun {
  const started = Date.now();
  let done = 0;
  const details = fc.check(
    fc.property(fuzzInput(repositoryPlans(options.root)), (input) => {
      done++;
      if (options.onProgress && done % 1000 === 0) options.onProgress(property.name, done);
      property.check(input);
    }),
    {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.timeLimitMs ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false } : {}),
    },
  );
  const result = {
    property: property.name,
    runs: details.numRuns,
    interrupted: details.interrupted,
    seed: options.seed,
    failed: details.failed,
    shrinks: details.numShrinks,
    milliseconds: Date.now() - started,
  };
  if (!details.failed || details.counterexample === null) return result;
  const input = minimizeText(property, details.counterexample[0]);
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  if (!options.writeRepro) return { ...result, error };
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const record: ReproRecord = { property: property.name, seed: details.seed, path: details.counterexamplePath, error: message, input };
  return { ...result, error, repro: writeRepro(options.root, record) };
}

/**
 * fast-check shrinks the choices that made the text (fewer mutations, a
 * smaller seed), not the text itself: a sample stays a sample. This removes
 * lines from the failing text, halves, then quarters, down to single lines,
 * as long as the property still fails, so that a reproducer is a few lines.
 */
export function minimizeText(property: FuzzProperty, input: FuzzInput): FuzzInput {
  const failure = (candidate: FuzzInput): string | undefined => {
    try {
      property.check(candidate);
      return undefined;
    } catch (error) {
      // The same failure: the same kind of error and message, whatever offsets it names.
      return error instanceof Error ? `${error.name}: ${error.message.replace(/\d+/g, '#').slice(0, 120)}` : String(error);
    }
  };
  const original = failure(input);
  const fails = (candidate: FuzzInput): boolean => original !== undefined && failure(candidate) === original;
  let best = input;
  let lines = best.text.split(/(?<=\n)/);
  for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < lines.length; ) {
      const candidate = { ...best, text: [...lines.slice(0, start), ...lines.slice(start + chunk)].join('') };
      if (candidate.text !== best.text && fails(candidate)) {
        best = candidate;
        lines = best.text.split(/(?<=\n)/);
      } else {
        start += chunk;
      }
    }
  }
  return best;
}

export function writeRepro(root: string, record: ReproRecord): string {
  const folder = path.join(root, ...REPRO_FOLDER);
  mkdirSync(folder, { recursive: true });
  const base = path.join(folder, `${record.property}-${record.seed}`);
  // The .yaml is for reading and for the CLI; the .json is exact (it keeps lone surrogates, which UTF-8 cannot).
  writeFileSync(`${base}.crmplan.yaml`, record.input.text);
  writeFileSync(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
  return path.relative(root, base);
}

/** A kept input: from a .json (one property, its exact input) or a bare plan file (every property, default choices). */
export interface KeptInput {
  readonly file: string;
  readonly properties: readonly FuzzProperty[];
  readonly input: FuzzInput;
}

export function keptInputs(root: string): KeptInput[] {
  const folder = path.join(root, ...REPRO_FOLDER);
  const files = readdirSync(folder).sort();
  const described = new Set(files.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length)));
  const kept: KeptInput[] = [];
  for (const file of files) {
    const full = path.join(folder, file);
    if (file.endsWith('.json')) {
      const record = JSON.parse(readFileSync(full, 'utf8')) as ReproRecord;
      const property = PROPERTIES.find((candidate) => candidate.name === record.property);
      if (!property) throw new Error(`${file}: unknown property '${record.property}'`);
      kept.push({ file, properties: [property], input: record.input });
    } else if (file.endsWith('.crmplan.yaml') && !described.has(file.slice(0, -'.crmplan.yaml'.length))) {
      const text = readFileSync(full, 'utf8');
      kept.push({ file, properties: PROPERTIES, input: { text, probes: [0, 0.25, 0.5, 0.75, 0.999], picks: [0, 0.3, 0.6, 0.9], seed: 1 } });
    } else if (!file.endsWith('.crmplan.yaml')) {
      throw new Error(`${file}: test/fuzz/repro/ holds only .crmplan.yaml and .json files`);
    }
  }
  return kept;
}
