import { describe, expect, it } from 'vitest';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';
import { csvFormat } from '../../server/src/export/csv.js';
import { mspdiFormat } from '../../server/src/export/mspdi.js';
import { importPlanText, type ImportExtension } from '../../server/src/import/import-file.js';
import { seededRandom } from '../../server/src/schedule/schedule-test-support.js';

// Generated plans through export and import: FS and SS links with positive and
// negative lags in days and weeks, phase dependencies, holidays, milestones,
// start constraints, other workdays and day lengths. Every task's start and
// finish must come back.
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function generatedPlan(seed: number, mondayToFriday: boolean): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const workdays = mondayToFriday ? WEEKDAYS.slice(0, 5) : WEEKDAYS.filter(() => random() < 0.6);
  if (workdays.length === 0) workdays.push('tue');
  const hours = pick([8, 7.5, 6, 10, 24]);
  const start = `2027-0${1 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const holidays = Array.from({ length: Math.floor(random() * 6) }, () => `2027-0${1 + Math.floor(random() * 9)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`);
  const lines = ['crmplan: 1', 'plan:', `  name: Generated ${seed}`, `  start: ${start}`, '  calendar:', `    workdays: [${workdays.join(', ')}]`, `    hours_per_day: ${hours}`];
  if (holidays.length > 0) lines.push(`    holidays: [${holidays.join(', ')}]`);
  lines.push('people:', '  - {id: a, name: Ann, capacity: 50%}', '  - {id: b, name: Bo, capacity: 20h/w}', 'phases:');
  const earlier: string[] = [];
  const phases = 1 + Math.floor(random() * 4);
  let taskNumber = 0;
  for (let phase = 1; phase <= phases; phase++) {
    lines.push(`  - id: p${phase}`, `    name: Phase ${phase}`);
    const phaseDependency = phase > 1 && random() < 0.3 ? `p${1 + Math.floor(random() * (phase - 1))}` : undefined;
    if (phaseDependency) lines.push(`    depends_on: [${phaseDependency}]`);
    lines.push('    tasks:');
    const tasks = 1 + Math.floor(random() * 6);
    const phaseEarlier: string[] = [];
    for (let task = 0; task < tasks; task++) {
      const id = `t${++taskNumber}`;
      const fields = [`id: ${id}`, `name: Task ${taskNumber}`];
      if (random() < 0.15) fields.push('milestone: true');
      else fields.push(`duration: ${random() < 0.2 ? `${Math.floor(random() * 3)}w` : `${1 + Math.floor(random() * 12)}d`}`);
      const candidates = [...earlier, ...phaseEarlier];
      const dependencies: string[] = [];
      for (let count = Math.floor(random() * 3); count > 0 && candidates.length > 0; count--) {
        const target = pick(candidates);
        const type = random() < 0.3 ? 'SS' : 'FS';
        const lag = random() < 0.5 ? '0d' : `${Math.floor(random() * 9) - 3}${random() < 0.2 ? 'w' : 'd'}`;
        dependencies.push(`{task: ${target}, type: ${type}, lag: ${lag}}`);
      }
      if (dependencies.length > 0) fields.push(`depends_on: [${dependencies.join(', ')}]`);
      if (random() < 0.2) fields.push(`start: 2027-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`);
      if (random() < 0.5) fields.push(`assign: [{person: ${pick(['a', 'b'])}, load: ${pick(['100%', '25%', '8h/w'])}}]`);
      lines.push(`      - {${fields.join(', ')}}`);
      phaseEarlier.push(id);
    }
    earlier.push(...phaseEarlier, `p${phase}`);
  }
  return `${lines.join('\n')}\n`;
}

function datesByName(analysis: PlanAnalysis): string[] {
  return analysis.model.tasks.map((task, index) => {
    const scheduled = analysis.schedule?.tasks[index];
    return `${task.name?.value}: ${scheduled ? `${scheduled.start} ${scheduled.finish}` : 'unscheduled'}`;
  });
}

function roundTrip(
  text: string,
  format: typeof mspdiFormat,
  extension: ImportExtension,
): { original: PlanAnalysis; imported: PlanAnalysis; notes: readonly string[] } {
  const original = analyzePlan(text);
  const exported = format.run(original, { fileName: 'generated.crmplan.yaml', options: new Map() }).content as string;
  const result = importPlanText(exported, `generated.${extension}`, extension);
  return { original, imported: analyzePlan(result.text), notes: result.notes };
}

const SEEDS = Array.from({ length: 60 }, (_, index) => 1000 + index);

describe('round trip of generated plans', () => {
  it.each(SEEDS)('MS Project XML, seed %i', (seed) => {
    const { original, imported } = roundTrip(generatedPlan(seed, false), mspdiFormat, 'xml');
    expect(original.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(imported.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(datesByName(imported)).toEqual(datesByName(original));
  });

  it.each(SEEDS)('CSV (Monday to Friday, holidays), seed %i', (seed) => {
    const { original, imported } = roundTrip(generatedPlan(seed, true), csvFormat, 'csv');
    expect(imported.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(datesByName(imported)).toEqual(datesByName(original));
  });

  // A CSV has no calendar: with other workdays, a lag written in weeks or a weekday no row
  // starts on can move a task. Then the import must say so: every task whose dates differ
  // has a note.
  it.each(SEEDS)('CSV (any workdays): a task that moves has a note, seed %i', (seed) => {
    const { original, imported, notes } = roundTrip(generatedPlan(seed, false), csvFormat, 'csv');
    expect(imported.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const before = datesByName(original);
    const moved = datesByName(imported).flatMap((line, index) => (line === before[index] ? [] : [`t${index + 1}`]));
    for (const id of moved) expect(notes.some((note) => note.startsWith(`task '${id}' `))).toBe(true);
  });
});
