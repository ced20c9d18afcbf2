/* global performance */
// The real preview page (dist/webview/*) outside VS Code: served from a stand-in webview
// origin with the extension's HTML and CSP, `acquireVsCodeApi` replaced by a recorder.
// `post` sends a host message and waits (bounded) for the page's next "rendered" report.

/**
 * @param {import('playwright-core').Page} page
 * @param {{origin: string, html: string, files: Record<string, Buffer>}} site
 */
export async function previewPage(page, { origin, html, files }) {
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
  return {
    /** Posts a host message; resolves with the page's next "rendered" report and the time it took. */
    async post(message, timeoutMs = 120_000) {
      const before = await page.evaluate(() => window.fromPage.length);
      const sentAt = await page.evaluate((toPage) => {
        const at = performance.now();
        window.postMessage(toPage, '*');
        return at;
      }, message);
      const handle = await page.waitForFunction(
        (count) => window.fromPage.slice(count).find((entry) => entry.type === 'rendered'),
        before,
        { timeout: timeoutMs, polling: 20 },
      );
      const report = await handle.jsonValue();
      return { ...report, elapsedMs: report.at - sentAt };
    },
    violations: () => page.evaluate(() => window.cspViolations),
  };
}
