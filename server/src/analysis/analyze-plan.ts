import { buildPlanModel } from '../model/build-plan-model.js';
import { sameDeclarations, sameWorkGraphInput } from '../model/context-reuse.js';
import { collectSymbols, type Symbols } from '../model/symbols.js';
import type { PlanModel, Severity, SeveritySetting } from '../model/types.js';
import { buildWorkGraph, type WorkGraph } from '../model/work-graph.js';
import { reparsePlanText } from '../parse/incremental-parse.js';
import { parsePlanText, type ParsedDocument } from '../parse/parse-plan-text.js';
import { computeSchedule } from '../schedule/compute-schedule.js';
import type { ScheduleOptions } from '../schedule/progress.js';
import { ALL_RULES } from '../rules/index.js';
import { limitsRule, textWasNotRead } from '../rules/limits/rule.js';
import type { Finding, Rule, RuleContext } from '../rules/types.js';

/** Editor- or command-line-level settings; a plan's own `rules:` map wins over them. */
export interface AnalysisSettings extends ScheduleOptions {
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
}

/** A finding with the severity that configuration gave it. */
export interface ReportedFinding extends Finding {
  readonly severity: Severity;
}

export { countFindings, type FindingCounts } from '../model/finding-counts.js';

export interface PlanAnalysis extends RuleContext {
  readonly findings: readonly ReportedFinding[];
}

/**
 * Runs the whole pipeline on one text: parse -> model -> graph -> rules ->
 * configured findings. Pure and synchronous; never throws on user input.
 */
export function analyzePlan(text: string, settings: AnalysisSettings = {}, rules: readonly Rule[] = ALL_RULES): PlanAnalysis {
  return analyzeParsedPlan(parsePlanText(text), settings, rules);
}

/**
 * The analysis of a new version of a document, re-using the analysis of an
 * earlier version where the edit allows (see parse/incremental-parse.ts).
 * Equal to `analyzePlan(text, settings)`; `previous` must not be used
 * afterwards.
 */
export function reanalyzePlan(
  previous: PlanAnalysis,
  text: string,
  settings: AnalysisSettings = {},
  rules: readonly Rule[] = ALL_RULES,
): PlanAnalysis {
  const parsed = reparsePlanText(previous.parsed, text);
  return runRules(buildRuleContext(parsed, previous, settings), settings, rules);
}

/** The pipeline after parsing: model, graph, schedule and rules. */
export function analyzeParsedPlan(
  parsed: ParsedDocument,
  settings: AnalysisSettings = {},
  rules: readonly Rule[] = ALL_RULES,
): PlanAnalysis {
  return runRules(buildRuleContext(parsed, undefined, settings), settings, rules);
}

/** The rules on a built context, with the severities that configuration gives them. */
export function runRules(context: RuleContext, settings: AnalysisSettings = {}, rules: readonly Rule[] = ALL_RULES): PlanAnalysis {
  const planSettings = new Map(
    context.model.ruleSettings.flatMap((entry) => (entry.severity ? [[entry.rule.value, entry.severity.value] as const] : [])),
  );
  const findings: ReportedFinding[] = [];
  // A file too large to read gets the one finding that says so, nothing about its (unread) contents.
  const notRead = textWasNotRead(context.parsed.limits);
  for (const rule of rules) {
    if (notRead && rule.name !== limitsRule.name) continue;
    const configured = planSettings.get(rule.name) ?? settings.rules?.[rule.name];
    if (configured === 'off') continue;
    for (const finding of checked(rule, context)) {
      findings.push({ ...finding, severity: configured ?? finding.severity ?? rule.defaultSeverity });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ...context, findings };
}

/**
 * The findings of rules that read only the symbols (`reads: 'symbols'`), by
 * the symbols they were found in: an edit that moves no id keeps the symbols
 * of the version before (buildRuleContext), and with them these findings.
 */
const symbolFindings = new WeakMap<Symbols, Map<string, readonly Finding[]>>();

/** A rule's findings on a context, kept from an earlier analysis where what the rule reads is the same object. */
function checked(rule: Rule, context: RuleContext): Iterable<Finding> {
  if (rule.reads !== 'symbols') return rule.check(context);
  let byRule = symbolFindings.get(context.symbols);
  if (!byRule) symbolFindings.set(context.symbols, (byRule = new Map()));
  let findings = byRule.get(rule.name);
  if (!findings) byRule.set(rule.name, (findings = [...rule.check(context)]));
  return findings;
}

/**
 * Model, symbols, work graph and schedule of a parse. `previous`, the
 * context of an earlier version of the same document, lends its symbols and
 * graph when what they are built from did not change (model/context-reuse.ts):
 * most keystrokes move no id and no dependency. The schedule is always
 * computed again (a duration or a date is what most edits change).
 */
export function buildRuleContext(parsed: ParsedDocument, previous?: RuleContext, options?: ScheduleOptions): RuleContext {
  const model: PlanModel = buildPlanModel(parsed);
  const symbols: Symbols = previous && sameDeclarations(previous.model, model) ? previous.symbols : collectSymbols(model);
  const graph: WorkGraph =
    previous && symbols === previous.symbols && sameWorkGraphInput(previous.model, model) ? previous.graph : buildWorkGraph(model, symbols);
  return { parsed, model, symbols, graph, schedule: computeSchedule(model, graph, scheduleOptionsOf(options)) };
}

/** Only the status-date options (the settings also carry rule severities, which the schedule does not read). */
export function scheduleOptionsOf(options: ScheduleOptions | undefined): ScheduleOptions | undefined {
  if (!options?.statusDate && !options?.today) return undefined;
  return { ...(options.statusDate ? { statusDate: options.statusDate } : {}), ...(options.today ? { today: options.today } : {}) };
}
