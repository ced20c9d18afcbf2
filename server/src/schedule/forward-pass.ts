import type { WorkEdge, WorkGraph } from '../model/work-graph.js';
import type { WorkingCalendar } from './calendar.js';
import type { ProgressBounds } from './progress.js';

/** What an edge of `ScheduleEdges` means to the passes. */
export const EdgeKind = {
  /** A phase waits for a task it contains (its span is its tasks'). */
  contains: 0,
  /** Finish-to-start: waits for the end of the target, plus the lag. */
  finishToStart: 1,
  /** Start-to-start: waits for the start of the target, plus the lag. */
  startToStart: 2,
  /** Neither (an edge without a dependency that is not `contains`): imposes nothing. */
  none: 3,
} as const;

/**
 * A work graph's edges in flat arrays for one calendar, read once from the
 * edge objects: the edges of `node` are positions `start[node]` up to
 * `start[node + 1]`, in the order of `graph.edges[node]`, with their target,
 * kind, lag in working days and whether the target is on a cycle. The
 * scheduler's passes read only these: a 10,000-task plan's edge and
 * dependency objects are spread over the heap, and reading them once
 * instead of once per pass is most of what the passes cost.
 */
export class ScheduleEdges {
  readonly start: Int32Array;
  readonly target: Int32Array;
  readonly kind: Uint8Array;
  readonly lag: Float64Array;
  /** 1 for a node on a dependency cycle. */
  readonly onCycle: Uint8Array;

  constructor(
    private readonly graph: WorkGraph,
    calendar: WorkingCalendar,
  ) {
    const nodeCount = graph.taskCount + graph.phaseCount;
    this.onCycle = new Uint8Array(nodeCount);
    for (const node of graph.cyclic) this.onCycle[node] = 1;
    this.start = new Int32Array(nodeCount + 1);
    let count = 0;
    for (let node = 0; node < nodeCount; node++) {
      this.start[node] = count;
      count += graph.edges[node]?.length ?? 0;
    }
    this.start[nodeCount] = count;
    this.target = new Int32Array(count);
    this.kind = new Uint8Array(count);
    this.lag = new Float64Array(count);
    for (let node = 0; node < nodeCount; node++) {
      const edges = graph.edges[node] ?? [];
      const first = this.start[node]!;
      for (let index = 0; index < edges.length; index++) {
        const edge = edges[index]!;
        const position = first + index;
        const dependency = edge.dependency;
        this.target[position] = edge.to;
        if (dependency) {
          this.kind[position] = dependency.type === 'SS' ? EdgeKind.startToStart : EdgeKind.finishToStart;
          this.lag[position] = calendar.workingDays(dependency.lag);
        } else {
          this.kind[position] = edge.via === 'contains' ? EdgeKind.contains : EdgeKind.none;
        }
      }
    }
  }

  /** The edge object at a position. */
  edgeAt(node: number, position: number): WorkEdge | undefined {
    return this.graph.edges[node]?.[position - this.start[node]!];
  }
}

/**
 * The forward pass over a work graph, one node at a time, into flat arrays:
 * `early[node]` and `earlyEnd[node]` are the node's working-day range
 * [s, e), NaN while (or when) it is not scheduled. Shared by the scheduler
 * and by the what-if checks that re-schedule part of a plan, so both follow
 * the same semantics:
 *
 * - a task starts at the largest of 0, its `start` bound and the bound each
 *   dependency sets (FS: predecessor's e + lag; SS: predecessor's s + lag);
 *   the first dependency that sets the largest bound drives it;
 * - with progress bounds, a task with actual dates keeps them and a task
 *   not started starts no earlier than the status date (schedule/progress.ts);
 * - a phase spans its scheduled tasks (unscheduled without any);
 * - edges to nodes on a cycle, or to unscheduled ones (an empty phase),
 *   impose nothing.
 */
export class ForwardPass {
  /** The edge whose bound set each task's start, when a dependency (not 0 or `start`) did. */
  readonly drivingEdges: (WorkEdge | undefined)[];

  constructor(
    private readonly edges: ScheduleEdges,
    private readonly taskCount: number,
    /** D per task, in working days. */
    private readonly durations: Float64Array,
    /** The index each task's `start:` asks for; NaN without one. */
    private readonly startBounds: Float64Array,
    readonly early: Float64Array,
    readonly earlyEnd: Float64Array,
    /** Actual dates and the status date (schedule/progress.ts); absent: none apply. */
    private readonly progress?: ProgressBounds,
  ) {
    this.drivingEdges = new Array<WorkEdge | undefined>(taskCount).fill(undefined);
  }

  /** Computes one node's dates from those of what it waits for (which must be final). */
  scheduleNode(node: number): void {
    if (node < this.taskCount) this.scheduleTask(node);
    else this.schedulePhase(node);
  }

  private scheduleTask(task: number): void {
    const { early, earlyEnd } = this;
    const { start, target, kind, lag, onCycle } = this.edges;
    const progress = this.progress;
    if (progress && !Number.isNaN(progress.fixedStart[task]!)) {
      // Actual dates are what happened: no dependency moves them.
      early[task] = progress.fixedStart[task]!;
      earlyEnd[task] = progress.fixedEnd[task]!;
      this.drivingEdges[task] = undefined;
      return;
    }
    let s = 0;
    const startBound = this.startBounds[task]!;
    if (startBound > s) s = startBound; // false for NaN: no bound
    let driver = -1;
    for (let position = start[task]!, end = start[task + 1]!; position < end; position++) {
      const edgeKind = kind[position]!;
      const to = target[position]!;
      if (edgeKind === EdgeKind.contains || edgeKind === EdgeKind.none || onCycle[to] === 1) continue;
      const predecessor = edgeKind === EdgeKind.startToStart ? early[to]! : earlyEnd[to]!;
      if (Number.isNaN(predecessor)) continue;
      const bound = predecessor + lag[position]!;
      if (bound > s) {
        s = bound;
        driver = position;
      }
    }
    if (progress) {
      progress.startBeforeFloor[task] = s;
      // Nothing not started is scheduled before the status date.
      if (progress.floor[task]! > s) {
        s = progress.floor[task]!;
        driver = -1;
      }
    }
    early[task] = s;
    earlyEnd[task] = s + this.durations[task]!;
    this.drivingEdges[task] = driver < 0 ? undefined : this.edges.edgeAt(task, driver);
  }

  private schedulePhase(phase: number): void {
    const { early, earlyEnd } = this;
    const { start, target, kind, onCycle } = this.edges;
    let s = Number.POSITIVE_INFINITY;
    let e = Number.NEGATIVE_INFINITY;
    for (let position = start[phase]!, end = start[phase + 1]!; position < end; position++) {
      const member = target[position]!;
      if (kind[position] !== EdgeKind.contains || onCycle[member] === 1 || Number.isNaN(early[member]!)) continue;
      if (early[member]! < s) s = early[member]!;
      if (earlyEnd[member]! > e) e = earlyEnd[member]!;
    }
    early[phase] = s === Number.POSITIVE_INFINITY ? Number.NaN : s;
    earlyEnd[phase] = s === Number.POSITIVE_INFINITY ? Number.NaN : e;
  }
}
