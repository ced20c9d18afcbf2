import type { Severity } from './types.js';

/** Findings per severity, named as the contract's `summary` names them. */
export type FindingCounts = Record<'errors' | 'warnings' | 'infos' | 'hints', number>;

const COUNT_KEY: Record<Severity, keyof FindingCounts> = { error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints' };

/** Here, not with the analysis: the timeline (render/) counts findings and reads nothing else of the rules. */
export function countFindings(findings: readonly { readonly severity: Severity }[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const finding of findings) counts[COUNT_KEY[finding.severity]]++;
  return counts;
}
