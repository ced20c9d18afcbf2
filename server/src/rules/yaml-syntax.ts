import type { Finding, Rule } from './types.js';

/** Reports what the YAML parser could not read; the rest is still analysed. */
export const yamlSyntaxRule: Rule = {
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
  },
};
