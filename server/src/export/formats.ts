import type { ExportFormat } from './export-format.js';
import { icsFormat } from './ics.js';
import { csvFormat } from './csv.js';
import { jiraCsvFormat } from './jira-csv.js';
import { mspdiFormat } from './mspdi.js';
import { pngFormat } from './png.js';
import { svgFormat } from './svg.js';
import { tjpFormat } from './tjp.js';

/**
 * Every export format, in the order `--help` and the VS Code quick pick list
 * them. A format is one module under export/; adding one is one line here.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  icsFormat,
  csvFormat,
  jiraCsvFormat,
  mspdiFormat,
  tjpFormat,
  svgFormat,
  pngFormat,
];

export function exportFormatNamed(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.name === name);
}
