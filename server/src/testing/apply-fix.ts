import type { QuickFix } from '../edits/types.js';

/** Test support: the text after a quick fix's edits, applied from the last to the first. */
export function applyQuickFix(text: string, fix: QuickFix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}
