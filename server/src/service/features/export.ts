import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { resolveExportOptions } from '../../export/export-options.js';
import { EXPORT_FORMATS, exportFormatNamed } from '../../export/formats.js';
import type { ExportFormat } from '../../export/export-format.js';
import type { ExportFormatsResult, ExportParams, ExportResponse } from '../../shared/export-protocol.js';
import { NO_SCHEDULE_REASON } from './timeline.js';

/** The `crmplan/exportFormats` answer: the registry, as plain data. */
export function exportFormats(): ExportFormatsResult {
  return {
    formats: EXPORT_FORMATS.map((format) => ({
      name: format.name,
      description: format.description,
      extension: format.extension,
      binary: format.binary,
      options: (format.options ?? []).map((option) => ({ name: option.name, description: option.description, flag: option.flag })),
    })),
  };
}

/** A checked `crmplan/export` request: the format and its options, ready to run. */
export interface ExportJob {
  readonly format: ExportFormat;
  readonly options: ReadonlyMap<string, string>;
}

/** The format and options a request names, or why they do not fit (for InvalidParams). */
export function exportJob(params: ExportParams): ExportJob | { readonly problem: string } {
  const format = typeof params.format === 'string' ? exportFormatNamed(params.format) : undefined;
  if (!format) {
    return { problem: `crmplan/export: format must be one of ${EXPORT_FORMATS.map((known) => known.name).join(', ')}, not ${JSON.stringify(params.format)}` };
  }
  const given = params.options ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return { problem: 'crmplan/export: options must be an object' };
  const resolved = resolveExportOptions(format, new Map(Object.entries(given)));
  return 'problem' in resolved ? { problem: `crmplan/export: ${resolved.problem}` } : { format, options: resolved.options };
}

/**
 * The `crmplan/export` answer, from the document's analysis: the same
 * bytes `crmplan export` writes for the file. `job.format.prepare()` must
 * have finished.
 */
export function exportDocument(analysis: PlanAnalysis, document: TextDocument, job: ExportJob): ExportResponse {
  if (!analysis.schedule) return { content: null, reason: NO_SCHEDULE_REASON };
  const result = job.format.run(analysis, { fileName: fileNameOf(document.uri), options: job.options });
  const binary = typeof result.content !== 'string';
  return {
    content: typeof result.content === 'string' ? result.content : Buffer.from(result.content).toString('base64'),
    encoding: binary ? 'base64' : 'utf8',
    omitted: result.omitted,
    extension: job.format.extension,
    errors: analysis.findings.filter((finding) => finding.severity === 'error').length,
  };
}

/** The last segment of the URI's path, decoded: what `crmplan export` calls the plan's file name. */
function fileNameOf(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
