/**
 * The resource load view as data: one row per person, one column per week,
 * each cell load against capacity. Pure (no DOM), so it is unit-tested;
 * preview.ts turns it into a table with textContent only.
 */
import type { Timeline } from '@crmplan/shared/timeline.js';

/** How full a week is; `over` is set from the schedule's own overallocation check, not from the percentage. */
export type LoadLevel = 'none' | 'low' | 'medium' | 'high' | 'full' | 'over';

export interface LoadCell {
  readonly week: string;
  /** What the cell shows: "80%", "120% !" when overallocated, "" for a week without work. */
  readonly text: string;
  readonly level: LoadLevel;
  readonly overallocated: boolean;
  /** The tooltip: the numbers and the tasks, so the colour is never the only signal. */
  readonly title: string;
}

export interface LoadRow {
  readonly label: string;
  readonly cells: readonly LoadCell[];
}

export interface LoadHeatmap {
  /** The Mondays of the plan's weeks, ascending. */
  readonly weeks: readonly string[];
  readonly rows: readonly LoadRow[];
}

/** The mark appended to an overallocated cell's text. */
export const OVERALLOCATED_MARK = '!';

export function loadHeatmap(timeline: Pick<Timeline, 'people' | 'tasks' | 'weeks'>): LoadHeatmap {
  const weeks = timeline.weeks;
  const taskLabels = new Map(timeline.tasks.map((task) => [task.key, task.label]));
  const rows = timeline.people.map((person): LoadRow => {
    const byWeek = new Map(person.weeks.map((load) => [load.week, load]));
    return {
      label: person.label,
      cells: weeks.map((week): LoadCell => {
        const load = byWeek.get(week);
        const off = load?.daysOff ? `${load.daysOff} day${load.daysOff === 1 ? '' : 's'} off (leave, holidays or weekdays off)` : undefined;
        if (!load || (load.loadHours === 0 && !load.overallocated)) {
          const title = `${person.label}, week of ${week}: no work${off ? `; ${off}` : ''}`;
          return { week, text: off ? 'off' : '', level: 'none', overallocated: false, title };
        }
        const percent = load.capacityHours > 0 ? Math.round((load.loadHours / load.capacityHours) * 100) : undefined;
        const shown = percent === undefined ? `${formatHours(load.loadHours)} h` : `${percent}%`;
        const tasks = load.taskKeys.map((key) => taskLabels.get(key) ?? key);
        const title = [
          `${person.label}, week of ${week}: ${formatHours(load.loadHours)} h of ${formatHours(load.capacityHours)} h` +
            (percent === undefined ? ' (no capacity)' : ` (${percent}%)`),
          load.overallocated ? 'overallocated on some working day' : undefined,
          off,
          tasks.length > 0 ? `tasks: ${tasks.join(', ')}` : undefined,
        ]
          .filter((line): line is string => line !== undefined)
          .join('\n');
        return {
          week,
          text: load.overallocated ? `${shown} ${OVERALLOCATED_MARK}` : shown,
          level: load.overallocated ? 'over' : levelOf(percent),
          overallocated: load.overallocated,
          title,
        };
      }),
    };
  });
  return { weeks, rows };
}

function levelOf(percent: number | undefined): LoadLevel {
  if (percent === undefined) return 'full';
  if (percent < 40) return 'low';
  if (percent < 75) return 'medium';
  if (percent < 100) return 'high';
  return 'full';
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
