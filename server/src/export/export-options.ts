import type { ExportFormat } from './export-format.js';

/**
 * The options of one export as the format reads them (flags as `'true'`),
 * from what a caller gave: `--NAME VALUE` on the command line, or the
 * `options` object of the `crmplan/export` request. One check for both:
 * an option the format does not have, a flag given a value other than
 * true, or a valueless option is a message, never silently ignored.
 */
export function resolveExportOptions(
  format: ExportFormat,
  given: ReadonlyMap<string, string | boolean>,
): { readonly options: ReadonlyMap<string, string> } | { readonly problem: string } {
  const options = new Map<string, string>();
  for (const [name, value] of given) {
    const option = format.options?.find((candidate) => candidate.name === name);
    if (!option) {
      const known = (format.options ?? []).map((candidate) => candidate.name);
      return { problem: `format '${format.name}' has no option '${name}' (${known.length === 0 ? 'it takes none' : `options: ${known.join(', ')}`})` };
    }
    if (option.flag) {
      if (value === false || value === 'false') continue;
      if (value !== true && value !== 'true') return { problem: `option '${name}' of format '${format.name}' is a flag and takes no value` };
      options.set(name, 'true');
    } else {
      if (typeof value !== 'string' || value === '') return { problem: `option '${name}' of format '${format.name}' needs a value` };
      options.set(name, value);
    }
  }
  return { options };
}
