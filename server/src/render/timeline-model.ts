import { WEEKDAYS, type PlanModel, type Weekday } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import type { Severity } from '../model/types.js';
import { dateOfDayNumber, dayNumberOfDate, weekdayOfDayNumber, type WorkingCalendar } from '../schedule/calendar.js';
import { taskDuration, type Schedule } from '../schedule/compute-schedule.js';
import { assignmentDailyLoad, dailyCapacity } from '../schedule/load.js';
import { isFinished } from '../schedule/progress.js';
import { countFindings } from '../model/finding-counts.js';
import { personDayLoads, type PersonBooking } from './timeline-load.js';
import { formatDuration } from '../model/values.js';
import type { Dependency } from '../model/types.js';
import type {
  Timeline,
  TimelineDependency,
  TimelinePerson,
  TimelinePhase,
  TimelineTask,
  TimelineWeekLoad,
} from './timeline-types.js';

/** Mermaid's weekday names (`excludes saturday`), indexed like WEEKDAYS (Monday first). */
const MERMAID_WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

/** Keys are generated from indexes so that nothing the plan says becomes a Mermaid token or a DOM id. */
export const taskKey = (taskIndex: number): string => `t${taskIndex}`;
export const phaseKey = (phaseIndex: number): string => `p${phaseIndex}`;
export const personKey = (personIndex: number): string => `r${personIndex}`;

/** What the timeline reads of an analysis: the model and schedule, and how many findings of each severity. */
export interface TimelineSource {
  readonly model: PlanModel;
  readonly symbols: Symbols;
  readonly schedule: Schedule | undefined;
  readonly findings: readonly { readonly severity: Severity }[];
}

/**
 * The timeline of an analysed plan: what the preview, `crmplan gantt` and
 * `crmplan diff` draw. Undefined when the plan cannot be scheduled (no
 * usable `plan.start`). Pure; reads the schedule, never recomputes it.
 */
export function buildTimeline(analysis: TimelineSource): Timeline | undefined {
  const { model, schedule } = analysis;
  if (!schedule) return undefined;
  const calendar = schedule.calendar;
  const weeks = timelineWeeks(schedule);
  return {
    version: 1,
    title: model.plan.name?.value ?? null,
    start: schedule.start,
    finish: schedule.finish ?? null,
    workingDays: schedule.projectEnd,
    weekends: WEEKDAYS.filter((weekday) => !model.plan.calendar.workdays.includes(weekday)).map(
      (weekday) => MERMAID_WEEKDAY_NAMES[weekday],
    ),
    holidays: schedule.holidays.map((holiday) => holiday.date),
    phases: timelinePhases(model, schedule),
    tasks: timelineTasks(model, schedule, calendar),
    weeks: weeks.map((week) => week.monday),
    people: timelinePeople(model, analysis.symbols, schedule, weeks),
    findings: countFindings(analysis.findings),
    ...optionalTimelineFields(model, analysis.symbols),
  };
}

/** The fields a plan may not have (no dependency, no status date): left out rather than empty. */
function optionalTimelineFields(model: PlanModel, symbols: Symbols): Pick<Timeline, 'dependencies' | 'statusDate'> {
  const dependencies = timelineDependencies(model, symbols);
  const statusDate = model.plan.statusDate?.value;
  return { ...(dependencies.length > 0 ? { dependencies } : {}), ...(statusDate !== undefined ? { statusDate } : {}) };
}

/**
 * The `depends_on` entries of tasks and phases whose target names a task or
 * a phase (an unknown id is `unknown-reference`'s finding, and draws nothing).
 */
function timelineDependencies(model: PlanModel, symbols: Symbols): TimelineDependency[] {
  const dependencies: TimelineDependency[] = [];
  const add = (to: string, entries: readonly Dependency[]): void => {
    for (const entry of entries) {
      const target = symbols.lookup('work', entry.target.id);
      const from = target?.kind === 'task' ? taskKey(target.index) : target?.kind === 'phase' ? phaseKey(target.index) : undefined;
      if (from === undefined || from === to) continue;
      const lag = entry.lag.amount === 0 ? undefined : `${entry.lag.amount > 0 ? '+' : '-'}${formatDuration({ amount: Math.abs(entry.lag.amount), unit: entry.lag.unit })}`;
      dependencies.push({ from, to, type: entry.type, ...(lag !== undefined ? { lag } : {}) });
    }
  };
  model.tasks.forEach((task, taskIndex) => add(taskKey(taskIndex), task.dependsOn));
  model.phases.forEach((phase, phaseIndex) => add(phaseKey(phaseIndex), phase.dependsOn));
  return dependencies;
}

/** `progress`, else 100 for a finished task (done, or with an actual finish); undefined when the plan says neither. */
function progressOf(task: PlanModel['tasks'][number]): number | undefined {
  if (task.progress !== undefined) return task.progress.value;
  return isFinished(task) ? 100 : undefined;
}

/**
 * The status the chart draws: done for a task the scheduler treats as
 * finished (`status: done` or an `actual_finish`), in progress for one
 * with an `actual_start` and no status of its own, else what the plan says.
 */
function drawnStatus(task: PlanModel['tasks'][number]): TimelineTask['status'] {
  if (isFinished(task)) return 'done';
  if (task.status === undefined && task.actualStart !== undefined) return 'in-progress';
  return task.status?.value ?? null;
}

function timelineTasks(model: PlanModel, schedule: Schedule, calendar: WorkingCalendar): TimelineTask[] {
  const baselined = baselineDates(model);
  return model.tasks.map((task, taskIndex) => {
    const scheduled = schedule.tasks[taskIndex];
    const duration = taskDuration(task, calendar);
    const baseline = task.id && baselined.get(task.id.value);
    return {
      key: taskKey(taskIndex),
      id: task.id?.value ?? null,
      label: task.name?.value ?? task.id?.value ?? '(unnamed task)',
      phaseKey: phaseKey(task.phaseIndex),
      start: scheduled?.start ?? null,
      finish: scheduled?.finish ?? null,
      duration: scheduled?.duration ?? duration.days,
      milestone: scheduled?.milestone ?? duration.milestone,
      critical: scheduled?.critical ?? false,
      totalFloat: scheduled?.totalFloat ?? null,
      status: drawnStatus(task),
      owner: task.owner?.id ?? null,
      span: task.id?.span ?? task.span,
      ...(baseline ? { baselineStart: baseline.start, baselineFinish: baseline.finish } : {}),
      ...optionalTaskFields(task),
    };
  });
}

/** Progress and actual dates, each only when the plan has it. */
function optionalTaskFields(task: PlanModel['tasks'][number]): Pick<TimelineTask, 'progress' | 'actualStart' | 'actualFinish'> {
  const progress = progressOf(task);
  return {
    ...(progress !== undefined ? { progress } : {}),
    ...(task.actualStart ? { actualStart: task.actualStart.value } : {}),
    ...(task.actualFinish ? { actualFinish: task.actualFinish.value } : {}),
  };
}

/** Per task id, the dates of its `baseline:` entry (the first entry of an id; both dates needed). */
function baselineDates(model: PlanModel): Map<string, { start: string; finish: string }> {
  const dates = new Map<string, { start: string; finish: string }>();
  for (const entry of model.baseline?.tasks ?? []) {
    if (!entry.start || !entry.finish || dates.has(entry.id.value)) continue;
    dates.set(entry.id.value, { start: entry.start.value, finish: entry.finish.value });
  }
  return dates;
}

function timelinePhases(model: PlanModel, schedule: Schedule): TimelinePhase[] {
  return model.phases.map((phase, phaseIndex) => {
    const scheduled = schedule.phases[phaseIndex];
    return {
      key: phaseKey(phaseIndex),
      id: phase.id?.value ?? null,
      label: phase.name?.value ?? phase.id?.value ?? '(unnamed phase)',
      start: scheduled?.start ?? null,
      finish: scheduled?.finish ?? null,
      critical: scheduled?.critical ?? false,
      taskKeys: phase.taskIndexes.map(taskKey),
      span: phase.id?.span ?? phase.span,
    };
  });
}


/**
 * The calendar weeks of the timeline: Mondays from the week of `plan.start`
 * to the week of the finish, and for each the working-day indexes
 * [first, end) it covers, clamped to the plan's working days [0, E). Days
 * outside the plan are not on the timeline, so a plan starting on a
 * Wednesday has a first week of three working days, in load and capacity.
 */
interface TimelineWeek {
  readonly monday: string;
  readonly first: number;
  readonly end: number;
}

/**
 * At most this many weeks of load are computed (ten years). A plan can make
 * its schedule as long as the calendar allows (a typo like `duration: 90000d`),
 * and the load table, the preview and the chart must stay usable anyway.
 */
export const MAX_LOAD_WEEKS = 520;

function timelineWeeks(schedule: Schedule): TimelineWeek[] {
  if (schedule.finish === undefined) return [];
  const calendar = schedule.calendar;
  const startDay = dayNumberOfDate(schedule.start);
  const firstMonday = startDay - weekdayOfDayNumber(startDay);
  const lastDay = dayNumberOfDate(schedule.finish);
  const clamp = (index: number): number => Math.min(schedule.projectEnd, Math.max(0, index));
  const weeks: TimelineWeek[] = [];
  for (let monday = firstMonday; monday <= lastDay && weeks.length < MAX_LOAD_WEEKS; monday += 7) {
    weeks.push({
      monday: dateOfDayNumber(monday),
      first: clamp(calendar.indexOnOrAfter(dateOfDayNumber(monday))),
      end: clamp(calendar.indexOnOrAfter(dateOfDayNumber(monday + 7))),
    });
  }
  return weeks;
}

/**
 * Weekly load per person. The daily figures are the ones the
 * `overallocation` rule uses (`assignmentDailyLoad`, `dailyCapacity`), and a
 * week is overallocated exactly when one of its working days lies in one of
 * the schedule's overallocations: one notion of overallocation, not two.
 * Only weeks with work or an overallocation are listed.
 */
function timelinePeople(model: PlanModel, symbols: Symbols, schedule: Schedule, weeks: readonly TimelineWeek[]): TimelinePerson[] {
  const calendar = schedule.calendar;
  const bookingsByPerson = new Map<number, PersonBooking[]>();
  model.tasks.forEach((task, taskIndex) => {
    const scheduled = schedule.tasks[taskIndex];
    if (!scheduled || scheduled.e <= scheduled.s) return;
    for (const assignment of task.assign) {
      const declaration = symbols.lookup('person', assignment.person.id);
      if (declaration?.kind !== 'person') continue;
      const hoursPerDay = assignmentDailyLoad(assignment, calendar);
      const bookings = bookingsByPerson.get(declaration.index) ?? [];
      bookings.push({ taskIndex, s: scheduled.s, e: scheduled.e, hoursPerDay: hoursPerDay > 0 ? hoursPerDay : 0 });
      bookingsByPerson.set(declaration.index, bookings);
    }
  });
  const overallocationsByPerson = new Map<number, Schedule['overallocations'][number][]>();
  for (const overallocation of schedule.overallocations) {
    const list = overallocationsByPerson.get(overallocation.personIndex) ?? [];
    list.push(overallocation);
    overallocationsByPerson.set(overallocation.personIndex, list);
  }
  return model.people.map((person, personIndex) => {
    const capacity = dailyCapacity(person, calendar);
    // Each booking and overallocation adds to the few weeks it overlaps, so
    // the cost follows the bookings, not people x weeks.
    const loads = new Map<number, { loadHours: number; taskIndexes: Set<number>; overallocated: boolean }>();
    const loadOf = (weekIndex: number): { loadHours: number; taskIndexes: Set<number>; overallocated: boolean } => {
      let load = loads.get(weekIndex);
      if (!load) {
        load = { loadHours: 0, taskIndexes: new Set(), overallocated: false };
        loads.set(weekIndex, load);
      }
      return load;
    };
    for (const booking of bookingsByPerson.get(personIndex) ?? []) {
      for (let index = firstWeekEndingAfter(weeks, booking.s); index < weeks.length && weeks[index]!.first < booking.e; index++) {
        const week = weeks[index]!;
        const days = Math.min(booking.e, week.end) - Math.max(booking.s, week.first);
        if (days <= 0) continue;
        const load = loadOf(index);
        load.loadHours += days * booking.hoursPerDay;
        load.taskIndexes.add(booking.taskIndex);
      }
    }
    // The person's days off in the timeline's weeks, by week.
    const daysOff = new Map<number, number>();
    const personDaysOff = schedule.daysOff[personIndex];
    const firstWeek = weeks[0];
    const lastWeek = weeks[weeks.length - 1];
    const offRanges = personDaysOff && firstWeek && lastWeek ? personDaysOff.within(firstWeek.first, lastWeek.end, calendar) : [];
    if (firstWeek && lastWeek) {
      for (const range of offRanges) {
        for (let index = firstWeekEndingAfter(weeks, range.fromIndex); index < weeks.length && weeks[index]!.first <= range.toIndex; index++) {
          const week = weeks[index]!;
          const days = Math.min(range.toIndex + 1, week.end) - Math.max(range.fromIndex, week.first);
          if (days <= 0) continue;
          daysOff.set(index, (daysOff.get(index) ?? 0) + days);
          loadOf(index);
        }
      }
    }
    for (const overallocation of overallocationsByPerson.get(personIndex) ?? []) {
      for (let index = firstWeekEndingAfter(weeks, overallocation.fromIndex); index < weeks.length && weeks[index]!.first <= overallocation.toIndex; index++) {
        loadOf(index).overallocated = true;
      }
    }
    const weekLoads: TimelineWeekLoad[] = [...loads.keys()]
      .sort((a, b) => a - b)
      .map((index) => {
        const week = weeks[index]!;
        const load = loads.get(index)!;
        const off = daysOff.get(index) ?? 0;
        return {
          week: week.monday,
          loadHours: load.loadHours,
          capacityHours: capacity * (week.end - week.first - off),
          overallocated: load.overallocated,
          taskKeys: [...load.taskIndexes].sort((a, b) => a - b).map(taskKey),
          ...(off > 0 ? { daysOff: off } : {}),
        };
      });
    return {
      key: personKey(personIndex),
      id: person.id?.value ?? null,
      label: person.name?.value ?? person.id?.value ?? '(unnamed person)',
      weeks: weekLoads,
      hoursPerDay: capacity,
      days: personDayLoads({
        bookings: (bookingsByPerson.get(personIndex) ?? []).filter((booking) => booking.hoursPerDay > 0),
        daysOff: offRanges,
        overallocations: overallocationsByPerson.get(personIndex) ?? [],
        first: firstWeek?.first ?? 0,
        end: lastWeek?.end ?? 0,
        calendar,
        startDay: dayNumberOfDate(schedule.start),
      }),
    };
  });
}

/** The first week whose working days end after working day `index` (weeks ascend, so a binary search). */
function firstWeekEndingAfter(weeks: readonly TimelineWeek[], index: number): number {
  let low = 0;
  let high = weeks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (weeks[middle]!.end > index) high = middle;
    else low = middle + 1;
  }
  return low;
}
