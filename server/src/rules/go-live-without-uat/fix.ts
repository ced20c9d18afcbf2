import { missingPredecessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Wait for an existing UAT task, or insert one (1w) before the go-live. */
export const goLiveWithoutUatFix: FixProvider = missingPredecessorFixProvider('go-live-without-uat');
