import type { Rule } from './types.js';

/** The quality rules (see docs/rules/). Each rule lives in its own file. */
export const QUALITY_RULES: readonly Rule[] = [];
