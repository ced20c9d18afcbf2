import type { Rule } from './types.js';

/** The schedule rules (see docs/rules/). Each rule lives in its own file. */
export const SCHEDULE_RULES: readonly Rule[] = [];
