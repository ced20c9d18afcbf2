/**
 * LSP snippet syntax (the grammar of the LSP specification, "Snippet
 * Syntax"), written in one place for completion items and quick-fix
 * snippet edits:
 *
 *   tabstop     ::= '$' int | '${' int '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *
 * Outside those, `$`, `}` and `\` are escaped with a backslash; inside a
 * choice, `,` and `|` too.
 */

/** Escapes literal text for a snippet (`$1.2M` must not become a tab stop). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/**
 * A tab stop at `index`: `${n:text}` with `text` selected, or `${n}` with no
 * text. Braces even then, because `$n` followed by a digit (`$1` then `5d`)
 * reads as another tab stop (`$15`).
 */
export function placeholder(index: number, text: string): string {
  return text === '' ? `\${${index}}` : `\${${index}:${escapeSnippet(text)}}`;
}

/**
 * `${n|a,b,c|}`: a tab stop that offers `options`, the first one inserted.
 * One option is a placeholder (a one-entry choice is a dropdown for
 * nothing), none a bare tab stop.
 */
export function choice(index: number, options: readonly string[]): string {
  if (options.length === 0) return placeholder(index, '');
  if (options.length === 1) return placeholder(index, options[0]!);
  return `\${${index}|${options.map((option) => option.replace(/[\\$}|,]/g, (character) => `\\${character}`)).join(',')}|}`;
}

/**
 * What a snippet inserts with every tab stop at its default: shown as a
 * completion item's documentation so the user sees the whole block before
 * choosing.
 */
export function previewSnippet(snippet: string): string {
  // One pass, left to right, so that an escape in the text (`\}` of a flow
  // mapping, `\$`) and one inside a placeholder are each read once.
  return snippet.replace(
    /\$\{\d+\|((?:\\.|[^|\\])*)\|\}|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\}|\$\d+|\\([\\$}])/g,
    (_match, choices: string | undefined, value: string | undefined, escaped: string | undefined) => {
      if (choices !== undefined) return (/^(?:\\.|[^,\\])*/.exec(choices)?.[0] ?? '').replace(/\\(.)/g, '$1');
      if (value !== undefined) return value.replace(/\\(.)/g, '$1');
      return escaped ?? '';
    },
  );
}
