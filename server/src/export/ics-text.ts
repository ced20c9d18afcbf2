/**
 * RFC 5545's text rules, for the ICS export: TEXT escaping (3.3.11), line
 * folding at 75 octets (3.1) and CRLF line ends.
 */

/**
 * A TEXT value: `\`, `;` and `,` escaped with `\`, every line break (CRLF,
 * CR or LF) written `\n`. Other control characters cannot appear in TEXT
 * at all and become U+FFFD, so no plan text can end a line or start a
 * property of its own.
 */
export function icsText(text: string): string {
  return text
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '\uFFFD');
}

const MAX_LINE_OCTETS = 75;

/**
 * One content line folded so that no line is longer than 75 octets of
 * UTF-8: the rest continues on lines that start with a space. A character
 * is never split (folding counts whole code points, so a multi-byte
 * character or a surrogate pair stays on one line).
 */
export function foldLine(line: string): string {
  if (utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    // Continuation lines begin with the space that folding inserts.
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/** A whole calendar: folded lines, each ended by CRLF. */
export function icsLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

function utf8Length(text: string): number {
  let octets = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    octets += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return octets;
}
