import type { Weekday } from '../model/types.js';
import { WEEKDAYS } from '../model/types.js';
import { dateOfDayNumber, dayNumberOfDate } from './calendar.js';
import { seededRandom } from './schedule-test-support.js';

/**
 * Test support only: random plans from a seeded PRNG for the schedule's
 * property tests and the TaskJuggler comparison, with random calendars
 * (workdays, hours per day, holidays), milestones, `start:` and `deadline:`
 * dates, FS/SS links with lags (negative ones too) and assignments.
 * Dependencies only point backwards in document order (tasks to earlier
 * tasks, phases and tasks to earlier phases), so the plans are acyclic
 * unless `anyTarget` lets some name later items.
 */
export interface RandomPlanOptions {
  /** Chance that a dependency may name any task or phase, later ones included (cycles). */
  readonly anyTarget?: number;
  /** Allow SS links to phases (default true). */
  readonly phaseSs?: boolean;
}

export function randomSchedulePlan(seed: number, options: RandomPlanOptions = {}): string {
  const random = seededRandom(seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chance = (p: number): boolean => random() < p;

  const workdays: Weekday[] = WEEKDAYS.filter(() => chance(0.7));
  if (workdays.length === 0) workdays.push('tue');
  const startDay = dayNumberOfDate('2027-01-01') + int(0, 10);
  const date = (offset: number): string => dateOfDayNumber(startDay + offset);
  const holidays = Array.from({ length: int(0, 6) }, () => date(int(-5, 90)));

  const lines: string[] = [
    'crmplan: 1',
    'plan:',
    `  name: Random ${seed}`,
    `  start: ${date(0)}`,
    `  calendar: {workdays: [${workdays.join(', ')}], hours_per_day: ${pick([6, 7.5, 8])}, holidays: [${holidays.join(', ')}]}`,
    'people:',
    '  - {id: p0}',
    '  - {id: p1, capacity: 50%}',
    '  - {id: p2, capacity: 30h/w}',
    'phases:',
  ];

  // Ids first, so that dependencies can name earlier items (acyclic) or,
  // with `anyTarget`, any item (cycles).
  const phaseCount = int(1, 5);
  const taskIdsByPhase: string[][] = [];
  let taskNumber = 0;
  for (let phase = 0; phase < phaseCount; phase++) {
    taskIdsByPhase.push(Array.from({ length: int(0, 7) }, () => `t${taskNumber++}`));
  }
  const allPhases = taskIdsByPhase.map((_, index) => `ph${index}`);
  const allTasks = taskIdsByPhase.flat();
  const dependency = (target: string): string => {
    const isPhase = target.startsWith('ph');
    const type = chance(0.3) && (!isPhase || options.phaseSs !== false) ? ', type: SS' : '';
    const lag = chance(0.4) ? `, lag: ${pick(['-3d', '-1d', '1d', '2d', '1w', '-1w', '0d'])}` : '';
    return type || lag || chance(0.5) ? `{task: ${target}${type}${lag}}` : target;
  };
  const targets = (earlier: readonly string[]): readonly string[] =>
    chance(options.anyTarget ?? 0) ? [...allTasks, ...allPhases] : earlier;

  taskIdsByPhase.forEach((ids, phase) => {
    const earlierPhases = allPhases.slice(0, phase);
    const earlierTasks = taskIdsByPhase.slice(0, phase).flat();
    const phaseDeps: string[] = [];
    if (chance(0.5)) {
      const candidates = targets(earlierPhases);
      if (candidates.length > 0) phaseDeps.push(dependency(pick(candidates)));
    }
    if (chance(0.2)) {
      const candidates = targets(earlierTasks);
      if (candidates.length > 0) phaseDeps.push(dependency(pick(candidates)));
    }
    lines.push(`  - id: ph${phase}`, `    depends_on: [${phaseDeps.join(', ')}]`, '    tasks:');
    ids.forEach((id) => {
      const fields = [`id: ${id}`];
      const shape = random();
      if (shape < 0.1) fields.push('milestone: true');
      else if (shape < 0.14) fields.push('name: no duration');
      else if (shape < 0.3) fields.push(`duration: ${int(1, 2)}w`);
      else fields.push(`duration: ${int(0, 6)}d`);
      const earlier = [...allTasks.slice(0, allTasks.indexOf(id)), ...earlierPhases];
      const deps: string[] = [];
      for (let d = int(0, 3); d > 0; d--) {
        const candidates = targets(earlier);
        if (candidates.length > 0) deps.push(dependency(pick(candidates)));
      }
      if (deps.length > 0) fields.push(`depends_on: [${deps.join(', ')}]`);
      if (chance(0.2)) fields.push(`start: ${date(int(-10, 60))}`);
      if (chance(0.2)) fields.push(`deadline: ${date(int(-5, 80))}`);
      const assignments: string[] = [];
      for (let a = int(0, 2); a > 0; a--) {
        assignments.push(`{person: ${pick(['p0', 'p1', 'p2', 'nobody'])}, load: ${pick(['25%', '50%', '100%', '8h/w', '20h/w'])}}`);
      }
      if (assignments.length > 0) fields.push(`assign: [${assignments.join(', ')}]`);
      lines.push(`      - {${fields.join(', ')}}`);
    });
  });
  return lines.join('\n') + '\n';
}
