import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMENT_BODY_LIMIT, COMMENT_MARKER, commentBody } from '../../action/sticky-comment.js';
import { appendSummary, cutMarkdown, SUMMARY_LIMIT_BYTES } from '../../action/workflow-files.js';

/** A plan diff as long as wanted: a table, then a Mermaid chart of `bars` lines. */
function longDiff(bars: number, name = 'Task'): string {
  const chart = Array.from({ length: bars }, (_, index) => `${name} ${index} :t${index}, 2027-01-04, 1d`);
  return ['## Plan changes', '', '| Task | Change |', '| --- | --- |', '| `a` | duration |', '', '```mermaid', 'gantt', ...chart, '```', ''].join('\n');
}

describe('what GitHub accepts', () => {
  it('keeps a diff that fits as it is', () => {
    const markdown = longDiff(3);
    expect(commentBody(markdown, undefined)).toBe(`${COMMENT_MARKER}\n${markdown}`);
    expect(cutMarkdown(markdown, markdown.length, 'note')).toBe(markdown);
  });

  it('cuts a long comment at a line, closes the Mermaid fence it cut and links the run', () => {
    const body = commentBody(longDiff(5000), 'https://github.example/o/r/actions/runs/1');
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(body.startsWith(`${COMMENT_MARKER}\n## Plan changes\n`)).toBe(true);
    const lines = body.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('_The diff is longer than a comment can be: the rest is in the job summary of [this run](https://github.example/o/r/actions/runs/1)._');
    expect(lines.at(-3)).toBe('```');
    expect(lines.filter((line) => line.startsWith('```')).length % 2).toBe(0);
    // Every chart line kept is whole.
    expect(lines.filter((line) => line.startsWith('Task ')).every((line) => /^Task \d+ :t\d+, 2027-01-04, 1d$/.test(line))).toBe(true);
  });

  it('cuts a step summary over 1 MiB of UTF-8 (here 3 bytes a character) to fit', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'crmplan-summary-'));
    try {
      const file = path.join(folder, 'summary');
      await writeFile(file, '');
      const markdown = longDiff(20_000, 'Überprüfung der Daten — 検証');
      expect(Buffer.byteLength(markdown)).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
      await appendSummary(file, markdown);
      const written = await readFile(file, 'utf8');
      expect(Buffer.byteLength(written)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
      expect(written.length).toBeGreaterThan(SUMMARY_LIMIT_BYTES / 4);
      expect(written.trimEnd().endsWith('_The summary is longer than a job summary can be: the rest is left out._')).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
