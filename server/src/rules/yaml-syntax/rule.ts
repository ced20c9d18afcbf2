import type { Span } from '../../model/types.js';
import { spanOf } from '../../model/yaml-nodes.js';
import type { ParsedDocument } from '../../parse/parse-plan-text.js';
import { documentValue } from '../../schema/document-value.js';
import type { Finding, Rule } from '../types.js';

/** Reports what the YAML parser could not read; the rest is still analysed. */
export const yamlSyntaxRule: Rule<'yaml-syntax'> = {
  name: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'the file is not valid YAML',
  *check({ parsed }): Iterable<Finding> {
    for (const problem of parsed.problems) {
      yield {
        rule: 'yaml-syntax',
        message: `YAML: ${problem.message}`,
        span: problem.span,
        severity: problem.severity,
      };
    }
    yield* unresolvedAliases(parsed);
  },
};

/**
 * YAML requires an alias's anchor to come before it, but eemeli/yaml only
 * notices when the document is converted; the document reader (shared with
 * the schema rule, so read once) reports it.
 */
function* unresolvedAliases(parsed: ParsedDocument): Iterable<Finding> {
  for (const problem of documentValue(parsed.doc).problems) {
    if (problem.kind !== 'unresolved-alias') continue;
    const span = spanOf(problem.alias);
    // Should a later parser version report it itself, say it once.
    if (!span || parsed.problems.some((known) => overlaps(known.span, span))) continue;
    const name = problem.alias.source;
    yield { rule: 'yaml-syntax', message: `YAML: Unknown alias '*${name}': no anchor '&${name}' comes before it.`, span };
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
