/* global performance */
// The real timeline preview page (dist/webview/*) outside VS Code, for the page test
// (check.mjs) and the benchmark (bench/preview.mjs): the built files are served from a
// stand-in webview origin with the extension's own HTML and CSP (client/src/preview/
// preview-html.ts, bundled here), and `acquireVsCodeApi` is replaced by a recorder of the
// messages the page posts to the host. CSP violations and uncaught page errors are recorded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleForNode } from '../../../bench/bundle.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Stands in for `webview.cspSource`: the origin VS Code serves the extension's files from. */
export const webviewOrigin = 'http://webview.test';

/**
 * The page exactly as the extension writes it, and the files it loads.
 * `webviewDir` defaults to the build's dist/webview; CRMPLAN_PREVIEW_WEBVIEW_DIR points it
 * elsewhere (a deliberately broken copy, to see the page test fail).
 * @returns {Promise<{origin: string, html: string, files: Record<string, Buffer>}>}
 */
export async function previewSite(webviewDir = process.env.CRMPLAN_PREVIEW_WEBVIEW_DIR ?? path.join(root, 'dist', 'webview')) {
  const bundle = path.join(root, 'out', 'preview-page', 'preview-html.cjs');
  await bundleForNode(path.join(root, 'client', 'src', 'preview', 'preview-html.ts'), bundle);
  const { previewHtml } = createRequire(import.meta.url)(bundle);
  const html = previewHtml({
    cspSource: webviewOrigin,
    nonce: 'stand-in-nonce',
    mermaidScriptUri: `${webviewOrigin}/mermaid.min.js`,
    previewScriptUri: `${webviewOrigin}/preview.js`,
    styleUri: `${webviewOrigin}/preview.css`,
  });
  const files = Object.fromEntries(['mermaid.min.js', 'preview.js', 'preview.css'].map((name) => [name, readFileSync(path.join(webviewDir, name))]));
  return { origin: webviewOrigin, html, files };
}

/**
 * Opens the page and waits for its "ready" message.
 * @param {import('playwright-core').Page} page
 * @param {{origin: string, html: string, files: Record<string, Buffer>}} site
 */
export async function previewPage(page, { origin, html, files }) {
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(() => {
    window.fromPage = [];
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    let state;
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => window.fromPage.push({ ...message, at: performance.now() }),
      getState: () => state,
      setState: (next) => (state = next),
    });
  });
  await page.route(`${origin}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === 'index.html') return route.fulfill({ body: html, contentType: 'text/html' });
    const body = files[name];
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ body, contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript' });
  });
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.fromPage.some((message) => message.type === 'ready'), null, { timeout: 30_000 });

  /**
   * Runs `action` and resolves with the first message of `type` the page posts after it
   * (with `at`, the page's clock when it was posted); rejects after `timeoutMs`.
   * @param {string} type @param {() => Promise<unknown>} action
   */
  async function nextMessage(type, action, timeoutMs = 120_000) {
    const before = await page.evaluate(() => window.fromPage.length);
    await action();
    const handle = await page.waitForFunction(
      ({ count, wanted }) => window.fromPage.slice(count).find((entry) => entry.type === wanted),
      { count: before, wanted: type },
      { timeout: timeoutMs, polling: 20 },
    );
    return handle.jsonValue();
  }

  return {
    nextMessage,
    /** Posts a host message; resolves with the page's next "rendered" report and the time it took. */
    async post(message, timeoutMs = 120_000) {
      let sentAt = 0;
      const report = await nextMessage(
        'rendered',
        async () => {
          sentAt = await page.evaluate((toPage) => {
            const at = performance.now();
            window.postMessage(toPage, '*');
            return at;
          }, message);
        },
        timeoutMs,
      );
      return { ...report, elapsedMs: report.at - sentAt };
    },
    /** Every message the page has posted to the host so far. */
    messages: () => page.evaluate(() => window.fromPage),
    violations: () => page.evaluate(() => window.cspViolations),
    pageErrors: () => [...pageErrors],
  };
}
