import { importCsv } from './csv-import.js';
import { finishImport, type ImportResult } from './finish-import.js';
import { ImportError, MAX_IMPORT_BYTES } from './imported-plan.js';
import { importMspdi } from './mspdi-import.js';

export { ImportError, MAX_IMPORT_BYTES } from './imported-plan.js';
export type { ImportResult } from './finish-import.js';

/** The formats `crmplan import` reads, by file extension. */
export const IMPORT_FORMATS = {
  csv: { name: 'CSV', read: importCsv },
  xml: { name: 'MS Project XML', read: importMspdi },
} as const;

export type ImportExtension = keyof typeof IMPORT_FORMATS;

export function importExtensionOf(fileName: string): ImportExtension | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'xml' ? extension : undefined;
}

/**
 * A plan's text from the text of a CSV or MS Project XML file. Pure; throws
 * ImportError (one line naming the row or element) on a file it cannot read.
 */
export function importPlanText(text: string, fileName: string, extension: ImportExtension): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError(`the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB`);
  const format = IMPORT_FORMATS[extension];
  return finishImport(format.read(text, fileName), fileName, format.name);
}
