import { describe, expect, it } from 'vitest';
import { ARROW_GAP, ARROW_HEAD, barEnds, dependencyArrow, drawnDependencies, progressOf } from '../../client/webview/chart-layers.js';
import { labelPlacement } from '../../client/webview/chart-labels.js';
import { legendKinds } from '../../client/webview/chart-legend.js';
import { phaseBands } from '../../client/webview/chart-phases.js';
import type { TimelinePhase, TimelineTask } from '../../server/src/render/timeline-types.js';

const box = (x: number, y: number, width: number, height = 22) => ({ x, y, width, height });

describe('arrow geometry', () => {
  it("touches a bar's ends at mid-height, and a milestone diamond's points", () => {
    expect(barEnds(box(100, 50, 40), false)).toEqual({ left: { x: 100, y: 61 }, right: { x: 140, y: 61 } });
    // A 22-unit square turned 45° and scaled by 0.8: its points are 0.8 x 11√2 = 12.45 from the centre (111).
    const diamond = barEnds(box(100, 50, 22), true);
    expect(diamond.left.x).toBeCloseTo(111 - 12.445, 2);
    expect(diamond.right.x).toBeCloseTo(111 + 12.445, 2);
    expect(diamond.left.y).toBe(61);
  });

  it('FS with room: out of the predecessor end, one turn, into the dependent start from the left', () => {
    const from = barEnds(box(100, 50, 40), false);
    const toBox = box(200, 78, 30);
    const arrow = dependencyArrow(from, barEnds(toBox, false), 'FS', toBox, 6);
    expect(arrow.start).toEqual({ x: 140, y: 61 });
    expect(arrow.end).toEqual({ x: 200, y: 89 });
    expect(arrow.path).toBe(`M140,61 H${140 + ARROW_GAP} V89 H200`);
    expect(arrow.head).toBe(`M200,89 L${200 - ARROW_HEAD},85.5 L${200 - ARROW_HEAD},92.5 Z`);
  });

  it('FS to the very next day: down into the gap above the dependent row, back, and in', () => {
    const from = barEnds(box(100, 50, 40), false);
    const toBox = box(140, 78, 30);
    const arrow = dependencyArrow(from, barEnds(toBox, false), 'FS', toBox, 6);
    // Gap between the rows at 78 - 3 = 75; back to 140 - 6 - 5 = 129.
    expect(arrow.path).toBe('M140,61 H146 V75 H129 V89 H140');
    expect(arrow.end).toEqual({ x: 140, y: 89 });
    // A dependent above the predecessor goes through the gap below its row.
    const upBox = box(140, 22, 30);
    expect(dependencyArrow(from, barEnds(upBox, false), 'FS', upBox, 6).path).toBe('M140,61 H146 V47 H129 V33 H140');
  });

  it("SS: out of the predecessor's start, left of both, into the dependent's start", () => {
    const from = barEnds(box(100, 50, 40), false);
    const toBox = box(120, 78, 30);
    const arrow = dependencyArrow(from, barEnds(toBox, false), 'SS', toBox, 6);
    expect(arrow.start).toEqual({ x: 100, y: 61 });
    expect(arrow.path).toBe('M100,61 H94 V89 H120');
    expect(arrow.labelAt).toEqual({ x: 92, y: 75 });
    expect(arrow.labelAnchor).toBe('end');
  });
});

const task = (key: string, phaseKey: string, extra: Partial<TimelineTask> = {}): TimelineTask => ({
  key, id: key, label: key, phaseKey, start: '2027-01-04', finish: '2027-01-05', duration: 2, milestone: false, critical: false,
  totalFloat: 0, status: null, owner: null, span: { start: 0, end: 1 }, ...extra,
});
const phase = (key: string, taskKeys: string[], extra: Partial<TimelinePhase> = {}): TimelinePhase => ({
  key, id: key, label: `Phase ${key}`, start: '2027-01-04', finish: '2027-01-08', critical: false, taskKeys, span: { start: 0, end: 1 }, ...extra,
});

describe('which dependencies are drawn', () => {
  const tasks = [task('t0', 'p0'), task('t1', 'p0'), task('t2', 'p1'), task('t3', 'p1')];
  const dependencies = [
    { from: 't0', to: 't1', type: 'FS' as const },
    { from: 't1', to: 't2', type: 'FS' as const, lag: '+2d' },
    { from: 't0', to: 't3', type: 'SS' as const },
    { from: 't1', to: 't3', type: 'SS' as const, lag: '+1d' },
    { from: 'p0', to: 'p1', type: 'FS' as const },
  ];

  it('all between drawn task bars, with their lag; none to what is not drawn', () => {
    expect(drawnDependencies({ tasks, dependencies }, new Set(['t0', 't1', 't2', 't3']))).toEqual(dependencies.slice(0, 4));
  });

  it('through the summary bar of a collapsed phase, once per pair of bars, without a merged lag, none within one bar', () => {
    // p1 collapsed: t1 -> t2 becomes t1 -> p1 (lag dropped), the two SS into t3 become one t0/t1 -> p1 each.
    expect(drawnDependencies({ tasks, dependencies }, new Set(['t0', 't1', 'p1']))).toEqual([
      { from: 't0', to: 't1', type: 'FS' },
      { from: 't1', to: 'p1', type: 'FS' },
      { from: 't0', to: 'p1', type: 'SS' },
      { from: 't1', to: 'p1', type: 'SS' },
      { from: 'p0', to: 'p1', type: 'FS' },
    ].filter((arrow) => arrow.from !== 'p0'));
    // Both collapsed: everything between p0 and p1 is one FS and one SS arrow; t0 -> t1 is inside p0.
    expect(drawnDependencies({ tasks, dependencies }, new Set(['p0', 'p1']))).toEqual([
      { from: 'p0', to: 'p1', type: 'FS' },
      { from: 'p0', to: 'p1', type: 'SS' },
    ]);
  });
});

describe('progress fill', () => {
  const tasks = new Map([
    ['t0', task('t0', 'p0', { progress: 40, duration: 5 })],
    ['t1', task('t1', 'p0', { progress: 100, status: 'done', duration: 3 })],
    ['t2', task('t2', 'p0', { duration: 2 })],
    ['t3', task('t3', 'p0', { milestone: true, progress: 100 })],
  ]);
  const phases = new Map([
    ['p0', phase('p0', ['t0', 't1', 't2', 't3'])],
    ['p1', phase('p1', [])],
  ]);

  it("is a task's progress; none for a done task (its colour says it), a milestone or a task without progress", () => {
    expect(progressOf('t0', tasks, phases)).toBe(0.4);
    expect(progressOf('t1', tasks, phases)).toBeUndefined();
    expect(progressOf('t2', tasks, phases)).toBeUndefined();
    expect(progressOf('t3', tasks, phases)).toBeUndefined();
  });

  it("is a collapsed phase's progress weighted by duration, a task without progress counting as not started", () => {
    // (5 x 40% + 3 x 100% + 2 x 0) / (5 + 3 + 2) = 5 / 10.
    expect(progressOf('p0', tasks, phases)).toBe(0.5);
    expect(progressOf('p1', tasks, phases)).toBeUndefined();
  });
});

describe('labels within the chart', () => {
  it('inside when it fits, else right, else left, else cut on the roomier side', () => {
    expect(labelPlacement(box(100, 0, 80), 60, 0, 1000)).toEqual({ side: 'inside', x: 140 });
    expect(labelPlacement(box(100, 0, 40), 60, 0, 1000)).toEqual({ side: 'right', x: 145 });
    // 145 + 60 > 200: left, ending 5 before the bar.
    expect(labelPlacement(box(100, 0, 40), 60, 0, 200)).toEqual({ side: 'left', x: 95 });
    // Room 95 on the left, 55 on the right: cut to 95 on the left.
    expect(labelPlacement(box(100, 0, 40), 300, 0, 200)).toEqual({ side: 'left', x: 95, maxWidth: 95 });
    expect(labelPlacement(box(10, 0, 40), 300, 0, 200)).toEqual({ side: 'right', x: 55, maxWidth: 145 });
  });
});

describe('phase bands', () => {
  it("run from half a row gap above a phase's first bar to half below its last, top to bottom", () => {
    const bars = new Map([
      ['t0', box(10, 12, 30)],
      ['t1', box(40, 40, 30)],
      ['p1', box(70, 68, 50)],
    ]);
    expect(phaseBands([phase('p1', ['t2']), phase('p0', ['t0', 't1']), phase('p2', ['t9'])], bars, 6)).toEqual([
      { key: 'p0', label: 'Phase p0', top: 9, bottom: 65 },
      { key: 'p1', label: 'Phase p1', top: 65, bottom: 93 },
    ]);
  });
});

describe('the legend', () => {
  it('names the kinds of marks drawn, in a fixed order', () => {
    const tasks = [task('t0', 'p0', { critical: true }), task('t1', 'p0', { status: 'done' }), task('t2', 'p0', { milestone: true }), task('t3', 'p1', { status: 'in-progress' })];
    const phases = [phase('p0', ['t0', 't1', 't2']), phase('p1', ['t3'])];
    expect(legendKinds({ tasks, phases }, { bars: new Set(['t0', 't1', 't2']), baselineGhosts: 0, arrows: 0, progressFills: 0, lines: [] })).toEqual(['planned', 'critical', 'done', 'milestone']);
    // p1 collapsed: its bar is in progress (one task started).
    expect(legendKinds({ tasks, phases }, { bars: new Set(['t1', 'p1']), baselineGhosts: 2, arrows: 1, progressFills: 1, lines: ['status-date', 'today'] })).toEqual([
      'in-progress', 'done', 'progress', 'baseline', 'dependency', 'today', 'status-date',
    ]);
  });
});
