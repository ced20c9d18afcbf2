import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { statusReport, statusReportMarkdown, type StatusReport } from './status-report.js';

// Working days from Monday 2027-01-04: 0 Jan 4 .. 4 Jan 8, 5 Jan 11 .. 9 Jan 15,
// 10 Jan 18 .. 14 Jan 22, 15 Jan 25 .. 19 Jan 29, 20 Feb 1 .. 23 Feb 4.
// The status date 2027-01-13 is working day 7.
const HOSTILE = '<script>alert(1)</script> @team #12 | *x* [a](https://evil.example)';
const PLAN = `crmplan: 1
plan:
  name: "Rollout ${HOSTILE}"
  start: 2027-01-04
  status_date: 2027-01-13
people:
  - {id: pm, name: Dana Lee}
  - {id: dev, name: "${HOSTILE}"}
phases:
  - id: p
    owner: pm
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d, status: done}
      # planned [1,5), started Jan 5, 50%: R = 2, e = max(5, 7 + 2) = 9: finishes Jan 14
      - {id: design, name: Design, duration: 4d, depends_on: [kickoff], actual_start: 2027-01-05, progress: 50%}
      # planned [5,10) Jan 11-15; forecast [9,14) Jan 15-21
      - {id: build, name: "${HOSTILE}", owner: dev, duration: 5d, depends_on: [design], assign: [{person: dev}]}
      - {id: gate, name: Build accepted, milestone: true, depends_on: [build]}
      - {id: m0, name: Kicked off, milestone: true, depends_on: [kickoff], actual_finish: 2027-01-05}
      - {id: m1, name: Early gate, milestone: true, start: 2027-01-06}
      # planned [20,22) Feb 1-2, both
      - {id: docs, name: Docs, duration: 2d, start: 2027-02-01, assign: [{person: dev}]}
      # planned [10,20), forecast [14,24) Jan 22 - Feb 4: dev on docs and test on Feb 1-2
      - {id: test, name: Test, duration: 10d, depends_on: [build], assign: [{person: dev}]}
risks:
  - {id: r1, title: Vendor late, likelihood: high, impact: low, owner: pm, mitigation: Weekly calls}
  - {id: r2, title: Medium risk, likelihood: medium, impact: medium}
  - {id: r3, title: "${HOSTILE}", impact: high, mitigation: "${HOSTILE}"}
`;

function reportOf(text: string, settings = {}): StatusReport {
  const analysis = analyzePlan(text, settings);
  const report = analysis.schedule && statusReport(analysis.model, analysis.schedule);
  if (!report) throw new Error('no report');
  return report;
}

describe('status report', () => {
  it('compares the forecast finish with the signed-off baseline', () => {
    // Baseline finish Fri Jan 29 (working day 19); forecast Thu Feb 4 (working day 23): 4 later.
    const text = `${PLAN}baseline:\n  date: 2027-01-04\n  finish: 2027-01-29\n  tasks:\n    kickoff: {start: 2027-01-04, finish: 2027-01-04}\n`;
    const report = reportOf(text);
    expect(report.finish.baseline).toEqual({ finish: '2027-01-29', slipDays: 4 });
    expect(statusReportMarkdown(analyzePlan(text).model, report)).toContain('- **Against the baseline:** 4 working days later than baseline (2027-01-29)');
  });

  it('computes the figures by hand', () => {
    const report = reportOf(PLAN);
    expect(report.asOf).toBe('2027-01-13');
    expect(report.asOfSource).toBe('plan');
    // (1 + 4 x 0.5) / (1 + 4 + 5 + 2 + 10) = 3 / 22 = 13.6%
    expect(report.percentComplete).toBe(13.6);
    expect(report.finish).toEqual({ forecast: '2027-02-04', planned: '2027-02-02', slipDays: 2, baseline: null });
    expect(report.milestones).toEqual({
      hit: [{ id: 'm0', name: 'Kicked off', date: '2027-01-05', planned: '2027-01-05' }],
      missed: [{ id: 'm1', name: 'Early gate', date: '2027-01-13', planned: '2027-01-06' }],
      next: [{ id: 'gate', name: 'Build accepted', date: '2027-01-22', planned: '2027-01-18' }],
    });
    expect(report.late).toEqual([
      { id: 'design', name: 'Design', owner: 'pm', late: 'not-finished', plannedStart: '2027-01-05', plannedFinish: '2027-01-08', forecastFinish: '2027-01-14', progress: 50 },
      { id: 'build', name: HOSTILE, owner: 'dev', late: 'not-started', plannedStart: '2027-01-11', plannedFinish: '2027-01-15', forecastFinish: '2027-01-21', progress: null },
    ]);
    expect(report.startingSoon).toEqual([
      { id: 'build', name: HOSTILE, start: '2027-01-15', owner: 'dev' },
      { id: 'test', name: 'Test', start: '2027-01-22', owner: 'pm' },
    ]);
    expect(report.overallocations).toEqual([{ person: 'dev', from: '2027-02-01', to: '2027-02-02', peak: 2, tasks: ['docs', 'test'] }]);
    expect(report.risks.map((risk) => risk.id)).toEqual(['r1', 'r3']);
  });

  it('--as-of moves the status date: nothing late before the plan started', () => {
    const report = reportOf(PLAN, { statusDate: '2027-01-04' });
    expect(report.asOfSource).toBe('option');
    expect(report.late).toEqual([]);
    expect(report.milestones.missed).toEqual([]);
    // nothing is moved before Jan 4: the forecast is the plan, with m0 kept on its actual day
    expect(report.finish.slipDays).toBe(0);
  });

  it('renders markdown GitHub reads as headings, lists and tables, with the plan text as text', () => {
    const analysis = analyzePlan(PLAN);
    const markdown = statusReportMarkdown(analysis.model, statusReport(analysis.model, analysis.schedule!)!);
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect([...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((match) => match[1])).toEqual([
      'Milestones',
      'Late today',
      'Starting in the next 14 days',
      'Overallocations ahead',
      'Open high risks',
    ]);
    expect(html.match(/<table>/g)).toHaveLength(5);
    // Each table row has exactly the header's cells: no | from the plan split a row.
    for (const table of html.split('<table>').slice(1)) {
      const body = table.slice(0, table.indexOf('</table>'));
      const header = (body.match(/<th[ >]/g) ?? []).length;
      for (const row of body.split('<tr>').slice(2)) expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
    }
    expect(html).not.toMatch(/<script|<a |<em>x<\/em>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/@team|#12/);
    expect(markdown).toContain('- **Complete:** 13.6% (by duration)');
    expect(markdown).toContain('- **Forecast finish:** 2027-02-04, 2 working days later than planned (2027-02-02)');
    expect(markdown).toContain('| **missed** | Early gate (`m1`) | 2027-01-13 | 2027-01-06 |');
  });
});
