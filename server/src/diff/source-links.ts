/**
 * Links from the diff's findings to the lines they are on, as GitHub (and
 * most forges) address them: `LINK_BASE/PATH#L<line>`, where LINK_BASE is
 * where a revision's files are (`https://github.com/OWNER/REPO/blob/SHA`).
 * The link base comes from the command line or the Action; the path from
 * the plan's file name, which anyone opening a pull request chooses, so both
 * are percent-encoded until nothing in them can end a markdown link early.
 */

/**
 * A link base as the diff uses it: an absolute http(s) address without
 * credentials, query or fragment, with no trailing slash; undefined for
 * anything else (a caller reports it).
 */
export function parseLinkBase(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // A token in a link would be published with the comment.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
  return linkSafe(url.href).replace(/\/+$/, '');
}

/** `LINK_BASE/PATH#L<line>`, each segment of PATH percent-encoded. */
export function lineLink(linkBase: string, filePath: string, line: number): string {
  const segments = filePath.split('/').filter((segment) => segment !== '' && segment !== '.');
  return `${linkBase}/${segments.map((segment) => linkSafe(encodeURIComponent(segment))).join('/')}#L${line}`;
}

/**
 * An address (already percent-encoded by URL or encodeURIComponent) with
 * every character a markdown link destination could act on also encoded:
 * parentheses (which end it), quotes, backslashes, and anything outside
 * the characters URLs are written with.
 */
function linkSafe(address: string): string {
  return address.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (character) =>
    [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
