import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { ParsedDocument } from '../../server/src/parse/parse-plan-text.js';
import type { PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';

/**
 * Plain JSON views of a parse and an analysis, so that an incremental
 * result and a from-scratch one can be compared with one `toEqual`.
 */

/** The AST with every node's type, range and value; what the model, the rules and the features read. */
export function parseSnapshot(parsed: ParsedDocument): unknown {
  return {
    contents: nodeSnapshot(parsed.doc.contents),
    range: parsed.doc.range,
    lineStarts: parsed.lineCounter.lineStarts,
    problems: parsed.problems,
    reparseable: parsed.reparseable,
  };
}

function nodeSnapshot(node: unknown): unknown {
  if (isPair(node)) return { key: nodeSnapshot(node.key), value: nodeSnapshot(node.value) };
  if (isScalar(node)) return { scalar: node.value, type: node.type, source: node.source, range: node.range, tag: node.tag };
  if (isMap(node) || isSeq(node)) {
    return { [isMap(node) ? 'map' : 'seq']: node.items.map(nodeSnapshot), flow: node.flow ?? false, range: node.range, tag: node.tag };
  }
  if (isAlias(node)) return { alias: node.source, range: node.range };
  return node ?? null;
}

/** Findings, model, symbols, work graph and schedule: everything a feature or a command shows. */
export function analysisSnapshot(analysis: PlanAnalysis): unknown {
  return JSON.parse(
    JSON.stringify(
      {
        findings: analysis.findings,
        model: analysis.model,
        declarations: analysis.symbols.declarations,
        // Symbols and the graph may be lent by the version before (buildRuleContext).
        duplicates: analysis.symbols.duplicates,
        graph: { edges: analysis.graph.edges, cycles: analysis.graph.cycles, order: analysis.graph.order, structure: analysis.graph.structure },
        schedule: analysis.schedule,
      },
      (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value),
    ),
  );
}
