// The timeline preview's costs, with same-run baselines (not a test: figures only).
//   node bench/preview.mjs        (after npm run build)
// 1. crmplan/timeline over stdio against dist/server.js, for a sample and a 1,000-task plan,
//    next to the in-process analysis of the same text (what every validation costs anyway).
// 2. The real preview page (dist/webview/preview.js + Mermaid 12) in Debian's headless Chromium:
//    time from posting the timeline to the page's "rendered" report, phases collapsed vs expanded.
import { performance } from 'node:perf_hooks';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { launchHeadlessChromium } from '../test/e2e/vscode/headless-chromium.mjs';
import { bundleForNode } from './bundle.mjs';
import { previewPage, previewSite } from '../test/e2e/preview-page/preview-page.mjs';

const root = path.resolve(import.meta.dirname, '..');
await bundleForNode(path.join(root, 'bench/preview-data.ts'), path.join(root, 'out/bench/preview-data.js'));
const { plans: data } = JSON.parse(spawnSync(process.execPath, ['out/bench/preview-data.js'], { cwd: root, maxBuffer: 512 * 1024 * 1024 }).stdout.toString());
const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

// ---- 1. the request over the real protocol ----
const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
connection.onNotification('textDocument/publishDiagnostics', () => undefined);
connection.onNotification('window/logMessage', () => undefined);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await connection.sendNotification('initialized', {});
console.log('crmplan/timeline over stdio (median of 15; "first" = the first request after an edit, which analyses the new text)');
for (const [index, plan] of data.entries()) {
  const uri = `file:///bench/plan-${index}.crmplan.yaml`;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'crmplan', version: 1, text: plan.text } });
  const cold = [];
  const warm = [];
  for (let run = 0; run < 15; run++) {
    // A new version (one space more) so the first request cannot use a cached analysis.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: run + 2 }, contentChanges: [{ text: `${plan.text}${' '.repeat(run)}` }] });
    let started = performance.now();
    await connection.sendRequest('crmplan/timeline', { uri });
    cold.push(performance.now() - started);
    started = performance.now();
    const result = await connection.sendRequest('crmplan/timeline', { uri });
    warm.push(performance.now() - started);
    // The tasks come as columns (server/src/render/timeline-wire.ts).
    if (result.timeline?.tasks.id.length !== plan.taskCount) throw new Error(`${plan.name}: unexpected answer`);
  }
  console.log(
    `  ${plan.name} (${plan.taskCount} tasks): first ${ms(median(cold))}, cached ${ms(median(warm))}; ` +
      `baseline in-process analysis ${ms(plan.analysisMs)}, buildTimeline alone ${ms(plan.buildTimelineMs)}`,
  );
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();

// ---- 2. the preview page in Chromium ----
const site = await previewSite();
const browser = await launchHeadlessChromium();
console.log('\npreview page render in headless Chromium (post timeline -> "rendered", median of 5)');
for (const plan of data) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const preview = await previewPage(page, site);
  const times = { collapsed: [], expanded: [] };
  for (let run = 0; run < 5; run++) {
    for (const [mode, collapsePhasesOver] of [['collapsed', 0], ['expanded', 100000]]) {
      // A new document each time, so the threshold decides the collapsed phases.
      const report = await preview.post({ type: 'timeline', documentUri: `file:///bench/${mode}-${run}`, fileName: 'plan', timeline: plan.timeline, options: { collapsePhasesOver, today: undefined } });
      const expectedBars = mode === 'collapsed' ? 0 : plan.taskCount;
      if (report.renderedTaskBars !== expectedBars || report.notice !== undefined) {
        throw new Error(`${plan.name} ${mode}: the page drew ${report.renderedTaskBars} task bars (expected ${expectedBars}); notice: ${report.notice}`);
      }
      times[mode].push(report.elapsedMs);
    }
  }
  const violations = await preview.violations();
  if (violations.length > 0) throw new Error(`CSP violations: ${violations.join('\n')}`);
  console.log(`  ${plan.name} (${plan.taskCount} tasks, ${plan.timeline.phases.length} phases): collapsed ${ms(median(times.collapsed))}, expanded ${ms(median(times.expanded))}`);
  await page.close();
}
await browser.close();
