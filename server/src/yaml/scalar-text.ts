/**
 * Writing a string as YAML scalar text that reads back as the same string.
 * No dependency on the yaml library: the VS Code client writes new plans
 * with it too (shared/plan-templates.ts).
 */

const CORE_KEYWORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const CORE_NUMBER = /^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * True when `value` can be written as a plain scalar that reads back as the
 * same string in both block and flow context. Conservative: anything that
 * YAML might read as a number, boolean or null, or that holds an indicator
 * where it matters, is quoted.
 */
export function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  if (/^[?:,[\]{}#&*!|>'"%@`]/.test(value) || /^-(?:\s|$)/.test(value)) return false;
  if (/[,[\]{}]/.test(value) || /:(?:\s|$)/.test(value) || /\s#/.test(value)) return false;
  return !CORE_KEYWORD.test(value) && !CORE_NUMBER.test(value);
}

/** `value` double-quoted, with the escapes YAML reads back. */
export function doubleQuoted(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** `value` as YAML scalar text: plain when that is safe, else double-quoted. */
export function scalarText(value: string): string {
  return isPlainSafe(value) ? value : doubleQuoted(value);
}


/**
 * `value` in the quoting style of a scalar already written (`type` is the
 * yaml library's scalar type): double quotes stay double, single quotes
 * single (unless the value has a line break, which single quotes would
 * fold), and a plain scalar stays plain when that is safe.
 */
export function scalarTextLike(written: { readonly type?: string | null }, value: string): string {
  if (written.type === 'QUOTE_DOUBLE') return doubleQuoted(value);
  if (written.type === 'QUOTE_SINGLE' && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return scalarText(value);
}
