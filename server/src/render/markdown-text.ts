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
 * anyone and `#12` does not link an issue.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (character) => `\\${character}`)
    .replace(/\|/g, '\\|')
    .replace(/([@#])/g, '$1&#8203;');
}

/**
 * An id as inline code. Ids that follow the format's id pattern hold
 * nothing markdown could read; anything else (an id the `schema` rule
 * reports) is shown as escaped text instead.
 */
export function markdownId(id: string): string {
  return ID_PATTERN.test(id) ? `\`${id}\`` : markdownText(id);
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
