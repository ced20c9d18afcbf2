import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiff } from './run-diff.js';

/**
 * Golden outputs of `crmplan diff base.crmplan.yaml head.crmplan.yaml` for
 * each folder under cases/. The first outputs were checked by hand against
 * the calendar (Mon-Fri, holiday Fri 2027-03-26, start Mon 2027-03-01):
 * - longer-duration: requirements 5d -> 8d finishes Thu Mar 11 instead of
 *   Mon Mar 8; everything after it moves 3 working days: go-live Wed Mar 24
 *   -> Tue Mar 30 (Mar 25, 29, 30; the 26th is the holiday), finish Thu Apr 1
 *   -> Tue Apr 6 (Apr 2, 5, 6).
 * - task-added-removed: without `configure` (5d, float 2) and with
 *   `dashboards` (2d after data-validation, Thu-Fri Mar 18-19) the build
 *   phase ends 2 working days later: go-live Mar 24 -> Mon Mar 29, finish
 *   Apr 1 -> Mon Apr 5; `dashboards` is critical.
 * - phase-move: training in `build` starts after discovery, Tue Mar 9, and
 *   finishes Thu Mar 11 instead of Mon Mar 22: 7 working days earlier.
 * - overallocation: ceo (2h/w = 0.4 h/day) at 100% on kickoff is 2000%;
 *   trainer at 100% on both training and uat on Mar 18-19 is 200%.
 * - budget: contingency amount 100,000 x 10% = 10,000 -> 120,000 x 5% = 6,000.
 * - baseline: longer-duration with the base plan's dates as the baseline of
 *   both sides (and an entry naming no task): against it go-live moves
 *   Mar 24 -> Mar 30 and the finish Apr 1 -> Apr 6, +3 working days each;
 *   the baseline did not change (not set again).
 * - finish-unchanged: configure 5d -> 7d (Mar 9-15 -> Mar 9-17, +2) uses
 *   its 2 days of float: it becomes critical, the build phase still ends
 *   Wed Mar 17, the finish stays Thu Apr 1 and is said to be unchanged; the
 *   chart draws configure under the Build bar, Discovery and Launch as one
 *   bar each.
 * - progress: status date Mon Mar 1 -> Fri Mar 5 (+4: Mar 2, 3, 4, 5); the
 *   kickoff is finished on its actual day Mar 1; requirements started
 *   Tue Mar 2 at 60%: R = ceil(0.4 x 5) = 2, e = max(1 + 5, 4 + 2) = 6, so it
 *   still finishes Mon Mar 8 and no date moves. Work done, over 31 planned
 *   working days: 0.5 (kickoff at 50%) / 31 = 1.6% -> (1 + 0.6 x 5) / 31 = 12.9%.
 * - links: findings with --link-base (the introduced finding at line 54 of
 *   the head) and --fixed-link-base (the fixed one at line 64 of the base).
 * - full-chart: owner-assignment with --full-chart draws every task.
 * A case's args.txt holds extra arguments, one a line.
 * After an intended change, `UPDATE_GOLDEN=1 npx vitest run
 * test/diff/diff-cases.test.ts` rewrites the goldens: review their diff.
 */
const CASES = path.join(__dirname, 'cases');
const caseNames = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function compareWithGolden(file: string, output: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, output);
  expect(existsSync(file), `${file} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(output).toBe(readFileSync(file, 'utf8'));
}

describe('crmplan diff golden cases', () => {
  it('has the cases the brief lists', () => {
    expect(caseNames).toEqual([
      'baseline',
      'budget',
      'findings',
      'finish-unchanged',
      'full-chart',
      'links',
      'longer-duration',
      'nothing-changed',
      'objectives-risks',
      'overallocation',
      'owner-assignment',
      'people',
      'phase-move',
      'progress',
      'rename',
      'task-added-removed',
    ]);
  });

  for (const name of caseNames) {
    const folder = path.join(CASES, name);
    const argsFile = path.join(folder, 'args.txt');
    const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\n').filter((line) => line !== '') : [];
    it(`${name}: markdown`, async () => {
      const result = await runDiff(folder, ['base.crmplan.yaml', 'head.crmplan.yaml', ...extra]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      compareWithGolden(path.join(folder, 'expected.md'), result.stdout);
    });
    it(`${name}: json`, async () => {
      const result = await runDiff(folder, ['base.crmplan.yaml', 'head.crmplan.yaml', ...extra, '--format', 'json']);
      expect(result.code).toBe(0);
      compareWithGolden(path.join(folder, 'expected.json'), result.stdout);
    });
  }
});
