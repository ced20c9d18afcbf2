import type { Timeline, TimelineTask, TimelineTaskStatus } from './timeline-types.js';

/**
 * The timeline as `crmplan/timeline` sends it: tasks column by column
 * instead of one object per task. A large plan's timeline is mostly its
 * tasks, and as objects every task repeats a dozen key names and a nested
 * span: 3.7 MB of JSON at 10,000 tasks, about 70 ms to write and read back
 * per answer. As columns the same content is about a third of that, and
 * `decodeTimeline` gives back exactly the `Timeline` that was encoded.
 * Keys are not sent: task i's key is `t<i>` and its phase's is
 * `p<phaseIndex>` (timeline-model.ts makes them so).
 */
export interface TimelineTaskColumns {
  readonly id: readonly (string | null)[];
  readonly label: readonly string[];
  readonly phaseIndex: readonly number[];
  readonly start: readonly (string | null)[];
  readonly finish: readonly (string | null)[];
  readonly duration: readonly number[];
  /** 1 for a milestone, else 0. */
  readonly milestone: readonly number[];
  /** 1 for a task on the critical path, else 0. */
  readonly critical: readonly number[];
  readonly totalFloat: readonly (number | null)[];
  readonly status: readonly (TimelineTaskStatus | null)[];
  readonly owner: readonly (string | null)[];
  /** Task i's span is [spans[2i], spans[2i + 1]). */
  readonly spans: readonly number[];
  /** Only when some task has baseline dates: task i's, or null. */
  readonly baselineStart?: readonly (string | null)[];
  readonly baselineFinish?: readonly (string | null)[];
  /** Each only when some task has it: task i's value, or null. */
  readonly progress?: readonly (number | null)[];
  readonly actualStart?: readonly (string | null)[];
  readonly actualFinish?: readonly (string | null)[];
}

export interface WireTimeline extends Omit<Timeline, 'tasks'> {
  readonly tasks: TimelineTaskColumns;
}

const TASK_KEY = /^t(\d+)$/;
const PHASE_KEY = /^p(\d+)$/;

export function encodeTimeline(timeline: Timeline): WireTimeline {
  const tasks = timeline.tasks;
  const count = tasks.length;
  const columns = {
    id: new Array<string | null>(count),
    label: new Array<string>(count),
    phaseIndex: new Array<number>(count),
    start: new Array<string | null>(count),
    finish: new Array<string | null>(count),
    duration: new Array<number>(count),
    milestone: new Array<number>(count),
    critical: new Array<number>(count),
    totalFloat: new Array<number | null>(count),
    status: new Array<TimelineTaskStatus | null>(count),
    owner: new Array<string | null>(count),
    spans: new Array<number>(2 * count),
  };
  for (let index = 0; index < count; index++) {
    const task = tasks[index]!;
    // The keys are made from indexes; anything else could not be rebuilt from the columns.
    if (TASK_KEY.exec(task.key)?.[1] !== String(index)) throw new Error(`timeline task ${index} has the key ${task.key}`);
    const phase = PHASE_KEY.exec(task.phaseKey)?.[1];
    if (phase === undefined) throw new Error(`timeline task ${index} has the phase key ${task.phaseKey}`);
    columns.id[index] = task.id;
    columns.label[index] = task.label;
    columns.phaseIndex[index] = Number(phase);
    columns.start[index] = task.start;
    columns.finish[index] = task.finish;
    columns.duration[index] = task.duration;
    columns.milestone[index] = task.milestone ? 1 : 0;
    columns.critical[index] = task.critical ? 1 : 0;
    columns.totalFloat[index] = task.totalFloat;
    columns.status[index] = task.status;
    columns.owner[index] = task.owner;
    columns.spans[2 * index] = task.span.start;
    columns.spans[2 * index + 1] = task.span.end;
  }
  const optional = {
    ...optionalColumn(tasks, 'progress'),
    ...optionalColumn(tasks, 'actualStart'),
    ...optionalColumn(tasks, 'actualFinish'),
  };
  if (!tasks.some((task) => task.baselineStart !== undefined)) return { ...timeline, tasks: { ...columns, ...optional } };
  const baselineStart = tasks.map((task) => task.baselineStart ?? null);
  const baselineFinish = tasks.map((task) => task.baselineFinish ?? null);
  return { ...timeline, tasks: { ...columns, baselineStart, baselineFinish, ...optional } };
}

type OptionalTaskField = 'progress' | 'actualStart' | 'actualFinish';

/** `{[field]: column}` when some task has the field, else `{}` (a plan without progress sends nothing for it). */
function optionalColumn<F extends OptionalTaskField>(tasks: readonly TimelineTask[], field: F): Partial<Record<F, (NonNullable<TimelineTask[F]> | null)[]>> {
  if (!tasks.some((task) => task[field] !== undefined)) return {};
  return { [field]: tasks.map((task) => task[field] ?? null) } as Partial<Record<F, (NonNullable<TimelineTask[F]> | null)[]>>;
}

/** The `Timeline` that `encodeTimeline` was given. */
export function decodeTimeline(wire: WireTimeline): Timeline {
  const columns = wire.tasks;
  const tasks: TimelineTask[] = new Array<TimelineTask>(columns.label.length);
  for (let index = 0; index < tasks.length; index++) {
    tasks[index] = {
      key: `t${index}`,
      id: columns.id[index] ?? null,
      label: columns.label[index]!,
      phaseKey: `p${columns.phaseIndex[index]!}`,
      start: columns.start[index] ?? null,
      finish: columns.finish[index] ?? null,
      duration: columns.duration[index]!,
      milestone: columns.milestone[index] === 1,
      critical: columns.critical[index] === 1,
      totalFloat: columns.totalFloat[index] ?? null,
      status: columns.status[index] ?? null,
      owner: columns.owner[index] ?? null,
      span: { start: columns.spans[2 * index]!, end: columns.spans[2 * index + 1]! },
    };
    const baselineStart = columns.baselineStart?.[index];
    const baselineFinish = columns.baselineFinish?.[index];
    if (typeof baselineStart === 'string' && typeof baselineFinish === 'string') {
      tasks[index] = { ...tasks[index]!, baselineStart, baselineFinish };
    }
    const progress = columns.progress?.[index];
    const actualStart = columns.actualStart?.[index];
    const actualFinish = columns.actualFinish?.[index];
    if (typeof progress === 'number' || typeof actualStart === 'string' || typeof actualFinish === 'string') {
      tasks[index] = {
        ...tasks[index]!,
        ...(typeof progress === 'number' ? { progress } : {}),
        ...(typeof actualStart === 'string' ? { actualStart } : {}),
        ...(typeof actualFinish === 'string' ? { actualFinish } : {}),
      };
    }
  }
  return { ...wire, tasks };
}
