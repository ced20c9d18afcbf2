import { actualDatesRule } from './actual-dates/rule.js';
import { behindScheduleRule } from './behind-schedule/rule.js';
import { progressNotStartedRule } from './progress-not-started/rule.js';
import type { Rule } from './types.js';

/**
 * The rules on progress and actual dates (docs/format.md#progress-and-actual-dates).
 * `behind-schedule` compares the schedule with the plan's schedule without
 * progress (Schedule.planned), so it is silent without a status date.
 */
export const PROGRESS_RULES: readonly Rule[] = [behindScheduleRule, actualDatesRule, progressNotStartedRule];
