import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { baselineEdit, describeBaselineEdit, type BaselineEdit } from '../../fixes/baseline-edit.js';
import { isIsoDate } from '../../model/values.js';
import type { SetBaselineResult as SetBaselineAnswer } from '../../shared/protocol.js';
import { spanToRange } from '../diagnostics.js';

/** The baseline edit of a plan, or why the plan cannot be baselined (one sentence). */
export type SetBaselineResult =
  | { readonly edit: BaselineEdit; readonly summary: string }
  | { readonly refused: string };

/**
 * `crmplan baseline` and the editor's **CRM Plan: Set Baseline**: a plan
 * with errors is refused (its dates may be wrong, and a baseline is a
 * promise), and so is one without dates (no `plan.start`).
 */
export function setBaseline(analysis: PlanAnalysis, date: string): SetBaselineResult {
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  if (!analysis.schedule) return { refused: 'the plan has no valid plan.start, so it has no dates to baseline' };
  if (errors > 0) return { refused: `the plan has ${errors} error${errors === 1 ? '' : 's'}; fix them before setting a baseline` };
  const edit = baselineEdit(analysis.parsed, analysis.model, analysis.schedule, date);
  if (!edit) return { refused: 'the plan is not a YAML block mapping at its top level' };
  return { edit, summary: describeBaselineEdit(edit) };
}

/** The `crmplan/setBaseline` answer for an open document. */
export function setBaselineAnswer(analysis: PlanAnalysis, document: TextDocument, date: string): SetBaselineAnswer {
  const { uri, version } = document;
  if (!isIsoDate(date)) return { uri, version, refused: `the date ${JSON.stringify(date)} is not a date like 2027-01-04` };
  const result = setBaseline(analysis, date);
  if ('refused' in result) return { uri, version, refused: result.refused };
  const { span, newText } = result.edit.edit;
  return { uri, version, edits: [{ range: spanToRange(document, span), newText }], summary: result.summary };
}
