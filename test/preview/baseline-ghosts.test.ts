import { describe, expect, it } from 'vitest';
import { ghostBarOf } from '../../client/webview/baseline-ghosts.js';
import { chartScaleOf } from '../../client/webview/chart-scale.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { buildTimeline } from '../../server/src/render/timeline-model.js';
import { decodeTimeline, encodeTimeline } from '../../server/src/render/timeline-wire.js';
import type { TimelineTask } from '../../server/src/render/timeline-types.js';

// Mon 2027-01-04: kickoff Jan 4, build Jan 5-8, go-live Mon Jan 11.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: build, name: Build, duration: 4d, depends_on: [kickoff]}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [build]}
      - {id: new-task, name: Added later, duration: 1d}
baseline:
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    build: {start: 2027-01-05, finish: 2027-01-06}
    go-live: {start: 2027-01-07, finish: 2027-01-07}
`;

describe('the timeline of a plan with a baseline', () => {
  const timeline = buildTimeline(analyzePlan(PLAN))!;

  it('gives each baselined task its baseline dates, and no fields to the others', () => {
    const fields = timeline.tasks.map((task) => [task.id, task.baselineStart, task.baselineFinish]);
    expect(fields).toEqual([
      ['kickoff', '2027-01-04', '2027-01-04'],
      ['build', '2027-01-05', '2027-01-06'],
      ['go-live', '2027-01-07', '2027-01-07'],
      ['new-task', undefined, undefined],
    ]);
    expect('baselineStart' in timeline.tasks[3]!).toBe(false);
  });

  it('keeps them through the wire encoding, and sends no baseline columns without a baseline', () => {
    expect(decodeTimeline(encodeTimeline(timeline))).toEqual(timeline);
    const plain = buildTimeline(analyzePlan(PLAN.slice(0, PLAN.indexOf('baseline:'))))!;
    const wire = encodeTimeline(plain);
    expect('baselineStart' in wire.tasks).toBe(false);
    expect(decodeTimeline(wire)).toEqual(plain);
  });
});

describe('baseline ghost bars', () => {
  // A chart at 20 px a day whose Jan 4 starts at x = 100: kickoff [100, 120), build Jan 5-8 [120, 200).
  const box = (x: number, width: number) => ({ x, y: 0, width, height: 20 });
  const scale = chartScaleOf(
    [
      { box: box(100, 20), start: '2027-01-04', finish: '2027-01-04', milestone: false },
      { box: box(120, 80), start: '2027-01-05', finish: '2027-01-08', milestone: false },
    ],
    new Map(),
  )!;

  it('draws a ghost from the baselined start to the end of the baselined finish day, at the chart scale', () => {
    const task = (baselineStart?: string, baselineFinish?: string): TimelineTask => ({
      key: 't1', id: 'build', label: 'Build', phaseKey: 'p0', start: '2027-01-05', finish: '2027-01-08', duration: 4,
      milestone: false, critical: false, totalFloat: 0, status: null, owner: null, span: { start: 0, end: 1 },
      ...(baselineStart && baselineFinish ? { baselineStart, baselineFinish } : {}),
    });
    // Jan 5-6: x 120 to 160.
    expect(ghostBarOf(task('2027-01-05', '2027-01-06'), scale)).toEqual({ x: 120, width: 40 });
    // A baseline before the chart's first bar (Jan 1, 3 days earlier) is left of it.
    expect(ghostBarOf(task('2027-01-01', '2027-01-01'), scale)).toEqual({ x: 40, width: 20 });
    expect(ghostBarOf(task(), scale)).toBeUndefined();
    expect(ghostBarOf(task('2027-01-06', '2027-01-05'), scale)).toBeUndefined();
  });
});
