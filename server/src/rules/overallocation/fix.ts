import { isScalar } from 'yaml';
import { successorTasks } from '../../model/reachability.js';
import { WaitCheck } from './waits.js';
import { assignmentFit, bookingsOf, overallocationsOfPair, tasksSharingRanges } from './rule.js';
import type { OverallocationData } from './data.js';
import { peakHours, PersonBookings } from '../schedule-rule-support.js';
import type { RuleContext } from '../types.js';
import type { Schedule } from '../../schedule/compute-schedule.js';
import { dailyCapacity, LOAD_EPSILON } from '../../schedule/load.js';
import { pairOf } from '../../edits/fix-nodes.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import { describePerson, personName } from '../fix-titles.js';
import { addDependenciesFix } from '../practice-fixes.js';
import { replaceScalar, setMapValue } from '../../edits/text-edits.js';
import { findingData, type FixProvider, type QuickFix } from '../fix-provider.js';

/**
 * The three ways out of an overallocation, each only where it removes the
 * finding: make the task wait for one of the overlapping tasks (checked by
 * rescheduling the plan with the new dependency: nobody is overloaded
 * anew), lower this assignment's load to the largest that fits
 * (`fittingLoad`, in the unit the author wrote), or hand the assignment to
 * someone free on every day of the task. None is preferred: which one is
 * right is a planning decision.
 *
 * The waits and the free people are searched here, when the editor asks
 * for code actions, not by the rule: each candidate wait is a reschedule,
 * and validation runs on every keystroke for every finding while code
 * actions are asked for the few under the cursor.
 */
export const overallocationFix: FixProvider = {
  rule: 'overallocation',
  provideFixes(finding, context): QuickFix[] {
    const data = findingData(finding, 'overallocation');
    if (!data) return [];
    const text = context.parsed.text;
    const task = data.taskId !== undefined ? `'${data.taskId}'` : 'this task';
    const remedies = remediesSearch(context)?.remedies(data);
    const fixes: QuickFix[] = [];

    for (const candidate of remedies?.resolvingWaits ?? []) {
      const fix = addDependenciesFix(context, data.taskIndex, [candidate], `Make ${task} wait for '${candidate}'`);
      if (fix) fixes.push(fix);
    }

    const assignment = mapAtSpan(context.parsed.doc, data.assignmentSpan);
    if (!assignment) return fixes;
    if (data.fittingLoad) {
      // Replaces the written load (keeping its quotes), or adds `load:` where none is written (100%).
      const edit = setMapValue(text, assignment, 'load', data.fittingLoad.text);
      const name = personName(context, data.personId) ?? data.personId;
      if (edit) fixes.push({ title: `Lower ${name}'s load on ${task} to ${data.fittingLoad.text}`, edits: [edit] });
    }
    const person = pairOf(assignment, 'person')?.value;
    if (isScalar(person)) {
      for (const id of remedies?.freePeople ?? []) {
        const edit = replaceScalar(text, person, id);
        if (edit) fixes.push({ title: `Reassign ${task} to ${describePerson(context, id)}`, edits: [edit] });
      }
    }
    return fixes;
  },
};

/**
 * Free people are searched for this many findings per analysis: each search
 * sweeps every booking of the plan, so the cap bounds a code-action request
 * over a whole file of a plan that overallocates everyone (past it nobody
 * is offered). The waits have their own budget (WAIT_CHECK_LIMIT).
 */
export const FREE_PEOPLE_SEARCH_LIMIT = 50;

/** What one finding's fixes may do, beyond the load that fits. */
interface OverallocationRemedies {
  /**
   * Ids of the other tasks of the finding's ranges (in the task's phase or
   * an earlier one, not downstream of it) that the task could wait for (FS,
   * no lag) to remove the finding without overallocating anyone anew: with
   * the new dependency the task and what follows it are rescheduled and
   * the loads swept again; every (person, task) pair overallocated
   * afterwards was overallocated before, and this one is not. Empty when
   * none does or the check budget is spent.
   */
  readonly resolvingWaits: readonly string[];
  /**
   * Ids of people (in document order, not already on the task) whose
   * loads plus this assignment's load stay within their capacity on every
   * working day of the task. Empty when handing the assignment over would
   * not remove the finding (the task books the person again, and that
   * alone overloads them) or the search budget is spent.
   */
  readonly freePeople: readonly string[];
}

const NO_REMEDIES: OverallocationRemedies = { resolvingWaits: [], freePeople: [] };

/** One search per analysis: it keeps the budgets and the answers for the findings already asked about. */
const searches = new WeakMap<RuleContext, OverallocationRemediesSearch | undefined>();

function remediesSearch(context: RuleContext): OverallocationRemediesSearch | undefined {
  if (!searches.has(context)) {
    searches.set(context, context.schedule ? new OverallocationRemediesSearch(context, context.schedule) : undefined);
  }
  return searches.get(context);
}

/** The waits and free people of the overallocation findings of one analysis, searched on demand. */
class OverallocationRemediesSearch {
  private readonly waits: WaitCheck;
  private readonly bookings: PersonBookings;
  private readonly answers = new Map<string, OverallocationRemedies>();
  private freePeopleSearches = FREE_PEOPLE_SEARCH_LIMIT;

  constructor(
    private readonly context: RuleContext,
    private readonly schedule: Schedule,
  ) {
    this.waits = new WaitCheck(context.model, context.symbols, context.graph, schedule);
    this.bookings = new PersonBookings(context.model, schedule);
  }

  remedies(data: OverallocationData): OverallocationRemedies {
    const key = `${data.personIndex}:${data.taskIndex}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.search(data);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private search({ personIndex, personId, taskIndex }: OverallocationData): OverallocationRemedies {
    const { model, graph } = this.context;
    const schedule = this.schedule;
    const person = model.people[personIndex];
    const scheduled = schedule.tasks[taskIndex];
    const ranges = overallocationsOfPair(schedule, personIndex, taskIndex);
    const own = bookingsOf(model, schedule, taskIndex, personId);
    if (!person || !scheduled || own.length === 0 || ranges.length === 0) return NO_REMEDIES;

    const met = this.bookings.meeting(personIndex, ranges[0]!.fromIndex, ranges[ranges.length - 1]!.toIndex);
    const others = [...tasksSharingRanges(met, taskIndex, ranges).keys()].sort((a, b) => a - b);
    // Waiting for a task downstream of this one would close a cycle.
    const downstream = others.length > 0 ? successorTasks(graph, taskIndex) : new Set<number>();
    const resolving = this.waits.resolving(
      taskIndex,
      personIndex,
      others.filter((index) => !downstream.has(index)),
    );

    // Handing this assignment over removes the overallocation unless the task
    // books the person again and that alone still overloads them.
    const { anchorHours, fittingHours } = assignmentFit(person, own, ranges, schedule.calendar);
    const handOverResolves = own.length === 1 || fittingHours >= -LOAD_EPSILON;
    let freePeople: string[] = [];
    if (handOverResolves && this.freePeopleSearches > 0) {
      this.freePeopleSearches--;
      freePeople = this.freePeople(taskIndex, scheduled.s, scheduled.e, anchorHours);
    }
    return { resolvingWaits: idsOf(this.context, resolving ?? []), freePeople };
  }

  /**
   * People (other than those already on the task) whose bookings plus
   * `hours` stay within their capacity on every working day of [s, e): the
   * whole task, not just the overallocated days, because handing the
   * assignment over moves all of it.
   */
  private freePeople(taskIndex: number, s: number, e: number, hours: number): string[] {
    const { model } = this.context;
    const onTask = new Set((model.tasks[taskIndex]?.assign ?? []).map((assignment) => assignment.person.id));
    const free: string[] = [];
    const seen = new Set<string>();
    for (const [personIndex, person] of model.people.entries()) {
      const id = person.id?.value;
      // The first declaration of an id is the person, as in the load sweep.
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      // Someone on leave (or otherwise off) on a day of the task is not free for it.
      if (onTask.has(id) || this.schedule.daysOff[personIndex]?.meets(s, e, this.schedule.calendar)) continue;
      const capacity = dailyCapacity(person, this.schedule.calendar);
      if (peakHours(this.bookings.meeting(personIndex, s, e - 1), s, e) + hours <= capacity + LOAD_EPSILON) free.push(id);
    }
    return free;
  }
}

function idsOf(context: RuleContext, taskIndexes: readonly number[]): string[] {
  const ids: string[] = [];
  for (const index of taskIndexes) {
    const id = context.model.tasks[index]?.id?.value;
    if (id !== undefined) ids.push(id);
  }
  return ids;
}
