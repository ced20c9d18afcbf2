/**
 * Lines of a YAML text, read at offsets the nodes give: where a line starts
 * and ends, its line break, and a column. Never searched beyond the line.
 */

/** The file's line break: `\r\n` when its first line ends so, else `\n`. */
export function lineBreak(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  let start = Math.min(offset, text.length);
  while (start > 0 && text[start - 1] !== '\n') start--;
  return start;
}

/** The offset of the line break that ends the line of `offset` (text length on the last line). */
export function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n') end++;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** Length of the line break at `offset` (0 at the end of the text). */
export function lineBreakLength(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return 2;
  return text[offset] === '\n' ? 1 : 0;
}

/** The column of `offset` on its line, in UTF-16 units. */
export function column(text: string, offset: number): number {
  const start = lineStart(text, offset);
  // A byte order mark (a file saved by some Windows editors) is not indentation.
  const mark = start === 0 && offset > 0 && text.startsWith('\ufeff') ? 1 : 0;
  return offset - start - mark;
}

export function onlySpacesBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text[index] !== ' ') return false;
  return true;
}

/** True when the line starting at `start` holds only a comment. */
export function isCommentLine(text: string, start: number): boolean {
  let index = start;
  while (text[index] === ' ') index++;
  return text[index] === '#';
}
