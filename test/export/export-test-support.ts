import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { exportFormatNamed } from '../../server/src/export/formats.js';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Every sample plan (the clean ones and those with problems) and the hostile-names fixture, as repository paths. */
export const EXPORTED_PLANS: readonly string[] = [
  ...readdirSync(path.join(ROOT, 'samples'))
    .filter((name) => name.endsWith('.crmplan.yaml'))
    .map((name) => `samples/${name}`),
  ...readdirSync(path.join(ROOT, 'samples/with-problems'))
    .filter((name) => name.endsWith('.crmplan.yaml'))
    .map((name) => `samples/with-problems/${name}`),
  'test/fixtures/hostile-names.crmplan.yaml',
];

export function analyzeFile(file: string): PlanAnalysis {
  return analyzePlan(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** Runs a registered format the way the CLI does. */
export function runExport(formatName: string, analysis: PlanAnalysis, fileName: string, options: Record<string, string> = {}): { readonly content: string; readonly omitted: readonly string[] } {
  const format = exportFormatNamed(formatName);
  if (!format) throw new Error(`format ${formatName} is not registered`);
  const result = format.run(analysis, { fileName, options: new Map(Object.entries(options)) });
  if (typeof result.content !== 'string') throw new Error(`format ${formatName} returned bytes`);
  return { content: result.content, omitted: result.omitted };
}

/** The day after an ISO date. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
