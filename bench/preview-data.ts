import { readFileSync } from 'node:fs';
import { buildTimeline } from '../server/src/render/timeline-model.js';
import { analyzePlan } from '../server/src/analysis/analyze-plan.js';
import { generatePlan } from './generate-plan.js';

/**
 * The preview benchmark's data (bench/preview.mjs runs it): for a sample and
 * a generated 1,000-task plan, the plan text, its timeline, and in-process
 * medians of the whole analysis (the baseline) and of buildTimeline on top
 * of it. Prints JSON on stdout.
 */
function median(run: () => void, runs: number): number {
  run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const before = performance.now();
    run();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const plans = [
  { name: 'samples/five-phase-project.crmplan.yaml', text: readFileSync('samples/five-phase-project.crmplan.yaml', 'utf8') },
  { name: 'generated 1,000 tasks', text: generatePlan(1000) },
];
const results = plans.map(({ name, text }) => {
  const analysis = analyzePlan(text);
  const timeline = buildTimeline(analysis);
  if (!timeline) throw new Error(`${name}: no timeline`);
  return {
    name,
    text,
    taskCount: timeline.tasks.length,
    timeline,
    analysisMs: median(() => analyzePlan(text), 15),
    buildTimelineMs: median(() => buildTimeline(analysis), 15),
  };
});
process.stdout.write(JSON.stringify({ plans: results }));
