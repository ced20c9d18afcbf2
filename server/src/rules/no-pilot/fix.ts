import { missingPredecessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Wait for an existing pilot, or insert one (1w) before the go-live. */
export const noPilotFix: FixProvider = missingPredecessorFixProvider('no-pilot');
