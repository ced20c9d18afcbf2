import { missingSuccessorFixProvider } from '../practice-fixes.js';
import type { FixProvider } from '../fix-provider.js';

/** Make an existing hypercare task wait for the go-live, or insert one (2w) after it. */
export const noHypercareFix: FixProvider = missingSuccessorFixProvider('no-hypercare');
