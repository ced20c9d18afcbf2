import type { Objective, PlanModel } from '../../model/types.js';
import type { ObjectiveField, SmartCriterion } from './data.js';
import { itemLabel } from '../quality-text.js';
import { joinWords } from '../../util/phrases.js';
import { isUnwritten, itemAnchor } from '../quality-yaml.js';
import { mapAtSpan } from '../../yaml/node-at-span.js';
import type { Finding, Rule } from '../types.js';

/** A statement needs at least this many words to be Specific. */
export const MIN_STATEMENT_WORDS = 4;

/**
 * Words that say a direction but not a destination. A statement made of
 * them and no number ("Improve customer data accuracy", seed 002's "Key
 * Objectives") is not Specific; the same words with a number ("Increase
 * sales revenue by 20% within one year", seed 001) are.
 */
const VAGUE_WORDS =
  /(?<![a-z])(improv\w*|increas\w*|better|enhanc\w*|optimi[sz]\w*|boost\w*|streamlin\w*|maximi[sz]\w*|minimi[sz]\w*|reduc\w*|grow\w*|strengthen\w*|empower\w*)(?![a-z])/i;

const HAS_NUMBER = /\d/;

interface Failure {
  readonly criterion: SmartCriterion;
  readonly advice: string;
  readonly missing: readonly ObjectiveField[];
  readonly weak: readonly ObjectiveField[];
}

const CRITERION_NAME: Record<SmartCriterion, string> = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  'time-bound': 'Time-bound',
};

/**
 * One finding per objective that fails Specific, Measurable, Achievable or
 * Time-bound, naming each failed criterion and what satisfies it. Relevant
 * (an owner) is `missing-owner`'s. A field written in the wrong form (a
 * `due` that is neither a date nor "<duration> after <id>") is the schema
 * rule's, so it does not count as missing here.
 */
export const objectiveNotSmartRule: Rule<'objective-not-smart'> = {
  name: 'objective-not-smart',
  defaultSeverity: 'warning',
  summary: 'an objective fails one or more SMART criteria (message names them)',
  *check({ parsed, model }): Iterable<Finding> {
    // Looking for a go-live reads every task: only when an objective has no due date.
    let dueExample: string | undefined;
    const dueExampleOnce = (): string => (dueExample ??= dueExampleFor(model));
    for (const objective of model.objectives) {
      const map = mapAtSpan(parsed.doc, objective.span);
      const written = (key: ObjectiveField): boolean => !isUnwritten(map, key);
      const failures = smartFailures(objective, written, dueExampleOnce);
      if (failures.length === 0) continue;
      const described = failures.map((failure) => `not ${CRITERION_NAME[failure.criterion]}: ${failure.advice}`).join('; ');
      yield {
        rule: 'objective-not-smart',
        message: `${itemLabel('Objective', objective.id?.value)} is not SMART: ${described}.`,
        span: itemAnchor(parsed, objective),
        data: {
          rule: 'objective-not-smart',
          id: objective.id?.value,
          itemSpan: objective.span,
          failed: failures.map((failure) => failure.criterion),
          missingFields: failures.flatMap((failure) => failure.missing),
          weakFields: failures.flatMap((failure) => failure.weak),
        },
      };
    }
  },
};

function smartFailures(
  objective: Objective,
  written: (key: ObjectiveField) => boolean,
  dueExample: () => string,
): Failure[] {
  const failures: Failure[] = [];
  const specific = specificFailure(objective, written);
  if (specific) failures.push(specific);

  const metric = present(objective.metric?.value);
  const target = present(objective.target?.value);
  if (!metric || !target || !HAS_NUMBER.test(target)) {
    const missing: ObjectiveField[] = [];
    const weak: ObjectiveField[] = [];
    const parts: string[] = [];
    if (!metric && !written('metric')) {
      missing.push('metric');
      parts.push('a metric');
    }
    if (!target && !written('target')) {
      missing.push('target');
      parts.push('a numeric target');
    }
    if (target && !HAS_NUMBER.test(target)) {
      weak.push('target');
      parts.push(`a number in the target (now '${target}')`);
    }
    if (parts.length > 0) failures.push({ criterion: 'measurable', advice: `add ${joinWords(parts)}`, missing, weak });
  }

  const baseline = present(objective.baseline?.value);
  if (!baseline && !written('baseline')) {
    failures.push({
      criterion: 'achievable',
      advice: "add a baseline (today's value) to show how far the target is",
      missing: ['baseline'],
      weak: [],
    });
  } else if (baseline && target && normalized(baseline) === normalized(target)) {
    failures.push({
      criterion: 'achievable',
      advice: `the baseline equals the target ('${target}'), so there is nothing to achieve; give today's value as the baseline`,
      missing: [],
      weak: ['baseline'],
    });
  }

  if (!objective.due && !written('due')) {
    failures.push({ criterion: 'time-bound', advice: `add a due date or '${dueExample()}'`, missing: ['due'], weak: [] });
  }
  return failures;
}

function specificFailure(objective: Objective, written: (key: ObjectiveField) => boolean): Failure | undefined {
  const statement = present(objective.statement?.value);
  if (!statement) {
    return written('statement')
      ? undefined
      : { criterion: 'specific', advice: 'add a statement of what will change, by how much', missing: ['statement'], weak: [] };
  }
  const words = statement.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words < MIN_STATEMENT_WORDS) {
    return {
      criterion: 'specific',
      advice: `the statement has ${words} word${words === 1 ? '' : 's'}; say what will change, for whom and by how much`,
      missing: [],
      weak: ['statement'],
    };
  }
  const vague = VAGUE_WORDS.exec(statement)?.[1];
  if (vague && !HAS_NUMBER.test(statement)) {
    return {
      criterion: 'specific',
      advice: `the statement says '${vague}' without a number; say by how much (e.g. 'from 40% to 75%')`,
      missing: [],
      weak: ['statement'],
    };
  }
  return undefined;
}

/** The text of a value, or undefined when blank. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function normalized(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

/** An example `due` in this plan's terms: after its go-live task when it has one. */
function dueExampleFor(model: PlanModel): string {
  const goLive = model.tasks.find((task) => task.kind === 'go-live' && task.id)?.id?.value;
  return `30d after ${goLive ?? 'go-live'}`;
}
