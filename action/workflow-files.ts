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

/** Appends markdown to the job's summary page (nothing outside a runner). */
export async function appendSummary(file: string | undefined, markdown: string): Promise<void> {
  if (file === undefined || file === '') return;
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}
