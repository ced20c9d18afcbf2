import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run-cli.js';
import type { StatusReport } from '../../server/src/render/status-report.js';
import { ROOT } from './cli-process.js';

describe('crmplan status', () => {
  async function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(['status', ...args], { cwd: ROOT, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
    return { status, stdout, stderr };
  }

  it('prints the markdown, the JSON, and appends the markdown to $GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), 'crmplan-status-')), 'summary.md');
    const markdown = await run(['samples/mid-market-8-week.crmplan.yaml'], { GITHUB_STEP_SUMMARY: summary });
    expect(markdown.status).toBe(0);
    expect(markdown.stderr).toBe('');
    expect(markdown.stdout).toContain('## Status: InsightCRM mid-market rollout');
    // 15 of 87 planned working days done: 12 finished, 40% of 5, 25% of 4.
    expect(markdown.stdout).toContain('- **Complete:** 17.2% (by duration)');
    await run(['samples/mid-market-8-week.crmplan.yaml', '--as-of', '2027-04-28'], { GITHUB_STEP_SUMMARY: summary });
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith(markdown.stdout)).toBe(true);
    expect(written.match(/^## Status: /gm)).toHaveLength(2);
    const json = await run(['samples/mid-market-8-week.crmplan.yaml', '--as-of', '2027-04-28', '--format', 'json']);
    const report = JSON.parse(json.stdout) as StatusReport;
    // base-config (5d, 40%) and data-cleansing (4d, 25%) keep 3 days each from Apr 28: the finish slips 5 working days.
    // The sample's baseline is its plan as signed off: the same 5 working days.
    expect(report.finish).toEqual({ forecast: '2027-06-11', planned: '2027-06-04', slipDays: 5, baseline: { finish: '2027-06-04', slipDays: 5 } });
    expect(report.late.map((task) => [task.id, task.late])).toEqual([
      ['base-config', 'not-finished'],
      ['data-cleansing', 'not-finished'],
      ['data-mapping', 'not-finished'],
      ['data-migration', 'not-finished'],
      ['email-calendar-integration', 'not-started'],
      ['basic-dashboards', 'not-finished'],
    ]);
  });

  it('refuses a bad --as-of and a plan without a start', async () => {
    const bad = await run(['samples/mid-market-8-week.crmplan.yaml', '--as-of', '2027-02-30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("crmplan: --as-of must be a real date written YYYY-MM-DD (years 1900-2999), not '2027-02-30'\n");
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-status-'));
    writeFileSync(path.join(folder, 'p.crmplan.yaml'), 'crmplan: 1\nplan: {name: P}\n');
    const noStart = await run([path.join(folder, 'p.crmplan.yaml')]);
    expect(noStart.status).toBe(1);
    expect(noStart.stdout).toBe('');
    expect(noStart.stderr).toMatch(/^crmplan: cannot report on '.*p\.crmplan\.yaml': the plan has no valid plan\.start/);
  });

  it('docs/status.md shows what it prints for the sample', async () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'status.md'), 'utf8');
    const example = /```markdown\n([\s\S]*?)```\n/.exec(page)?.[1];
    const printed = await run(['samples/mid-market-8-week.crmplan.yaml', '--as-of', '2027-04-28']);
    expect(example).toBe(printed.stdout);
  });

  it('--as-of reaches check, schedule and gantt', async () => {
    const sample = 'samples/mid-market-8-week.crmplan.yaml';
    let out = '';
    const io = { cwd: ROOT, stdout: (text: string) => (out += text), stderr: () => undefined };
    await runCli(['schedule', sample, '--as-of', '2027-04-28', '--format', 'json'], io);
    const schedule = JSON.parse(out) as { finish: string; tasks: { id: string; finish: string }[] };
    expect(schedule.finish).toBe('2027-06-11');
    expect(schedule.tasks.find((task) => task.id === 'base-config')?.finish).toBe('2027-04-30');
    out = '';
    await runCli(['gantt', sample, '--as-of', '2027-04-28'], io);
    const late = out;
    out = '';
    await runCli(['gantt', sample], io);
    expect(late).not.toBe(out);
    out = '';
    expect(await runCli(['check', sample, '--as-of', '2027-04-28'], io)).toBe(0);
    expect(out).toMatch(/\[behind-schedule\]/);
    expect(await runCli(['gantt', sample, '--as-of', 'soon'], { ...io, stderr: (text: string) => (out = text) })).toBe(2);
    expect(out).toBe("crmplan: --as-of must be a real date written YYYY-MM-DD (years 1900-2999), not 'soon'\n");
  });
});
