/**
 * What a step hands back to the GitHub Actions runner: workflow commands on
 * stdout, outputs in `$GITHUB_OUTPUT`, markdown in `$GITHUB_STEP_SUMMARY`.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

export type CommandLevel = 'error' | 'warning' | 'notice';

/**
 * `::warning::crmplan: ...`, one line however many the message has: `%`,
 * CR and LF escaped as the runner undoes them (as cli/format-github.ts's
 * escapeData does; not imported from there, which would bundle the whole
 * analysis into the action's program).
 */
export function workflowCommand(level: CommandLevel, message: string): string {
  return `::${level}::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`;
}

/**
 * Appends `name=value` lines to the runner's output file; a value with a
 * line break uses the `name<<DELIMITER` form, with a delimiter the value
 * cannot contain.
 */
export async function writeOutputs(file: string | undefined, outputs: Readonly<Record<string, string>>): Promise<void> {
  if (file === undefined || file === '') return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
    const delimiter = `crmplan_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  await appendFile(file, lines.join(''), 'utf8');
}

/** The runner refuses a step summary larger than 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Appends markdown to the job's summary page (nothing outside a runner), cut to what the runner accepts. */
export async function appendSummary(file: string | undefined, markdown: string): Promise<void> {
  if (file === undefined || file === '') return;
  const note = '_The summary is longer than a job summary can be: the rest is left out._';
  let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  // Characters first, then fewer of them until the UTF-8 bytes fit.
  for (let limit = SUMMARY_LIMIT_BYTES; Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT_BYTES; limit = Math.floor(limit * 0.9)) {
    text = cutMarkdown(markdown, limit, note);
  }
  await appendFile(file, text, 'utf8');
}

/**
 * Markdown of at most `limit` characters: whole as it is when it fits,
 * otherwise cut at a line, a code fence left open closed (a Mermaid chart
 * cut in half would swallow the rest), then `note` in its own paragraph.
 */
export function cutMarkdown(markdown: string, limit: number, note: string): string {
  if (markdown.length <= limit) return markdown;
  const fenceClose = '\n```';
  const ending = `\n\n${note}\n`;
  const lines = markdown.slice(0, Math.max(0, limit - ending.length - fenceClose.length)).split('\n');
  lines.pop(); // a line cut in the middle
  const openFence = lines.filter((line) => line.startsWith('```')).length % 2 === 1;
  return `${lines.join('\n')}${openFence ? fenceClose : ''}${ending}`;
}
