import { performance } from 'node:perf_hooks';
import { analyzePlan, buildRuleContext, reanalyzePlan, runRules, type PlanAnalysis } from '../server/src/analysis/analyze-plan.js';
import { reparsePlanText } from '../server/src/parse/incremental-parse.js';
import { ALL_RULES } from '../server/src/rules/index.js';
import { generatePlan } from './generate-plan.js';

/**
 * What one keystroke costs in process, on the incremental path the server
 * takes after a `didChange`: a task's duration changed and changed back,
 * for tasks from the start to the end of the plan (as `npm run bench:lsp`
 * edits them). Prints the median of the whole re-analysis and where its
 * time goes: the re-parse, the context (model, symbols, graph, schedule)
 * and each rule, slowest first.
 */

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The texts of the edit rounds: each edited task's duration moved by 3 days, then back. */
function editedTexts(text: string, taskCount: number): string[] {
  const texts: string[] = [];
  let current = text;
  for (let round = 0; round < 6; round++) {
    const task = Math.floor(((round + 0.5) / 6) * taskCount);
    const durationAt = (): number => current.indexOf('duration: ', current.indexOf(`- id: t${task}\n`)) + 'duration: '.length;
    const before = current.slice(durationAt(), current.indexOf('\n', durationAt()));
    const days = Number.parseInt(before, 10);
    for (const value of [`${days <= 5 ? days + 3 : days - 3}d`, before]) {
      const at = durationAt();
      current = `${current.slice(0, at)}${value}${current.slice(current.indexOf('\n', at))}`;
      texts.push(current);
    }
  }
  return texts;
}

const sizes = (process.env['CRMPLAN_BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
const passes = Number(process.env['CRMPLAN_BENCH_PASSES'] ?? 3);
console.log(`crmplan incremental re-analysis (node ${process.version}, medians of ${passes} passes x 12 edits)\n`);
for (const size of sizes) {
  const text = generatePlan(size);
  const texts = editedTexts(text, size);
  // The whole re-analysis, as the server runs it.
  const whole: number[] = [];
  for (let pass = 0; pass < passes + 1; pass++) {
    let analysis: PlanAnalysis = analyzePlan(text);
    for (const next of texts) {
      const started = performance.now();
      analysis = reanalyzePlan(analysis, next);
      if (pass > 0) whole.push(performance.now() - started);
    }
  }
  // The same steps one by one, timed.
  const parse: number[] = [];
  const context: number[] = [];
  const perRule = new Map<string, number[]>(ALL_RULES.map((rule) => [rule.name, []]));
  for (let pass = 0; pass < passes + 1; pass++) {
    let analysis: PlanAnalysis = analyzePlan(text);
    for (const next of texts) {
      let started = performance.now();
      const parsed = reparsePlanText(analysis.parsed, next);
      if (pass > 0) parse.push(performance.now() - started);
      started = performance.now();
      const built = buildRuleContext(parsed, analysis);
      if (pass > 0) context.push(performance.now() - started);
      for (const rule of ALL_RULES) {
        started = performance.now();
        // Each rule alone, through the entry point the analysis uses (so what a rule keeps from the version before counts).
        runRules(built, {}, [rule]);
        if (pass > 0) perRule.get(rule.name)!.push(performance.now() - started);
      }
      analysis = runRules(built, {}, ALL_RULES);
    }
  }
  const ruleRows = [...perRule.entries()].map(([name, samples]) => ({ name, ms: median(samples) })).sort((a, b) => b.ms - a.ms);
  const rulesTotal = ruleRows.reduce((sum, row) => sum + row.ms, 0);
  console.log(`## ${size} tasks (${text.split('\n').length} lines)\n`);
  console.log('| step | median |\n| --- | ---: |');
  console.log(`| whole re-analysis | ${median(whole).toFixed(2)} ms |`);
  console.log(`| re-parse | ${median(parse).toFixed(2)} ms |`);
  console.log(`| context (model, symbols, graph, schedule) | ${median(context).toFixed(2)} ms |`);
  console.log(`| all rules (sum of the medians below) | ${rulesTotal.toFixed(2)} ms |`);
  for (const row of ruleRows.slice(0, 12)) console.log(`| rule ${row.name} | ${row.ms.toFixed(2)} ms |`);
  console.log('');
}
