import type { ExportFormat } from './export-format.js';
import { pngFormat } from './png.js';
import { svgFormat } from './svg.js';

/**
 * Every export format, in the order `--help` and the VS Code quick pick list
 * them. A format is one module under export/; adding one is one line here.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  svgFormat,
  pngFormat,
];

export function exportFormatNamed(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.name === name);
}
