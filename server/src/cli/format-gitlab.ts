import type { Severity } from '../model/types.js';
import { oneBasedRegion, type FileReport } from './check-report.js';
import { findingFingerprints } from './format-sarif.js';

// GitLab Code Quality report (`artifacts: reports: codequality:`): the subset
// of Code Climate's issue format that GitLab documents under "Code Quality
// report format". GitLab reads description, check_name, fingerprint,
// severity, location.path and location.lines.begin (or
// location.positions.begin.line) and ignores everything else. Its parser
// stops at the first entry that fails its schema, and keeps one entry per
// fingerprint, so every entry is complete and every fingerprint unique.

/** GitLab's severities, lowest first. */
export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  readonly description: string;
  /** The crmplan rule, as in `--rule NAME=...` and the rule's docs page. */
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: GitlabSeverity;
  readonly location: {
    /** Relative to the working folder, with `/` (absolute for a plan outside it). */
    readonly path: string;
    /** 1-based. GitLab shows and links only lines, so columns are left out. */
    readonly lines: { readonly begin: number; readonly end: number };
  };
}

/**
 * crmplan errors fail the job, so they get GitLab's red `critical` (its
 * widget draws `major` in orange, like a warning); warnings are `minor`,
 * info and hint `info`. `blocker` is left unused: crmplan has nothing above
 * error.
 */
export const GITLAB_SEVERITY: Record<Severity, GitlabSeverity> = {
  error: 'critical',
  warning: 'minor',
  info: 'info',
  hint: 'info',
};

/**
 * One JSON array of issues for every finding of every plan (`[]` when the
 * plans are clean), without a byte order mark, which GitLab's parser rejects.
 * Fingerprints are SARIF's `partialFingerprints` ones: they ignore line
 * numbers, so GitLab's merge-request widget does not report a finding as
 * fixed and new again when lines are inserted above it.
 */
export function formatGitlab(reports: readonly FileReport[]): string {
  const issues = reports.flatMap((report) => {
    const fingerprints = findingFingerprints(report.path, report.findings);
    return report.findings.map((finding, index): GitlabIssue => {
      const region = oneBasedRegion(report.document, finding.span);
      return {
        description: finding.message,
        check_name: finding.rule,
        fingerprint: fingerprints[index]!,
        severity: GITLAB_SEVERITY[finding.severity],
        location: { path: report.path, lines: { begin: region.startLine, end: region.endLine } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
