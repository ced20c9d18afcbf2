import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analysis/analyze-plan.js';
import { buildTimeline } from './timeline-model.js';
import { decodeTimeline, encodeTimeline } from './timeline-wire.js';

const samplesDir = resolve(__dirname, '../../../samples');
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.crmplan.yaml'));

describe('the timeline on the wire (crmplan/timeline)', () => {
  it.each(samples)('decodes to the timeline it encoded, through JSON (%s)', (name) => {
    const timeline = buildTimeline(analyzePlan(readFileSync(join(samplesDir, name), 'utf8')));
    if (!timeline) throw new Error(`${name}: no timeline`);
    expect(timeline.tasks.length).toBeGreaterThan(0);
    const wire = JSON.parse(JSON.stringify(encodeTimeline(timeline))) as ReturnType<typeof encodeTimeline>;
    expect(wire.tasks.id).toEqual(timeline.tasks.map((task) => task.id));
    expect(decodeTimeline(wire)).toEqual(timeline);
  });

  it('keeps tasks without id, name or dates, milestones and critical tasks apart', () => {
    const timeline = buildTimeline(
      analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: a
    tasks:
      - {name: No id, duration: 2d}
      - {id: m, milestone: true, depends_on: [x]}
      - {id: x, duration: 1d, depends_on: [m], status: done}
`),
    )!;
    const decoded = decodeTimeline(JSON.parse(JSON.stringify(encodeTimeline(timeline))) as ReturnType<typeof encodeTimeline>);
    expect(decoded).toEqual(timeline);
    expect(decoded.tasks.map((task) => [task.id, task.milestone, task.start])).toEqual([
      [null, false, '2027-01-04'],
      ['m', true, null],
      ['x', false, null],
    ]);
  });
});

describe('the optional task columns on the wire', () => {
  it('sends progress and actual dates only when some task has them, and decodes them back', () => {
    const withProgress = buildTimeline(
      analyzePlan(`crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-05}
phases:
  - id: a
    tasks:
      - {id: x, duration: 2d, progress: 50%, actual_start: 2027-01-04}
      - {id: y, duration: 1d, depends_on: [x]}
`),
    )!;
    const wire = JSON.parse(JSON.stringify(encodeTimeline(withProgress))) as ReturnType<typeof encodeTimeline>;
    expect(wire.tasks.progress).toEqual([50, null]);
    expect(wire.tasks.actualStart).toEqual(['2027-01-04', null]);
    expect(wire.tasks.actualFinish).toBeUndefined();
    expect(decodeTimeline(wire)).toEqual(withProgress);
  });
});
