import { ID_PATTERN } from '../model/values.js';

/**
 * Plan text inside markdown: GitHub's (a plan is written by anyone who can
 * open a pull request, so its text must stay text in the comment: no HTML,
 * no broken tables, no formatting, no notifications) and the editor's
 * (hover and completion documentation). Every place that writes plan text
 * into markdown goes through `markdownText`, `markdownCode` or `markdownId`.
 */

/**
 * Where markdown is read: `github` for what GitHub renders (the pull-request
 * comment, `crmplan diff`, `gantt --format markdown`, the status report),
 * `editor` for VS Code's hover and completion documentation.
 */
export type MarkdownReader = 'github' | 'editor';

/**
 * Plan text as markdown text: the one escaper for every place that writes
 * plan text into markdown. Always one line (a line break could start a
 * heading, a list or a table row) with every character markdown reads as
 * formatting, code, a link or a table cell backslash-escaped. Then, for
 * GitHub, HTML characters as entities and a zero-width space after `@` and
 * `#`, in `://` and after `www` so that `@team` notifies no one, `#12`
 * links no issue and an address in a name is not made a link; for the
 * editor, `<`, `>` and `#` backslash-escaped instead (no mentions there, and
 * a name copied from a hover keeps its `@`, its `&` and its address).
 */
export function markdownText(text: string, reader: MarkdownReader = 'github'): string {
  if (reader === 'editor') return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>#|~])/g, '\\$1');
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, (character) => `\\${character}`)
    .replace(/([@#])/g, '$1&#8203;')
    // GitHub links bare addresses (`https://...`, `www.`) as it reads them.
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/\b(www)\./gi, '$1&#8203;.');
}

/**
 * An id as inline code in GitHub markdown (tables included). Ids that
 * follow the format's id pattern hold nothing markdown could read, no
 * backtick and no `|`; anything else (an id the `schema` rule reports) is
 * shown as escaped text instead, since a `|` would split a table cell even
 * inside a code span.
 */
export function markdownId(id: string): string {
  return ID_PATTERN.test(id) ? markdownCode(id) : markdownText(id);
}

/**
 * Text as inline code (the editor's markdown, and GitHub's outside tables:
 * see `markdownId` for a cell). The fence is one backtick
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
