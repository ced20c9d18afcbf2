import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePlanText } from '../server/src/parse/parse-plan-text.js';
import { computeSchedule } from '../server/src/schedule/compute-schedule.js';
import { analyzeParsedPlan, analyzePlan, buildRuleContext } from '../server/src/analysis/analyze-plan.js';
import { LanguageService } from '../server/src/service/language-service.js';
import { generatePlan } from './generate-plan.js';

/**
 * What a keystroke costs: the whole analysis (parse, model, graph,
 * schedule, all rules) and the LSP diagnostics built from it, against a
 * baseline measured in the same run on the same text: eemeli/yaml parsing
 * the document alone. Figures are medians of repeated runs.
 */
function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(run: () => void, minimumRuns: number, minimumMs: number): number {
  run(); // warm-up: JIT and caches
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minimumRuns || performance.now() - started < minimumMs) {
    const before = performance.now();
    run();
    samples.push(performance.now() - before);
    if (samples.length >= 200) break;
  }
  return median(samples);
}

const sizes = (process.env['CRMPLAN_BENCH_SIZES'] ?? '100,1000,10000').split(',').map(Number);
const rows: string[] = [];
rows.push(
  '| tasks | lines | YAML parse (baseline) | schedule alone | schedule + all rules | full analysis | full / baseline | diagnostics via the service | findings |',
);
rows.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const size of sizes) {
  const text = generatePlan(size);
  const runs = size >= 10000 ? 5 : 15;
  const budget = size >= 10000 ? 3000 : 1500;
  const baseline = measure(() => void parseDocument(text, { keepSourceTokens: true }), runs, budget);
  const parsed = parsePlanText(text);
  const context = buildRuleContext(parsed);
  const scheduleOnly = measure(() => void computeSchedule(context.model, context.graph), runs, budget);
  // Model, graph, schedule and every rule on an already parsed document.
  const scheduleAndRules = measure(() => void analyzeParsedPlan(parsed), runs, budget);
  let findings = 0;
  const analysis = measure(() => {
    findings = analyzePlan(text).findings.length;
  }, runs, budget);
  let version = 0;
  const service = new LanguageService({ ruleDocsBase: 'file:///docs/rules/' });
  const diagnostics = measure(() => {
    version++;
    service.validate(TextDocument.create('file:///bench.crmplan.yaml', 'crmplan', version, text));
  }, runs, budget);
  rows.push(
    `| ${size} | ${text.split('\n').length} | ${baseline.toFixed(1)} ms | ${scheduleOnly.toFixed(1)} ms | ${scheduleAndRules.toFixed(1)} ms | ${analysis.toFixed(1)} ms | ${(analysis / baseline).toFixed(2)}x | ${diagnostics.toFixed(1)} ms | ${findings} |`,
  );
}
console.log(
  `crmplan benchmark (node ${process.version}, median of repeated runs; full analysis = parse + model + schedule + rules; ratio = full analysis / YAML parse of the same text)\n`,
);
console.log(rows.join('\n'));
