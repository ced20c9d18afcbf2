import type { ParsedDocument } from '../parse/parse-plan-text.js';
import type { PlanModel, Severity, Span } from '../model/types.js';
import type { Symbols } from '../model/symbols.js';
import type { WorkGraph } from '../model/work-graph.js';
import type { Schedule } from '../schedule/compute-schedule.js';
import type { FindingData } from './finding-data.js';
import type { FixProvider } from './fix-provider.js';

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

export interface Rule<Name extends string = string> {
  readonly name: Name;
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. The full page is docs/rules/<name>.md. */
  readonly summary: string;
  /** What the findings depend on; `plan` when not said. */
  readonly reads?: RuleReads;
  check(context: RuleContext): Iterable<Finding>;
}

/**
 * One rule with all that is its own: the check, the fix provider (where it
 * has one) and, as `Data`, the type of the finding data it attaches. A rule
 * is a folder rules/<name>/ whose index.ts exports its module; the list of
 * modules in rules/index.ts is the one registry (rules, names, finding data,
 * fixes) everything else derives from.
 */
export interface RuleModule<Name extends string = string, Data extends { readonly rule: Name } = never> {
  readonly rule: Rule<Name>;
  readonly fix?: FixProvider;
  /**
   * Never set: it carries `Data` in the type, so that FindingData can be
   * the union over the modules (rules/finding-data.ts).
   */
  readonly data?: Data;
}
