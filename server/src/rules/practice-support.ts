import { targetsDownstream, targetsUpstream, upstreamPairs, type TargetReachability } from '../model/reachability.js';
import type { PlanModel, Span, Task, TaskKind } from '../model/types.js';
import type { MissingPredecessorData, MissingSuccessorData } from './practice-finding-data.js';
import type { Finding, RelatedLocation, RuleContext } from './types.js';

/**
 * What the practice rules share: the tasks of each kind, which of them lie
 * upstream or downstream of each task, and the ways a rule can be unsure of
 * what the plan means. Computed once per analysed model, lazily, and reused
 * by every practice rule; each answer covers every task at once, so a plan
 * with thousands of go-lives stays linear.
 */
export interface PracticeFacts {
  readonly model: PlanModel;
  /** Indexes of the tasks of a kind, in document order. */
  tasksOfKind(kind: TaskKind): readonly number[];
  /** Which tasks of `kind` are among each task's predecessors. */
  kindUpstream(kind: TaskKind): TargetReachability;
  /** Which tasks of `kind` are among each task's successors. */
  kindDownstream(kind: TaskKind): TargetReachability;
  /**
   * The task's id when a dependency on that id means this task: it has an
   * id, and it is the first declaration of it (a duplicate is reported by
   * `duplicate-id`; dependencies on its id resolve to the other task).
   */
  addressableId(taskIndex: number): string | undefined;
  /** Where a finding about the task goes: its `kind` value (what makes it a go-live or migration). */
  findingSpan(taskIndex: number): Span | undefined;
  /**
   * True when the task, directly or through its phase, depends on an id
   * that names nothing: we cannot tell what it was meant to wait for.
   */
  hasUnresolvedDependency(taskIndex: number): boolean;
  /** Which tasks with a dependency that names nothing are among each task's predecessors. */
  readonly unresolvedUpstream: TargetReachability;
  /**
   * True when the task's own dependencies, or something upstream of it, are
   * unclear (a dependency that names nothing, a `kind` that is no known
   * kind), so that "no task of kind K before it" cannot be decided.
   */
  upstreamUnclear(taskIndex: number): boolean;
  /** True when a task downstream has a `kind` that is no known kind: it may be the kind a rule looks for. */
  unknownKindDownstream(taskIndex: number): boolean;
}

const FACTS_BY_MODEL = new WeakMap<PlanModel, PracticeFacts>();

export function practiceFacts(context: RuleContext): PracticeFacts {
  const cached = FACTS_BY_MODEL.get(context.model);
  if (cached) return cached;
  const { model, symbols, graph, parsed } = context;

  const byKind = new Map<TaskKind, number[]>();
  model.tasks.forEach((task, taskIndex) => {
    const list = byKind.get(task.kind);
    if (list) list.push(taskIndex);
    else byKind.set(task.kind, [taskIndex]);
  });
  const tasksOfKind = (kind: TaskKind): readonly number[] => byKind.get(kind) ?? [];
  const lazily = (compute: (kind: TaskKind) => TargetReachability): ((kind: TaskKind) => TargetReachability) => {
    const computed = new Map<TaskKind, TargetReachability>();
    return (kind) => {
      let reachability = computed.get(kind);
      if (!reachability) {
        reachability = compute(kind);
        computed.set(kind, reachability);
      }
      return reachability;
    };
  };

  // The graph resolved every dependency already; a task's flag covers its phase's `depends_on` too.
  const { unresolvedDependency } = graph.structure;
  const unresolved = unresolvedDependency.slice(0, model.tasks.length);
  const unknownKindTasks = tasksOfKind('other').filter((taskIndex) => writtenKindIsUnknown(model.tasks[taskIndex]!, parsed.text));
  const unclear = unresolved.slice();
  for (const taskIndex of unknownKindTasks) unclear[taskIndex] = 1;
  const unresolvedTasks = indexesOf(unresolved);
  const unclearTasks = indexesOf(unclear);
  const unresolvedUpstream = targetsUpstream(graph, unresolvedTasks);
  const unclearUpstream = targetsUpstream(graph, unclearTasks);
  const unknownKindBelow = targetsDownstream(graph, unknownKindTasks);
  const hasUnresolvedDependency = (taskIndex: number): boolean => unresolved[taskIndex] === 1;

  const facts: PracticeFacts = {
    model,
    tasksOfKind,
    kindUpstream: lazily((kind) => targetsUpstream(graph, tasksOfKind(kind))),
    kindDownstream: lazily((kind) => targetsDownstream(graph, tasksOfKind(kind))),
    addressableId: (taskIndex) => {
      const id = model.tasks[taskIndex]?.id?.value;
      if (id === undefined) return undefined;
      const declaration = symbols.lookup('work', id);
      return declaration?.kind === 'task' && declaration.index === taskIndex ? id : undefined;
    },
    findingSpan: (taskIndex) => {
      const task = model.tasks[taskIndex];
      return task?.kindSpan ?? task?.id?.span ?? task?.span;
    },
    hasUnresolvedDependency,
    unresolvedUpstream,
    upstreamUnclear: (taskIndex) => hasUnresolvedDependency(taskIndex) || unclearUpstream.any(taskIndex),
    unknownKindDownstream: (taskIndex) => unknownKindBelow.any(taskIndex),
  };
  FACTS_BY_MODEL.set(model, facts);
  return facts;
}

/** The indexes whose flag is 1, in order. */
function indexesOf(flags: Uint8Array): number[] {
  const indexes: number[] = [];
  for (let index = 0; index < flags.length; index++) if (flags[index] === 1) indexes.push(index);
  return indexes;
}

/** `kind: UAT` or `kind: user-acceptance-testing`: the model reads it as `other`, but the author meant something. */
function writtenKindIsUnknown(task: Task, text: string): boolean {
  if (task.kind !== 'other' || !task.kindSpan) return false;
  const written = text.slice(task.kindSpan.start, task.kindSpan.end).replace(/^["']|["']$/g, '');
  return written !== 'other';
}

/** `'a'`, `one of 'a', 'b'`, `one of 'a', 'b', 'c' and 2 more`. */
export function quotedChoice(ids: readonly string[]): string {
  const quoted = ids.slice(0, 3).map((id) => `'${id}'`);
  if (quoted.length <= 1) return quoted.join('');
  const more = ids.length > 3 ? ` and ${ids.length - 3} more` : '';
  return `one of ${quoted.join(', ')}${more}`;
}

/** "add a dependency on 'uat' or a UAT task before it", "add a dependency on one of 'a', 'b', or a UAT task before it" */
export function dependOnOrInsertBefore(candidates: readonly string[], newTask: string): string {
  if (candidates.length === 0) return `add ${newTask} before it`;
  const separator = candidates.length > 1 ? ', or' : ' or';
  return `add a dependency on ${quotedChoice(candidates)}${separator} ${newTask} before it`;
}

/** "make 'hypercare' depend on it, or add a hypercare task after it" */
export function dependOnItOrInsertAfter(candidates: readonly string[], newTask: string): string {
  if (candidates.length === 0) return `add ${newTask} that depends on it`;
  return `make ${quotedChoice(candidates)} depend on it, or add ${newTask} after it`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rule that wants a task of `neededKind` somewhere upstream of each task of `subjectKind`. */
export interface MissingPredecessorCheck {
  readonly rule: MissingPredecessorData['rule'];
  readonly subjectKind: TaskKind;
  readonly neededKind: TaskKind;
  /** How a candidate is described in the finding's related locations, e.g. "UAT task". */
  readonly candidateLabel: string;
  message(subjectId: string, candidates: readonly string[]): string;
}

/**
 * Reports each task of the subject kind that has no task of the needed kind
 * among its predecessors. Silent when the plan's links upstream of the task
 * are unclear (a dependency that names nothing, a kind that is no kind).
 */
export function* missingPredecessorFindings(context: RuleContext, check: MissingPredecessorCheck): Iterable<Finding> {
  const facts = practiceFacts(context);
  const neededUpstream = facts.kindUpstream(check.neededKind);
  const reported: Subject[] = [];
  for (const subject of facts.tasksOfKind(check.subjectKind)) {
    const subjectId = facts.model.tasks[subject]?.id?.value;
    const span = facts.findingSpan(subject);
    if (subjectId === undefined || !span) continue;
    if (neededUpstream.any(subject)) continue;
    if (facts.upstreamUnclear(subject)) continue;
    reported.push({ subject, subjectId, span });
  }
  if (reported.length === 0) return;
  // A task that already waits for the subject cannot also come before it.
  const subjectBefore = upstreamPairs(context.graph, subjectsOf(reported), facts.tasksOfKind(check.neededKind));
  for (const { subject, subjectId, span } of reported) {
    const candidates = candidateTasks(facts, check.neededKind, subject, (task) => subjectBefore(subject, task));
    yield {
      rule: check.rule,
      message: check.message(subjectId, candidates.map((candidate) => candidate.id)),
      span,
      related: relatedCandidates(candidates, `${check.candidateLabel} that could come before '${subjectId}'`),
      data: {
        rule: check.rule,
        taskId: subjectId,
        taskIndex: subject,
        neededKind: check.neededKind,
        candidates: candidates.map((candidate) => candidate.id),
      },
    };
  }
}

/** A rule that wants a task of `neededKind` somewhere downstream of each task of `subjectKind`. */
export interface MissingSuccessorCheck {
  readonly rule: MissingSuccessorData['rule'];
  readonly subjectKind: TaskKind;
  readonly neededKind: TaskKind;
  readonly candidateLabel: string;
  message(subjectId: string, candidates: readonly string[]): string;
}

/**
 * Reports each task of the subject kind that no task of the needed kind
 * follows. Silent when a task downstream has a kind that is no kind, or a
 * task of the needed kind has unclear links upstream (its dependency on a
 * misspelled id may have been meant to name the subject).
 */
export function* missingSuccessorFindings(context: RuleContext, check: MissingSuccessorCheck): Iterable<Finding> {
  const facts = practiceFacts(context);
  const neededDownstream = facts.kindDownstream(check.neededKind);
  const unfollowed: Subject[] = [];
  for (const subject of facts.tasksOfKind(check.subjectKind)) {
    // A second declaration of an id can never be depended upon: nothing can follow it.
    const subjectId = facts.addressableId(subject);
    const span = facts.findingSpan(subject);
    if (subjectId === undefined || !span) continue;
    if (neededDownstream.any(subject)) continue;
    if (facts.unknownKindDownstream(subject)) continue;
    unfollowed.push({ subject, subjectId, span });
  }
  if (unfollowed.length === 0) return;
  const neededBefore = upstreamPairs(context.graph, facts.tasksOfKind(check.neededKind), subjectsOf(unfollowed));
  for (const { subject, subjectId, span } of unfollowed) {
    if (neededTaskMayFollow(facts, check.neededKind, subject, neededBefore)) continue;
    // A task the subject already waits for cannot also follow it.
    const candidates = candidateTasks(facts, check.neededKind, subject, (task) => neededBefore(task, subject));
    const ids = candidates.map((candidate) => candidate.id);
    const common = { taskId: subjectId, taskIndex: subject, neededKind: check.neededKind, candidates: ids };
    yield {
      rule: check.rule,
      message: check.message(subjectId, ids),
      span,
      related: relatedCandidates(candidates, `${check.candidateLabel} that could follow '${subjectId}'`),
      data:
        check.rule === 'migration-without-validation'
          ? { rule: check.rule, ...common }
          : { rule: check.rule, ...common, goLiveId: subjectId },
    };
  }
}

/** A task a rule may report, with what its finding needs. */
interface Subject {
  readonly subject: number;
  readonly subjectId: string;
  readonly span: Span;
}

function subjectsOf(subjects: readonly Subject[]): number[] {
  return subjects.map((entry) => entry.subject);
}

/**
 * Whether a task of the needed kind, not already before the subject, depends
 * (itself or through what it waits for) on an id that names nothing: that
 * dependency may have been meant to name the subject or what follows it. A
 * broken link that is upstream of the subject cannot, or it would be a cycle.
 * `neededBefore(needed, subject)`: whether the needed task is upstream of it.
 */
function neededTaskMayFollow(
  facts: PracticeFacts,
  neededKind: TaskKind,
  subject: number,
  neededBefore: (needed: number, subject: number) => boolean,
): boolean {
  const broken = facts.unresolvedUpstream;
  if (broken.targets.length === 0) return false;
  for (const needed of facts.tasksOfKind(neededKind)) {
    if (needed === subject || neededBefore(needed, subject)) continue;
    if (facts.hasUnresolvedDependency(needed)) return true;
    if (broken.of(needed).some((task) => !broken.reaches(subject, task))) return true;
  }
  return false;
}

interface Candidate {
  readonly id: string;
  readonly span: Span;
}

/** Tasks of `kind` other than `subject` and not `excluded`, that a dependency can name. */
function candidateTasks(
  facts: PracticeFacts,
  kind: TaskKind,
  subject: number,
  excluded: (task: number) => boolean,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const task of facts.tasksOfKind(kind)) {
    if (task === subject || excluded(task)) continue;
    const id = facts.addressableId(task);
    const span = facts.model.tasks[task]?.id?.span;
    if (id !== undefined && span) candidates.push({ id, span });
  }
  return candidates;
}

function relatedCandidates(candidates: readonly Candidate[], message: string): RelatedLocation[] | undefined {
  if (candidates.length === 0) return undefined;
  return candidates.map((candidate) => ({ span: candidate.span, message: `'${candidate.id}': ${message}` }));
}
