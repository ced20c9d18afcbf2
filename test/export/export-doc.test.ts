import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run-cli.js';
import { CSV_COLUMNS } from '../../server/src/export/csv.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { ROOT } from './export-test-support.js';

/**
 * docs/export.md must not drift from the exports: every block marked
 * `<!-- excerpt of: crmplan ... -->` is whole lines of that command's output
 * (BOM dropped, CRLF read as LF), and the page documents every format.
 */
const PAGE = readFileSync(path.join(ROOT, 'docs', 'export.md'), 'utf8');

const EXCERPTS = [...PAGE.matchAll(/<!-- excerpt of: crmplan (.+?) -->\n```\w*\n([\s\S]*?)^```$/gm)].map((match) => ({
  args: match[1]!.split(' '),
  text: match[2]!,
}));

async function output(args: readonly string[]): Promise<string> {
  let stdout = '';
  const status = await runCli(args, { cwd: ROOT, stdout: (text) => (stdout += text), stderr: () => undefined });
  expect(status).toBe(0);
  return stdout.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

describe('docs/export.md', () => {
  it('has excerpts of the calendar, spreadsheet and Jira exports (other sections may add theirs)', () => {
    const formats = EXCERPTS.map((excerpt) => excerpt.args[excerpt.args.indexOf('--format') + 1]);
    expect(formats).toEqual(expect.arrayContaining(['ics', 'csv', 'jira-csv']));
  });

  for (const [index, excerpt] of EXCERPTS.entries()) {
    it(`excerpt ${index + 1} is what crmplan ${excerpt.args.join(' ')} prints`, async () => {
      const printed = await output(excerpt.args);
      expect(`\n${printed}`).toContain(`\n${excerpt.text}`);
    });
  }

  it('names the CSV columns exactly, and has a section for every format', () => {
    expect(PAGE).toContain(`\`${CSV_COLUMNS.join(',')}\``);
    for (const format of EXPORT_FORMATS) expect(PAGE).toContain(`\`--format ${format.name}\``);
  });
});
