import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { csvFormat } from '../../server/src/export/csv.js';
import { mspdiFormat } from '../../server/src/export/mspdi.js';
import { importPlanText, type ImportExtension } from '../../server/src/import/import-file.js';

// export then import gives back the same schedule: every task's start and
// finish, by id, on every sample, through MS Project XML and through CSV.
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = readdirSync(path.join(ROOT, 'samples')).filter((name) => name.endsWith('.crmplan.yaml'));

function datesById(analysis: PlanAnalysis): Map<string, string> {
  const dates = new Map<string, string>();
  analysis.model.tasks.forEach((task, index) => {
    const scheduled = analysis.schedule?.tasks[index];
    if (task.id && scheduled) dates.set(task.id.value, `${scheduled.start} ${scheduled.finish}`);
  });
  return dates;
}

/** The imported plan names tasks by ids derived from names (MSPDI) or keeps them (CSV): match by name then. */
function datesByName(analysis: PlanAnalysis): string[] {
  return analysis.model.tasks
    .map((task, index) => {
      const scheduled = analysis.schedule?.tasks[index];
      return `${task.name?.value ?? ''}: ${scheduled ? `${scheduled.start} ${scheduled.finish}` : 'unscheduled'}`;
    })
    .sort();
}

function roundTrip(sample: string, format: typeof mspdiFormat, extension: ImportExtension): { original: PlanAnalysis; imported: PlanAnalysis; notes: readonly string[] } {
  const original = analyzePlan(readFileSync(path.join(ROOT, 'samples', sample), 'utf8'));
  const exported = format.run(original, { fileName: sample, options: new Map() }).content as string;
  const result = importPlanText(exported, sample.replace(/\.crmplan\.yaml$/, `.${extension}`), extension);
  return { original, imported: analyzePlan(result.text), notes: result.notes };
}

function errorsOf(analysis: PlanAnalysis): string[] {
  return analysis.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.rule}: ${finding.message}`);
}

describe('round trip through MS Project XML', () => {
  it.each(SAMPLES)('%s: same start and finish for every task', (sample) => {
    const { original, imported, notes } = roundTrip(sample, mspdiFormat, 'xml');
    expect(errorsOf(imported)).toEqual([]);
    expect(datesByName(imported)).toEqual(datesByName(original));
    expect(imported.schedule?.finish).toBe(original.schedule?.finish);
    expect(notes).toEqual([]);
    // The manager comes back as the person of that name.
    const managerName = (analysis: PlanAnalysis): string | undefined =>
      analysis.model.people.find((person) => person.id?.value === analysis.model.plan.manager?.id)?.name?.value;
    expect(managerName(imported)).toBe(managerName(original));
  });
});

describe('round trip through CSV', () => {
  it.each(SAMPLES)('%s: same start and finish for every task, by id', (sample) => {
    const { original, imported } = roundTrip(sample, csvFormat, 'csv');
    expect(errorsOf(imported)).toEqual([]);
    expect(datesById(imported)).toEqual(datesById(original));
  });
});
