import { analyzePlan, buildRuleContext } from '../analysis/analyze-plan.js';
import { parsePlanText } from '../parse/parse-plan-text.js';
import { MAX_TEXT_LENGTH } from '../parse/text-limits.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import { ImportError, importedText, type ImportedDependency, type ImportedPlan, type ImportedTask } from './imported-plan.js';
import { planYaml } from './plan-yaml.js';

export interface ImportResult {
  /** The plan text: a header of `#` comments (what was not carried over), then the plan. */
  readonly text: string;
  /** What was not carried over, one line each, for stderr. */
  readonly notes: readonly string[];
}

/** More cycles than this in one file is not a plan: refuse it rather than guess. */
const MAX_CYCLES = 1000;

/**
 * Turns what an import read into plan text that `crmplan check` accepts and
 * whose schedule gives every task the dates the file gives it:
 *
 * 1. dependencies that close a cycle are dropped (one note each);
 * 2. `plan.start` is the earliest date of any task;
 * 3. the plan is scheduled; a task that starts earlier than the file says
 *    (its start in the file was set by something crmplan has no word for: a
 *    finish-to-finish link, a leveling delay, a manual date) gets a `start:`
 *    with the file's date, marked by a comment;
 * 4. the plan is scheduled again, and any task whose start or finish still
 *    differs from the file's is a note.
 */
export function finishImport(plan: ImportedPlan, fileName: string, formatName: string): ImportResult {
  dropCycles(plan);
  const tasks = plan.phases.flatMap((phase) => phase.tasks);
  const start = earliestStart(plan, tasks);

  const first = scheduleOf(planYaml(plan, start, new Map()));
  const pinned = new Map<ImportedTask, string>();
  tasks.forEach((task, index) => {
    const scheduled = first.tasks[index];
    if (!task.expectedStart || !scheduled) return;
    if (scheduled.s >= first.calendar.indexOnOrAfter(task.expectedStart)) return;
    const own = task.start;
    pinned.set(task, own !== undefined && own > task.expectedStart ? own : task.expectedStart);
  });

  const body = planYaml(plan, start, pinned);
  if (body.length > MAX_TEXT_LENGTH) throw new ImportError(`the plan would be over ${MAX_TEXT_LENGTH / (1024 * 1024)} MB, more than crmplan reads`);
  const analysis = analyzePlan(body);
  const schedule = analysis.schedule;
  if (!schedule) throw new ImportError('the imported plan could not be scheduled');
  tasks.forEach((task, index) => {
    const scheduled = schedule.tasks[index];
    const where = `task '${task.id}' (${task.origin})`;
    if (!scheduled) {
      plan.notes.push(`${where}: not scheduled by crmplan`);
      return;
    }
    if (task.expectedStart && scheduled.start !== task.expectedStart) {
      plan.notes.push(`${where}: starts ${scheduled.start} in crmplan's schedule, ${task.expectedStart} in the file`);
    }
    if (task.expectedFinish && scheduled.finish !== task.expectedFinish) {
      plan.notes.push(`${where}: finishes ${scheduled.finish} in crmplan's schedule, ${task.expectedFinish} in the file`);
    }
  });
  for (const finding of analysis.findings) {
    if (finding.severity === 'error') plan.notes.push(`the imported plan has an error: ${finding.message} [${finding.rule}]`);
  }

  const notes = plan.notes.map((note) => importedText(note));
  const header = [`# Imported by crmplan import from ${importedText(fileName)} (${formatName}).`];
  if (pinned.size > 0) {
    header.push(`# ${pinned.size} task${pinned.size === 1 ? ' has a start: that keeps' : 's have a start: that keeps'} the start the file gives (marked below).`);
  }
  if (notes.length > 0) header.push('# Not carried over:', ...notes.map((note) => `# - ${note}`));
  return { text: `${header.join('\n')}\n${body}`, notes };
}

/** The schedule alone (no rules): the first pass only needs dates. */
function scheduleOf(text: string): Schedule {
  const schedule = buildRuleContext(parsePlanText(text)).schedule;
  if (!schedule) throw new ImportError('the imported plan could not be scheduled');
  return schedule;
}

function earliestStart(plan: ImportedPlan, tasks: readonly ImportedTask[]): string {
  let earliest: string | undefined;
  for (const task of tasks) {
    for (const date of [task.expectedStart, task.start]) {
      if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date;
    }
  }
  const start = earliest ?? plan.fallbackStart;
  if (start === undefined) throw new ImportError('no task has a start date, so the plan has no start');
  return start;
}

interface Edge {
  readonly to: number;
  /** The list that holds the dependency, or undefined for a phase's edge to one of its tasks. */
  readonly list?: ImportedDependency[];
  readonly dependency?: ImportedDependency;
  readonly holder: string;
}

/**
 * Drops dependencies that close a cycle, so that every task is scheduled
 * (crmplan leaves tasks on a cycle without dates). The graph is the
 * scheduler's: a task waits for its dependencies and its phase's, and a
 * dependency on a phase waits for each of the phase's tasks. Depth-first in
 * file order; a back edge removes the most recent dependency on the cycle.
 */
function dropCycles(plan: ImportedPlan): void {
  const tasks = plan.phases.flatMap((phase) => phase.tasks);
  const node = new Map<string, number>();
  tasks.forEach((task, index) => node.set(task.id, index));
  plan.phases.forEach((phase, index) => node.set(phase.id, tasks.length + index));
  const edges: Edge[][] = [];
  const dependencyEdges = (list: ImportedDependency[], holder: string): Edge[] =>
    list.flatMap((dependency) => {
      const to = node.get(dependency.target);
      return to === undefined ? [] : [{ to, list, dependency, holder }];
    });
  for (const phase of plan.phases) {
    for (const task of phase.tasks) {
      edges.push([...dependencyEdges(task.dependsOn, `task '${task.id}' (${task.origin})`), ...dependencyEdges(phase.dependsOn, `phase '${phase.id}'`)]);
    }
  }
  for (const phase of plan.phases) {
    edges.push(phase.tasks.map((task) => ({ to: node.get(task.id)!, holder: `phase '${phase.id}'` })));
  }

  const WHITE = 0;
  const GRAY = 1;
  const BLACK = 2;
  const color = new Uint8Array(edges.length);
  const removed = new Set<ImportedDependency>();
  let cycles = 0;
  for (let root = 0; root < edges.length; root++) {
    if (color[root] !== WHITE) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    color[root] = GRAY;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = edges[frame.node]![frame.next];
      if (!edge) {
        color[frame.node] = BLACK;
        stack.pop();
        continue;
      }
      frame.next++;
      if (edge.dependency && removed.has(edge.dependency)) continue;
      if (color[edge.to] === WHITE) {
        color[edge.to] = GRAY;
        stack.push({ node: edge.to, next: 0 });
        continue;
      }
      if (color[edge.to] !== GRAY) continue;
      // A cycle: from edge.to down the stack to here. Drop its most recent dependency.
      if (++cycles > MAX_CYCLES) throw new ImportError(`more than ${MAX_CYCLES} dependency cycles: not a plan`);
      // stack[level]'s edge `next - 1` leads to stack[level + 1]; the cycle runs from edge.to's frame to here.
      let dropped: Edge | undefined = edge.dependency ? edge : undefined;
      let level = stack.length - 1;
      while (!dropped && level > 0) {
        level--;
        const below = stack[level]!;
        const taken = edges[below.node]![below.next - 1]!;
        if (taken.dependency) dropped = taken;
        else if (below.node === edge.to) break;
      }
      if (!dropped?.dependency) continue;
      removed.add(dropped.dependency);
      plan.notes.push(`${dropped.holder}: the dependency on '${dropped.dependency.target}' is dropped: it closes a dependency cycle`);
      // Unwind to the frame that took the dropped edge; the nodes above it are visited again later.
      if (dropped !== edge) while (stack.length - 1 > level) color[stack.pop()!.node] = WHITE;
    }
  }
  for (const list of [...tasks.map((task) => task.dependsOn), ...plan.phases.map((phase) => phase.dependsOn)]) {
    const kept = list.filter((dependency) => !removed.has(dependency));
    list.splice(0, list.length, ...kept);
  }
}
