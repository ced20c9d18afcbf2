/**
 * The preview page's HTML and Content Security Policy. Pure (no `vscode`
 * import) so that the policy is unit-tested; TimelinePreview fills in the
 * webview's URIs.
 */
import { randomBytes } from 'node:crypto';

export interface PreviewPageResources {
  /** `webview.cspSource`: the origin the webview serves the extension's files from. */
  readonly cspSource: string;
  readonly nonce: string;
  /** `asWebviewUri` of dist/webview/mermaid.min.js, preview.js and preview.css. */
  readonly mermaidScriptUri: string;
  readonly previewScriptUri: string;
  readonly styleUri: string;
}

/**
 * The policy, directive by directive:
 * - `default-src 'none'`: nothing loads unless allowed below; no network,
 *   no frames, no `fetch`/`XMLHttpRequest` (connect-src falls back to it).
 * - `script-src 'nonce-…'`: only the two `<script>` tags of this page run
 *   (Mermaid, then the preview). No inline handler (`onerror=`), no
 *   `eval`, no script injected by plan text. Mermaid 12 needs no more.
 * - `style-src <cspSource> 'unsafe-inline'`: the page's own stylesheet, and
 *   the styles Mermaid 12 writes itself. Checked in headless Chromium:
 *   Mermaid inserts a `<style>` into the SVG while it measures text (inside
 *   `mermaid.render`, before any code of ours could give it a nonce) and
 *   sets `style` attributes on the bars and the SVG; a nonce-only
 *   style-src blocks both (style-src-elem and style-src-attr violations)
 *   and the chart loses its colours. A nonce cannot be combined with
 *   `'unsafe-inline'` (browsers then ignore the latter), so styles carry
 *   no nonce. Styles cannot run script, and CSS cannot fetch anything
 *   (`url()` is bound by img-src and font-src), so this is the least
 *   Mermaid needs.
 * - `img-src <cspSource> data:` and `font-src <cspSource>`: images and
 *   fonts only from the extension's files (and `data:` images, which
 *   Mermaid's themes may use); nothing remote.
 */
export function previewContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** A fresh nonce for each page: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The page: an empty body that preview.js fills with DOM APIs, after Mermaid has loaded. */
export function previewHtml(resources: PreviewPageResources): string {
  const { cspSource, nonce } = resources;
  const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(previewContentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(resources.styleUri)}">
<title>Timeline preview</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${attribute(nonce)}" src="${attribute(resources.mermaidScriptUri)}"></script>
<script nonce="${attribute(nonce)}" src="${attribute(resources.previewScriptUri)}"></script>
</body>
</html>
`;
}

/** The host's local date as YYYY-MM-DD (not UTC: "today" is the user's day). */
export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
