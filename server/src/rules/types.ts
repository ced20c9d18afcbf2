import type { ParsedDocument } from '../parse/parse-plan-text.js';
import type { PlanModel, Severity, Span } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import type { WorkGraph } from '../model/work-graph.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import type { FindingData } from './finding-data.js';

/** Everything a rule may read. Derived analyses are computed once, lazily. */
export interface RuleContext {
  readonly parsed: ParsedDocument;
  readonly model: PlanModel;
  readonly symbols: Symbols;
  readonly graph: WorkGraph;
  /** Undefined when the plan has no usable `plan.start` (reported by `schema`). */
  readonly schedule: Schedule | undefined;
}

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
}

/**
 * One problem a rule found. `severity` is only set by rules whose findings
 * differ in default severity (the `schema` rule's unknown keys are
 * warnings); configuration always wins over it.
 */
export interface Finding {
  readonly rule: string;
  readonly message: string;
  readonly span: Span;
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly data?: FindingData;
  /** Marks findings on text that is no longer used (LSP `Unnecessary`). */
  readonly unnecessary?: boolean;
}

/**
 * What a rule's findings depend on, so that an analysis after an edit knows
 * which findings it may keep (docs/performance.md):
 * - `plan` (the default): anything in the context; checked on every analysis;
 * - `symbols`: the symbol tables alone; the findings of the version before
 *   are kept when it lent its symbols (analysis/analyze-plan.ts);
 * - `nodes`: YAML nodes alone, the findings under each node from its own
 *   subtree; the rule keeps them per node and re-checks only the nodes an
 *   edit touched (rules/node-findings.ts).
 */
export type RuleReads = 'plan' | 'symbols' | 'nodes';

export interface Rule {
  readonly name: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. The full page is docs/rules/<name>.md. */
  readonly summary: string;
  /** What the findings depend on; `plan` when not said. */
  readonly reads?: RuleReads;
  check(context: RuleContext): Iterable<Finding>;
}
