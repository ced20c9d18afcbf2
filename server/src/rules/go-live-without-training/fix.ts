import { missingPredecessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Wait for an existing training task, or insert an end-user training (3d) before the go-live. */
export const goLiveWithoutTrainingFix: FixProvider = missingPredecessorFixProvider('go-live-without-training');
