/**
 * Plan text inside XML and SVG: character data and attribute values. Control
 * characters that XML 1.0 forbids (NUL, most C0 codes, lone surrogates) are
 * dropped, so a hostile name can never make the document ill-formed.
 */

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A carriage return is written as a reference: XML parsers turn a literal one into a line feed.
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text for element content or a quoted attribute value. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '').replace(/[&<>"'\r]/g, (character) => ENTITY[character]!);
}
