import { ID_PATTERN } from '../model/values.js';

/**
 * Plan text inside GitHub-flavoured markdown. A plan is written by anyone
 * who can open a pull request, so its text must stay text in the comment:
 * no HTML, no broken tables, no formatting, no notifications.
 */

const MARKDOWN_PUNCTUATION = /[\\`*_[\]~]/g;

/**
 * Plain text for a table cell or a list item: one line, HTML characters as
 * entities, pipes and markdown punctuation backslash-escaped, and a
 * zero-width space after `@` and `#` so that `@team` does not notify
 * anyone and `#12` does not link an issue, and in `://` and `www.` so
 * that an address in a name is not made a link.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (character) => `\\${character}`)
    .replace(/\|/g, '\\|')
    .replace(/([@#])/g, '$1&#8203;')
    // GitHub links bare addresses (`https://...`, `www.`) as it reads them.
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/\b(www)\./gi, '$1&#8203;.');
}

/**
 * An id as inline code. Ids that follow the format's id pattern hold
 * nothing markdown could read; anything else (an id the `schema` rule
 * reports) is shown as escaped text instead.
 */
export function markdownId(id: string): string {
  return ID_PATTERN.test(id) ? `\`${id}\`` : markdownText(id);
}

/**
 * Plan text (names, statements) for the editor's markdown (hover,
 * completion): one line, and every character markdown could read as
 * formatting, a link, HTML or a heading backslash-escaped.
 */
export function markdownInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/**
 * Text as inline code in the editor's markdown. The fence is one backtick
 * longer than the longest run inside, so no id (`a``b`) can end the span
 * early and let the rest through as markdown; line breaks become spaces (a
 * blank line would end it too).
 */
export function markdownCode(text: string): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A table: a header row, a separator and one row per entry; cells are already markdown. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function markdownFence(info: string, body: string): string[] {
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}${info}`, ...body.replace(/\n$/, '').split('\n'), fence];
}
