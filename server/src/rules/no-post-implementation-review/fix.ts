import { missingSuccessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Make an existing review wait for the go-live, or insert one (1d, four weeks after go-live) after it. */
export const noPostImplementationReviewFix: FixProvider = missingSuccessorFixProvider('no-post-implementation-review');
