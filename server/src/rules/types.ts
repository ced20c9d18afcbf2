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

export interface Rule {
  readonly name: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. The full page is docs/rules/<name>.md. */
  readonly summary: string;
  check(context: RuleContext): Iterable<Finding>;
}
