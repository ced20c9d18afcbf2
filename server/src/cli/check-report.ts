import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../model/types.js';
import { analyzePlan, countFindings, type AnalysisSettings, type FindingCounts, type ReportedFinding } from '../analysis/analyze-plan.js';
import { spanToRange } from '../service/diagnostics.js';
import { displayPath, findPlanFiles, readPlanFile } from './plan-files.js';

/** One checked plan: what every `check` output format is made from. */
export interface FileReport {
  /** As the user would type it: relative to the working folder, with `/`. */
  readonly path: string;
  readonly document: TextDocument;
  readonly findings: readonly ReportedFinding[];
}

/** Finds the plans the command line names (see findPlanFiles) and analyses each. */
export async function checkPlans(cwd: string, paths: readonly string[], settings: AnalysisSettings): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of await findPlanFiles(cwd, paths)) {
    const text = await readPlanFile(file, cwd);
    const document = TextDocument.create(pathToFileURL(file).href, 'crmplan', 1, text);
    reports.push({ path: displayPath(file, cwd), document, findings: analyzePlan(text, settings).findings });
  }
  return reports;
}

export type Summary = FindingCounts;

export function summarize(reports: readonly FileReport[]): Summary {
  return countFindings(reports.flatMap((report) => report.findings));
}

/** A span as compilers and CI tools count: 1-based lines and columns (UTF-16 code units), end exclusive. */
export interface OneBasedRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function oneBasedRegion(document: Pick<TextDocument, 'positionAt'>, span: Span): OneBasedRegion {
  const range = spanToRange(document, span);
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
