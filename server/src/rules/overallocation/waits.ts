import type { Symbols } from '../../model/symbols.js';
import type { PlanModel } from '../../model/types.js';
import type { WorkGraph } from '../../model/work-graph.js';
import type { Schedule } from '../../schedule/compute-schedule.js';
import { ForwardPass, ScheduleEdges } from '../../schedule/forward-pass.js';
import { LoadTable, type OccupiedRange } from '../../schedule/load.js';
import { progressBounds, type ProgressBounds } from '../../schedule/progress.js';

/**
 * At most this many "what if the task waited for that one" schedules per
 * analysis. Each is a forward pass over the nodes after the task plus a load
 * sweep over every booking, O(nodes + edges + bookings log bookings); the
 * cap keeps code actions on a plan that overloads everyone at a bounded
 * cost (past it, no wait is offered: not checked is not resolving).
 */
export const WAIT_CHECK_LIMIT = 100;

/**
 * The checks of one analysis also share this much work, each counted as
 * the plan's tasks, phases and assignments (about what one check touches):
 * a plan of 10,000 tasks gets a few dozen checks, not a hundred.
 */
export const WAIT_CHECK_WORK = 1_000_000;

/**
 * How many "what if it waited" checks have run in this process. Only
 * tests read it: they prove that validation runs none and that a code
 * action runs them.
 */
export const waitCheckCounter = { checks: 0 };

/**
 * Decides which tasks a task could wait for (finish-to-start, no lag) so
 * that a person's overallocation on it goes away and nobody is overloaded
 * anew. Waiting moves the task and everything that follows it, which can
 * land them on other work, so the answer is computed, not guessed: the
 * dates of the task and of what follows it are recomputed with the new
 * dependency, and the loads are swept again.
 *
 * In a plan in flight the what-if schedules as the real schedule does
 * (schedule/progress.ts, with the same bounds and the same forward pass):
 * a started or finished task keeps its actual dates, so it is never
 * offered a wait (a dependency would move nothing); what follows the moved
 * task keeps its actual dates too, and nothing not started moves before
 * the status date.
 *
 * Nothing upstream of the task moves (the predecessor is not downstream of
 * it, or the dependency would close a cycle), so the forward pass only
 * revisits the nodes after the task in topological order whose
 * prerequisites moved; everything else keeps its computed dates.
 *
 * Only the overallocation quick fix uses it, when the editor asks for code
 * actions: one WaitCheck per analysis, so its budget is the analysis's.
 */
export class WaitCheck {
  private remaining: number;
  private orderPositions: Int32Array | undefined;
  private dates: ScheduledDates | undefined;
  private loads: LoadTable | undefined;
  private readonly overallocatedPairs: Set<string>;

  constructor(
    private readonly model: PlanModel,
    private readonly symbols: Symbols,
    private readonly graph: WorkGraph,
    private readonly schedule: Schedule,
  ) {
    const size = model.tasks.reduce((sum, task) => sum + task.assign.length, graph.taskCount + graph.phaseCount);
    this.remaining = Math.min(WAIT_CHECK_LIMIT, Math.floor(WAIT_CHECK_WORK / Math.max(1, size)));
    this.overallocatedPairs = new Set(
      schedule.overallocations.flatMap((range) => range.taskIndexes.map((taskIndex) => pairKey(range.personIndex, taskIndex))),
    );
  }

  /**
   * The candidates (task indexes, none of them downstream of the task)
   * whose waiting removes every overallocation of `personIndex` on
   * `taskIndex` and adds none: every (person, task) pair overallocated
   * afterwards was overallocated before. Only candidates a `depends_on` can
   * name (their id declares them, not an earlier duplicate) in the task's
   * phase or an earlier one (waiting for a later phase's work is
   * `phase-order`'s finding) are checked. Undefined when the check budget
   * is spent.
   */
  resolving(taskIndex: number, personIndex: number, candidates: readonly number[]): number[] | undefined {
    // Actual dates are what happened: waiting would not move a started or finished task.
    const state = this.schedule.tasks[taskIndex]?.progress?.state;
    if (state === 'started' || state === 'finished') return [];
    const phaseIndex = this.model.tasks[taskIndex]?.phaseIndex ?? -1;
    const nameable = candidates.filter((candidate) => {
      const task = this.model.tasks[candidate];
      const declaration = task?.id && this.symbols.lookup('work', task.id.value);
      return declaration?.kind === 'task' && declaration.index === candidate && task!.phaseIndex <= phaseIndex;
    });
    if (nameable.length > this.remaining) {
      this.remaining = 0;
      return undefined;
    }
    this.remaining -= nameable.length;
    return nameable.filter((candidate) => this.waitingResolves(taskIndex, personIndex, candidate));
  }

  private waitingResolves(taskIndex: number, personIndex: number, predecessor: number): boolean {
    waitCheckCounter.checks++;
    const ranges = this.rangesAfterWaiting(taskIndex, predecessor);
    if (!ranges) return false;
    // One table for every check: each sweeps flat arrays, not the model.
    this.loads ??= new LoadTable(this.model, this.schedule.calendar, this.schedule.daysOff);
    const after = this.loads.overallocations(ranges);
    const target = pairKey(personIndex, taskIndex);
    for (const range of after) {
      for (const overloaded of range.taskIndexes) {
        const key = pairKey(range.personIndex, overloaded);
        if (key === target || !this.overallocatedPairs.has(key)) return false;
      }
    }
    return true;
  }

  /** Every task's [s, e) once `taskIndex` waits for the finish of `predecessor`; undefined when nothing moves. */
  private rangesAfterWaiting(taskIndex: number, predecessor: number): (OccupiedRange | undefined)[] | undefined {
    const { graph, schedule } = this;
    const task = schedule.tasks[taskIndex];
    const before = schedule.tasks[predecessor];
    if (!task || !before || before.e <= task.s) return undefined;
    const scheduled = this.scheduledDates();
    const early = scheduled.early.slice();
    const earlyEnd = scheduled.earlyEnd.slice();
    const pass = new ForwardPass(scheduled.edges, graph.taskCount, scheduled.durations, scheduled.startBounds, early, earlyEnd, scheduled.progress);
    const moved = new Uint8Array(early.length);
    early[taskIndex] = before.e;
    earlyEnd[taskIndex] = before.e + task.duration;
    moved[taskIndex] = 1;

    const order = graph.order;
    for (let position = this.positionInOrder(taskIndex) + 1; position < order.length; position++) {
      const node = order[position]!;
      const edges = graph.edges[node] ?? [];
      if (!edges.some((edge) => moved[edge.to] === 1)) continue;
      const oldStart = early[node]!;
      const oldEnd = earlyEnd[node]!;
      if (Number.isNaN(oldStart)) continue;
      // The scheduler's own forward-pass step, over the moved dates.
      pass.scheduleNode(node);
      if (early[node] !== oldStart || earlyEnd[node] !== oldEnd) moved[node] = 1;
    }
    return schedule.tasks.map((range, index) => (moved[index] === 1 ? { s: early[index]!, e: earlyEnd[index]! } : range));
  }

  /** The schedule's forward-pass inputs and results as arrays, made on the first check. */
  private scheduledDates(): ScheduledDates {
    if (!this.dates) {
      const { graph, schedule } = this;
      const nodeCount = graph.taskCount + graph.phaseCount;
      const early = new Float64Array(nodeCount).fill(Number.NaN);
      const earlyEnd = new Float64Array(nodeCount).fill(Number.NaN);
      const durations = new Float64Array(graph.taskCount);
      const startBounds = new Float64Array(graph.taskCount).fill(Number.NaN);
      const dated = [...schedule.tasks, ...schedule.phases];
      dated.forEach((range, node) => {
        if (!range) return;
        early[node] = range.s;
        earlyEnd[node] = range.e;
      });
      schedule.tasks.forEach((range, taskIndex) => {
        if (!range) return;
        // D as planned: progressBounds turns it into the span of a task on its actual dates, as the scheduler does.
        durations[taskIndex] = range.progress?.plannedDuration ?? range.duration;
        if (range.startBound !== undefined) startBounds[taskIndex] = range.startBound;
      });
      // The schedule kept its plan as planned exactly when progress bounds applied to it.
      const progress = schedule.planned ? progressBounds(this.model, schedule.calendar, durations, schedule.status) : undefined;
      this.dates = { edges: new ScheduleEdges(graph, schedule.calendar), early, earlyEnd, durations, startBounds, ...(progress ? { progress } : {}) };
    }
    return this.dates;
  }

  private positionInOrder(node: number): number {
    if (!this.orderPositions) {
      const positions = new Int32Array(this.graph.taskCount + this.graph.phaseCount).fill(-1);
      this.graph.order.forEach((ordered, position) => (positions[ordered] = position));
      this.orderPositions = positions;
    }
    return this.orderPositions[node] ?? -1;
  }
}

interface ScheduledDates {
  readonly edges: ScheduleEdges;
  /** Per node; NaN for nodes without dates. */
  readonly early: Float64Array;
  readonly earlyEnd: Float64Array;
  /** Per task. */
  readonly durations: Float64Array;
  /** Per task; NaN without `start:`. */
  readonly startBounds: Float64Array;
  /** The schedule's actual dates and status date, when they applied to it. */
  readonly progress?: ProgressBounds;
}

function pairKey(personIndex: number, taskIndex: number): string {
  return `${personIndex}:${taskIndex}`;
}
