import type { Rule } from './types.js';

/** The practice rules (see docs/rules/). Each rule lives in its own file. */
export const PRACTICE_RULES: readonly Rule[] = [];
