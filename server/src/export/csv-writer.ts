/**
 * CSV as RFC 4180 writes it, for the `csv` and `jira-csv` exports: fields
 * separated by commas, records ended by CRLF, a field quoted (with `"`
 * doubled) when it holds a comma, a quote, CR or LF.
 */

/** UTF-8's byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

/**
 * The first characters that make a spreadsheet read a cell as a formula
 * (`=`, `+`, `-`, `@`, tab, CR; OWASP's "CSV injection"), and `'` itself,
 * so that the one `'` the guard adds is always the guard's: a reader strips
 * exactly one leading `'` from a cell that starts with one of these after it.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell that no spreadsheet runs: `'` before a text that starts like a formula (see docs/export.md#formula-guard). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 needs it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: each record's fields joined by commas, each record ended by CRLF. */
export function csvText(records: readonly (readonly string[])[], options: { readonly bom: boolean }): string {
  const body = records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
  return options.bom ? UTF8_BOM + body : body;
}
