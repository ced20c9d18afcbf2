import type { RULE_MODULES } from './index.js';

/**
 * Typed data attached to findings, so quick-fixes read facts instead of
 * re-analysing the plan or parsing message text. Each variant is keyed by
 * the rule that produces it and declared by that rule's module (its
 * folder's data.ts), so this union follows the list of rules on its own.
 */
export type FindingData = NonNullable<(typeof RULE_MODULES)[number]['data']>;
