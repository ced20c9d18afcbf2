// The real timeline preview page (dist/webview/preview.js, its stylesheet and Mermaid, with the
// extension's HTML and CSP: see preview-page.mjs) in Debian's headless Chromium, driven as the
// extension host drives it: it posts the server's `crmplan/timeline` answers (made in-process by
// the server's own code) and reads the page's DOM and the messages the page posts back
// (client/src/preview/messages.ts). Checks:
// - a small plan with a known overallocation: one bar per dated task, one load row per person
//   under the chart, the overallocated days (and no others) marked with a hatch, not colour only;
// - load rows on the chart's axis (Europe/Berlin, across a clock change): every load run and week
//   line within 1 px of the x Mermaid gives the same date, at 100% and zoomed in; overallocated
//   runs hatched and above the capacity line, leave striped, tooltips with hours, capacity and
//   tasks, the plan's strings as text only;
// - a generated 1,000-task plan starts with one summary bar per phase; a click expands exactly
//   that phase; "Expand all" draws every bar; both survive a new timeline for the same document;
// - a click on a task bar posts "reveal" with that task's key (whose span is the task's id);
//   a click on the findings summary posts "showProblems";
// - scroll position and zoom survive a re-render; an "unavailable" answer (the server's
//   `timeline: null`) keeps the chart under a notice, which the next good timeline removes;
// - switching the body class vscode-light -> vscode-dark re-renders in Mermaid's dark theme;
// - export: "svg" answers with an SVG that parses as XML and has the bars, "mermaid" with the
//   gantt text;
// - test/fixtures/hostile-names.crmplan.yaml: names drawn as text, no img/script/iframe/
//   foreignObject, no dialog, no payload ran (window.__pwned), no on* attribute;
// - no CSP violation and no uncaught error on any page.
// Prints `ok N - name` / `not ok N - name` per check; exits 1 on any failure.
//
// Run: npm run test:preview-page (builds first), or node test/e2e/preview-page/check.mjs after a
// build. CRMPLAN_PREVIEW_WEBVIEW_DIR=<folder> tests another copy of dist/webview (for example a
// deliberately broken one, to see the checks fail).
/* global DOMParser, getComputedStyle -- used inside page.evaluate callbacks, which run in the page */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleForNode } from '../../../bench/bundle.mjs';
import { ensureChromium, launchHeadlessChromium } from '../vscode/headless-chromium.mjs';
import { previewPage, previewSite, webviewOrigin } from './preview-page.mjs';
import { chartScenarios } from './chart-checks.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const overallocatedPlanFile = path.join(import.meta.dirname, 'overallocated.crmplan.yaml');
const hostilePlanFile = path.join(root, 'test', 'fixtures', 'hostile-names.crmplan.yaml');
/** The default of the `crmplan.preview.collapsePhasesOver` setting (package.json). */
const DEFAULT_COLLAPSE_OVER = 150;
/** The root text colour Mermaid 12's `default` and `dark` themes write into the SVG's own style. */
const THEME_TEXT_FILL = { default: 'rgb(51, 51, 51)', dark: 'rgb(204, 204, 204)' };

let checks = 0;
let failures = 0;
function check(name, passed, detail = '') {
  checks++;
  if (!passed) failures++;
  console.log(`${passed ? 'ok' : 'not ok'} ${checks} - ${name}${!passed && detail ? ` (${detail})` : ''}`);
}
const same = (actual, expected) => JSON.stringify(actual) === JSON.stringify(expected);
const shown = (value) => JSON.stringify(value);

async function loadPlanTimelines() {
  const bundle = path.join(root, 'out', 'preview-page', 'plan-timelines.cjs');
  await bundleForNode(path.join(import.meta.dirname, 'plan-timelines.mjs'), bundle);
  return createRequire(import.meta.url)(bundle);
}

/** The host's "timeline" message for the server's answer (as TimelinePreview posts it). */
function timelineMessage(documentUri, timeline) {
  return { type: 'timeline', documentUri, fileName: path.posix.basename(documentUri), timeline, options: { collapsePhasesOver: DEFAULT_COLLAPSE_OVER, today: undefined } };
}

/** Relative luminance (0 black .. 1 white) of a computed `rgb(r, g, b)` colour. */
function luminance(rgb) {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

const datedTaskKeys = (timeline) => timeline.tasks.filter((task) => task.start !== null).map((task) => task.key).sort();

/** In the page: the keys (t3, p1) of the bars drawn in the chart, sorted. */
function drawnBarKeys(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#app svg rect.task')]
      .map((bar) => /-([tp]\d+)$/.exec(bar.id)?.[1])
      .filter((key) => key !== undefined)
      .sort(),
  );
}

/**
 * A real mouse click on a bar, near its left end: Mermaid centres the label on the bar, and a
 * click there would land on the label (which the page treats the same way).
 */
const clickBar = (page, key) => page.click(`#app svg rect.task[id$="-${key}"]`, { position: { x: 3, y: 3 }, timeout: 10_000 });

/** In the page: posts a host message without waiting for anything. */
const postToPage = (page, message) => page.evaluate((toPage) => window.postMessage(toPage, '*'), message);

/** Opens a fresh preview page and records the dialogs it opens; `pageOptions` go to newPage (a timezoneId). */
async function openPage(browser, site, viewport, pageOptions = {}) {
  const page = await browser.newPage({ ...pageOptions, viewport });
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // What a payload could reach: a flag, and a function named as in the hostile plan.
  await page.addInitScript(() => {
    window.__pwned = false;
    window.evil = () => {
      window.__pwned = true;
    };
  });
  const preview = await previewPage(page, site);
  return { page, preview, dialogs };
}

async function checkNoViolations(name, { preview }) {
  const violations = await preview.violations();
  check(`${name}: no CSP violation`, violations.length === 0, violations.join('; '));
  const errors = preview.pageErrors();
  check(`${name}: no uncaught error in the page`, errors.length === 0, errors.join('; '));
}

// ---- a small plan: bars, load table, clicks, scroll and zoom, notice, theme, export ----

async function checkSmallPlan(browser, site, modules) {
  const name = 'small plan';
  const uri = 'file:///work/overallocated.crmplan.yaml';
  const text = readFileSync(overallocatedPlanFile, 'utf8');
  const { timeline } = modules.timelineResult(uri, text);
  // A small viewport, so that the chart scrolls both ways once zoomed in.
  const opened = await openPage(browser, site, { width: 700, height: 400 });
  const { page, preview } = opened;

  const report = await preview.post(timelineMessage(uri, timeline));
  const expectedBars = datedTaskKeys(timeline);
  const bars = await drawnBarKeys(page);
  check(`${name}: one task bar per dated task (${expectedBars.length})`, same(bars, expectedBars) && report.renderedTaskBars === expectedBars.length, `drawn ${shown(bars)}, reported ${report.renderedTaskBars}`);

  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('#app svg g.load-row')].map((row) => ({
      person: row.querySelector('.load-person')?.textContent,
      runs: [...row.querySelectorAll('g.load-run')].map((run) => ({
        from: run.dataset.from,
        to: run.dataset.to,
        over: run.classList.contains('load-over'),
        hatched: run.querySelector('rect.load-over-mark') !== null,
      })),
    })),
  );
  const people = timeline.people.map((person) => person.label);
  check(`${name}: one load row per person (${people.length}) under the chart`, same(rows.map((row) => row.person), people) && report.loadRows === people.length, shown(rows.map((row) => row.person)));
  // The schedule's one overallocation (see overallocated.crmplan.yaml): Dana Lee, Jan 11-15.
  const overallocated = rows.flatMap((row) => row.runs.filter((run) => run.over).map((run) => `${row.person} ${run.from}..${run.to}`));
  const hatched = rows.flatMap((row) => row.runs.filter((run) => run.hatched).map((run) => `${row.person} ${run.from}..${run.to}`));
  check(
    `${name}: the overallocated days (Dana Lee 2027-01-11..2027-01-15) and no others are marked, with a hatch besides the colour`,
    same(overallocated, ['Dana Lee 2027-01-11..2027-01-15']) && same(hatched, overallocated),
    `marked: ${shown(overallocated)}, hatched: ${shown(hatched)}`,
  );

  // Click to reveal: the message names the bar's task, whose span is where its id is written.
  const task = timeline.tasks.find((candidate) => candidate.id === 'data-audit');
  const idLine = text.split('\n').findIndex((line) => line.includes('id: data-audit'));
  const reveal = await preview.nextMessage('reveal', () => clickBar(page, task.key), 10_000).catch((error) => ({ error: error.message.split('\n')[0] }));
  check(
    `${name}: clicking the bar of data-audit posts reveal with its key (${task.key}), whose span is its id on line ${idLine + 1}`,
    reveal.key === task.key && text.slice(0, task.span.start).split('\n').length - 1 === idLine && text.slice(task.span.start, task.span.end) === 'data-audit',
    shown(reveal),
  );
  const problems = await preview.nextMessage('showProblems', () => page.click('button.findings'), 10_000).catch((error) => ({ error: error.message.split('\n')[0] }));
  const findingsText = await page.textContent('button.findings');
  check(`${name}: clicking the findings summary ("${findingsText}") posts showProblems`, problems.type === 'showProblems', shown(problems));

  // Scroll and zoom survive a re-render (an edit: the same document, a new timeline).
  await page.click('button[title="Zoom in"]');
  await page.click('button[title="Zoom in"]');
  const view = () =>
    page.evaluate(() => {
      const chart = document.querySelector('.chart');
      const svg = chart.querySelector('svg');
      return { pageY: window.scrollY, chartX: chart.scrollLeft, width: svg.getAttribute('width'), zoom: document.querySelector('button[title="Reset the zoom"]').textContent, svgId: svg.id };
    });
  await page.evaluate(() => {
    window.scrollTo(0, 120);
    document.querySelector('.chart').scrollLeft = 250;
  });
  const before = await view();
  const edited = modules.timelineResult(uri, text.replace('name: Data audit', 'name: Data audit (edited)')).timeline;
  await preview.post(timelineMessage(uri, edited));
  const after = await view();
  check(
    `${name}: scroll (page ${before.pageY}px, chart ${before.chartX}px) is kept across a re-render`,
    before.pageY > 0 && before.chartX > 0 && after.pageY === before.pageY && after.chartX === before.chartX && after.svgId !== before.svgId,
    `before ${shown(before)}, after ${shown(after)}`,
  );
  check(`${name}: zoom (${before.zoom}) is kept across a re-render`, before.zoom === '156%' && after.zoom === before.zoom && after.width === before.width, `before ${shown(before)}, after ${shown(after)}`);

  // The server's `timeline: null` answer (a plan without plan.start) reaches the page as "unavailable".
  const broken = modules.timelineResult(uri, text.replace('  start: 2027-01-04\n', ''));
  const barsBefore = await drawnBarKeys(page);
  const unavailable = await preview.post({ type: 'unavailable', documentUri: uri, fileName: 'overallocated.crmplan.yaml', reason: broken.reason, cause: 'plan-errors' });
  const notice = await page.evaluate(() => {
    const box = document.querySelector('.notice');
    return { hidden: box.hidden, text: box.textContent };
  });
  const barsDuring = await drawnBarKeys(page);
  check(
    `${name}: a timeline: null answer keeps the last chart's bars and shows the notice`,
    broken.timeline === null && same(barsDuring, barsBefore) && barsDuring.length === expectedBars.length && !notice.hidden &&
      notice.text.includes(broken.reason) && notice.text.includes('showing the last good timeline') && unavailable.notice === notice.text && unavailable.renderedTaskBars === expectedBars.length,
    `bars ${shown(barsDuring)}, notice ${shown(notice)}, reported ${shown(unavailable.notice)}`,
  );
  const recovered = await preview.post(timelineMessage(uri, timeline));
  const noticeAfter = await page.evaluate(() => document.querySelector('.notice').hidden);
  check(`${name}: the next good timeline removes the notice`, noticeAfter && recovered.notice === undefined, `hidden ${noticeAfter}, reported ${shown(recovered.notice)}`);

  // Theme: VS Code switches the body's class; the page draws again in Mermaid's matching theme.
  const textFill = () => page.evaluate(() => getComputedStyle(document.querySelector('#app svg')).fill);
  // The labels Mermaid draws beside (not on) a bar, on the chart's own background.
  const outsideLabelFills = () =>
    page.evaluate(() => [...new Set([...document.querySelectorAll('#app svg text.taskTextOutsideRight, #app svg text.taskTextOutsideLeft')].map((label) => getComputedStyle(label).fill))]);
  const themed = async (className) => {
    const rendered = await preview.nextMessage('rendered', () => page.evaluate((value) => (document.body.className = value), className), 30_000).catch(() => undefined);
    return { rendered: rendered !== undefined, fill: await textFill(), labels: await outsideLabelFills() };
  };
  const light = await themed('vscode-light');
  const dark = await themed('vscode-dark');
  check(
    `${name}: vscode-light -> vscode-dark re-renders with Mermaid's dark theme (text ${THEME_TEXT_FILL.default} -> ${THEME_TEXT_FILL.dark})`,
    light.rendered && dark.rendered && light.fill === THEME_TEXT_FILL.default && dark.fill === THEME_TEXT_FILL.dark,
    `light ${shown(light)}, dark ${shown(dark)}`,
  );
  check(
    `${name}: labels beside the bars are dark on the light theme and light on the dark theme (readable on the chart's background)`,
    light.labels.length > 0 && light.labels.every((fill) => luminance(fill) < 0.3) && dark.labels.length > 0 && dark.labels.every((fill) => luminance(fill) > 0.5),
    `light ${shown(light.labels)}, dark ${shown(dark.labels)}`,
  );

  // Export, as TimelinePreview.requestExport asks for it.
  const exported = async (format, requestId) =>
    preview.nextMessage('exported', () => postToPage(page, { type: 'export', requestId, format }), 10_000).catch((error) => ({ error: error.message.split('\n')[0] }));
  const svgExport = await exported('svg', 41);
  const parsed = typeof svgExport.content === 'string'
    ? await page.evaluate((content) => {
        const exportedSvg = new DOMParser().parseFromString(content, 'image/svg+xml');
        return {
          root: exportedSvg.documentElement.localName,
          errors: exportedSvg.getElementsByTagName('parsererror').length,
          bars: [...exportedSvg.querySelectorAll('rect.task')].map((bar) => /-([tp]\d+)$/.exec(bar.id)?.[1]).filter((key) => key !== undefined).sort(),
        };
      }, svgExport.content)
    : undefined;
  check(
    `${name}: export svg answers request 41 with an SVG that parses as XML and has the ${expectedBars.length} task bars`,
    svgExport.requestId === 41 && parsed?.root === 'svg' && parsed.errors === 0 && same(parsed.bars, expectedBars),
    shown(parsed ?? svgExport),
  );
  const mermaidExport = await exported('mermaid', 42);
  const sections = timeline.phases.map((phase) => `section ${phase.label}`);
  check(
    `${name}: export mermaid answers request 42 with the gantt text (a section per phase)`,
    mermaidExport.requestId === 42 && typeof mermaidExport.content === 'string' && mermaidExport.content.startsWith('gantt\n') &&
      same(mermaidExport.content.split('\n').filter((line) => line.startsWith('section ')), sections),
    shown(mermaidExport.content?.slice(0, 200) ?? mermaidExport),
  );

  await checkNoViolations(name, opened);
  await page.close();
}

// ---- a 1,000-task plan: collapsed phases ----

async function checkLargePlan(browser, site, modules) {
  const name = '1,000-task plan';
  const uri = 'file:///work/generated.crmplan.yaml';
  const text = modules.generatePlan(1000);
  const { timeline } = modules.timelineResult(uri, text);
  const opened = await openPage(browser, site, { width: 1400, height: 900 });
  const { page, preview } = opened;
  const datedPhases = timeline.phases.filter((phase) => phase.start !== null);
  const taskPhase = new Map(timeline.tasks.map((task) => [task.key, task.phaseKey]));
  const allTasks = datedTaskKeys(timeline);
  /** The bars expected when the phases in `expanded` are drawn task by task and the others as one bar. */
  const barsWith = (expanded) =>
    [...datedPhases.filter((phase) => !expanded.has(phase.key)).map((phase) => phase.key), ...allTasks.filter((key) => expanded.has(taskPhase.get(key)))].sort();

  const first = await preview.post(timelineMessage(uri, timeline));
  const collapsed = await drawnBarKeys(page);
  check(
    `${name}: with the default threshold (${DEFAULT_COLLAPSE_OVER}) it starts with one summary bar per phase (${datedPhases.length})`,
    same(collapsed, barsWith(new Set())) && first.renderedTaskBars === 0,
    `drawn ${collapsed.length} bars: ${collapsed.slice(0, 25).join(' ')}`,
  );

  const phase = datedPhases[3];
  const expandedOne = barsWith(new Set([phase.key]));
  await preview.nextMessage('rendered', () => clickBar(page, phase.key), 30_000).catch(() => undefined);
  const afterClick = await drawnBarKeys(page);
  check(
    `${name}: clicking the summary bar of ${phase.label} expands exactly that phase (${phase.taskKeys.length} task bars, the others stay collapsed)`,
    same(afterClick, expandedOne),
    `drawn ${afterClick.length} bars, expected ${expandedOne.length}`,
  );
  const editedText = text.replace('name: Generated plan with 1000 tasks', 'name: Generated plan with 1000 tasks (edited)');
  await preview.post(timelineMessage(uri, modules.timelineResult(uri, editedText).timeline));
  const afterEdit = await drawnBarKeys(page);
  check(`${name}: the expanded phase stays expanded after a new timeline for the same document`, same(afterEdit, expandedOne), `drawn ${afterEdit.length} bars, expected ${expandedOne.length}`);

  const all = await preview.nextMessage('rendered', () => page.click('button:text-is("Expand all")'), 60_000).catch(() => ({ renderedTaskBars: undefined }));
  const afterExpandAll = await drawnBarKeys(page);
  check(`${name}: "Expand all" draws every task bar (${allTasks.length})`, same(afterExpandAll, allTasks) && all.renderedTaskBars === allTasks.length, `drawn ${afterExpandAll.length}, reported ${all.renderedTaskBars}`);
  const again = await preview.post(timelineMessage(uri, timeline));
  const afterSecondEdit = await drawnBarKeys(page);
  check(`${name}: every phase stays expanded after a new timeline for the same document`, same(afterSecondEdit, allTasks) && again.renderedTaskBars === allTasks.length, `drawn ${afterSecondEdit.length}`);

  await checkNoViolations(name, opened);
  await page.close();
}

// ---- the hostile-names plan ----

/** What a label looks like once drawn: one line, single spaces (as escapeMermaidText makes it). */
const drawnLabel = (text) => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim() || '(no name)';

async function checkHostilePlan(browser, site, modules) {
  const name = 'hostile names';
  const uri = 'file:///work/hostile-names.crmplan.yaml';
  const { timeline } = modules.timelineResult(uri, readFileSync(hostilePlanFile, 'utf8'));
  const opened = await openPage(browser, site, { width: 1400, height: 900 });
  const { page, preview, dialogs } = opened;
  const report = await preview.post(timelineMessage(uri, timeline));
  // Give anything injected (an <img onerror>) the chance to run before the page is inspected.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const seen = await page.evaluate((pageScripts) => {
    const svg = document.querySelector('#app svg');
    const everything = [...document.querySelectorAll('*')];
    return {
      svgTexts: svg ? [...svg.querySelectorAll('text')].map((node) => node.textContent.trim()) : [],
      title: document.querySelector('.plan-title').textContent,
      people: [...document.querySelectorAll('#app svg g.load-row .load-person')].map((label) => label.textContent),
      dangerous: everything
        .filter((node) => ['img', 'script', 'iframe', 'foreignobject', 'object', 'embed'].includes(node.localName.toLowerCase()))
        .filter((node) => !(node.localName === 'script' && pageScripts.includes(node.src)))
        .map((node) => node.localName),
      eventAttributes: everything.flatMap((node) => [...node.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${node.localName}[${attribute.name}]`)),
      pwned: window.__pwned,
    };
  }, [`${webviewOrigin}/mermaid.min.js`, `${webviewOrigin}/preview.js`]);
  const expectedBars = datedTaskKeys(timeline);
  check(`${name}: the plan renders (${expectedBars.length} task bars)`, report.renderedTaskBars === expectedBars.length && report.notice === undefined, shown(report));
  const missing = timeline.tasks.filter((task) => {
    // Long labels are cut with an ellipsis; their beginning must be there.
    const label = drawnLabel(task.label).slice(0, 100);
    return !seen.svgTexts.some((text) => text.includes(label));
  });
  check(`${name}: all ${timeline.tasks.length} task labels appear as text in the chart`, missing.length === 0, `missing: ${missing.map((task) => shown(task.label)).join(', ')}`);
  check(`${name}: the plan's name and the people's names appear as text`, seen.title === timeline.title && same(seen.people, timeline.people.map((person) => person.label)), shown({ title: seen.title, people: seen.people }));
  check(`${name}: no img/script/iframe/foreignObject/object/embed element in the document (besides the page's two scripts)`, seen.dangerous.length === 0, seen.dangerous.join(', '));
  check(`${name}: no on* event attribute in the document`, seen.eventAttributes.length === 0, seen.eventAttributes.join(', '));
  check(`${name}: no dialog (alert/confirm/prompt) opened`, dialogs.length === 0, dialogs.join('; '));
  check(`${name}: no payload ran (window.__pwned is still false)`, seen.pwned === false, shown(seen.pwned));
  await checkNoViolations(name, opened);
  await page.close();
}

// ---- a narrow column: the toolbar stays one row ----

async function checkNarrowColumn(browser, site, modules) {
  const name = 'narrow column (320 px)';
  const uri = 'file:///work/overallocated.crmplan.yaml';
  const { timeline } = modules.timelineResult(uri, readFileSync(overallocatedPlanFile, 'utf8'));
  const opened = await openPage(browser, site, { width: 320, height: 600 });
  const { page, preview } = opened;
  await preview.post(timelineMessage(uri, timeline));
  const layout = await page.evaluate(() => {
    const toolbar = document.querySelector('.toolbar');
    const buttons = [...toolbar.querySelectorAll('button')].map((button) => {
      const box = button.getBoundingClientRect();
      return { text: button.textContent, title: button.title, top: Math.round(box.top), bottom: Math.round(box.bottom), right: box.right };
    });
    return { buttons, toolbarRight: toolbar.getBoundingClientRect().right, width: document.documentElement.clientWidth };
  });
  const tops = new Set(layout.buttons.map((button) => button.top));
  check(`${name}: the toolbar's ${layout.buttons.length} buttons are on one row`, layout.buttons.length === 5 && tops.size === 1, shown(layout.buttons.map(({ text, top, bottom }) => ({ text, top, bottom }))));
  check(`${name}: the toolbar fits the column (right edge ${Math.round(layout.toolbarRight)} <= ${layout.width})`, layout.toolbarRight <= layout.width + 0.5, shown(layout));
  check(`${name}: every button keeps its text (accessible name) and a tooltip`, layout.buttons.every((button) => button.text !== '' && button.title !== ''), shown(layout.buttons));
  await checkNoViolations(name, opened);
  await page.close();
}

// ---- a plan with a baseline: ghost bars under the bars, at the chart's own dates ----

// Mon 2027-01-04: kickoff Jan 4; build Jan 5-8; review Mon-Tue Jan 11-12. Baseline: kickoff on
// its dates; build one day earlier (Jan 4-7); review Jan 11 only.
const BASELINE_PLAN = `crmplan: 1
plan: {name: Baseline ghosts, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: build, name: Build, duration: 4d, depends_on: [kickoff]}
      - {id: review, name: Review, duration: 2d, depends_on: [build]}
baseline:
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    build: {start: 2027-01-04, finish: 2027-01-07}
    review: {start: 2027-01-11, finish: 2027-01-11}
`;

async function checkBaselineGhosts(browser, site, modules) {
  const name = 'baseline ghosts';
  const uri = 'file:///work/baseline.crmplan.yaml';
  const { timeline } = modules.timelineResult(uri, BASELINE_PLAN);
  const opened = await openPage(browser, site, { width: 1000, height: 600 });
  const { page, preview } = opened;
  await preview.post(timelineMessage(uri, timeline));
  const drawn = await page.evaluate(() => {
    const box = (element) => ({ x: Number(element.getAttribute('x')), width: Number(element.getAttribute('width')), y: Number(element.getAttribute('y')), height: Number(element.getAttribute('height')) });
    const bars = Object.fromEntries([...document.querySelectorAll('#app svg rect.task')].map((bar) => [/-(t\d+)$/.exec(bar.id)?.[1], box(bar)]));
    const ghosts = Object.fromEntries([...document.querySelectorAll('#app svg rect.baseline-ghost')].map((ghost) => [ghost.dataset.key, { ...box(ghost), under: ghost.nextElementSibling?.classList.contains('task') === true }]));
    return { bars, ghosts };
  });
  const { bars, ghosts } = drawn;
  // Within a pixel: the chart's scale rounds x to whole units, as Mermaid's own does.
  const close = (a, b) => Math.abs(a - b) <= 1;
  check(`${name}: one ghost per baselined task, each right before (under) its bar`, same(Object.keys(ghosts).sort(), ['t0', 't1', 't2']) && Object.values(ghosts).every((ghost) => ghost.under), shown(ghosts));
  const day = bars.t0?.width ?? 0;
  // kickoff on baseline: the ghost covers the bar. build a day earlier: starts where kickoff starts,
  // ends a day before the bar ends. review: starts with its bar, one day long.
  check(
    `${name}: the ghosts are at the chart's x for the baselined dates`,
    day > 0 &&
      close(ghosts.t0?.x, bars.t0.x) && close(ghosts.t0?.width, day) &&
      close(ghosts.t1?.x, bars.t0.x) && close(ghosts.t1.x + ghosts.t1.width, bars.t1.x + bars.t1.width - day) &&
      close(ghosts.t2?.x, bars.t2.x) && close(ghosts.t2?.width, day),
    shown(drawn),
  );
  check(`${name}: each ghost is in its task's row`, ['t0', 't1', 't2'].every((key) => ghosts[key] && ghosts[key].y >= bars[key].y && ghosts[key].y < bars[key].y + bars[key].height), shown(drawn));
  await checkNoViolations(name, opened);
  await page.close();
}

// ---- load rows on the chart's own axis ----

// Mon 2027-03-15 .. Fri 2027-04-09, across the clock change of Sun 2027-03-28 in Berlin (a
// 23-hour day: a page that placed dates in UTC would be an hour, over a pixel, off after it).
// Dana (8 h a day): week 1 full time; week 2 full time plus a review at 50% (12 h: overallocated);
// week 3 full time, on leave Wed-Thu Mar 31 - Apr 1 (work on leave: overallocated). Sam (50%, 4 h
// a day): week 2 at 50% (4 h of 4 h), the site visit Mar 31 - Apr 1 at 50%, week 4 full time (8 h
// of 4 h: overallocated). Every run starts and ends where some bar does, so Mermaid's own bars say
// where each run must be. The names and the leave note are hostile: they must stay text.
const LOAD_PLAN = `crmplan: 1
plan: {name: Load on the axis, start: 2027-03-15}
people:
  - id: dana
    name: 'Dana <img src=x onerror="window.__pwned=true">'
    leave: [{from: 2027-03-31, to: 2027-04-01, note: '<script>evil()</script> dentist'}]
  - {id: sam, name: Sam Ortiz, capacity: 50%}
phases:
  - id: p
    name: Work
    tasks:
      - {id: w1, name: Week 1, duration: 1w, assign: [{person: dana}]}
      - {id: w2, name: Week 2, duration: 1w, depends_on: [w1], assign: [{person: dana}, {person: sam, load: 50%}]}
      - {id: review, name: Week 2 review, duration: 1w, depends_on: [w1], assign: [{person: dana, load: 50%}]}
      - {id: w3, name: Week 3, duration: 1w, depends_on: [w2, review], assign: [{person: dana}]}
      - {id: visit, name: Site visit, duration: 2d, depends_on: [{task: w2, lag: 2d}], assign: [{person: sam, load: 50%}]}
      - {id: w4, name: Week 4, duration: 1w, depends_on: [w3], assign: [{person: sam}]}
`;

async function checkLoadOnAxis(browser, site, modules) {
  const name = 'load rows on the axis';
  const uri = 'file:///work/load.crmplan.yaml';
  const { timeline } = modules.timelineResult(uri, LOAD_PLAN);
  // Wide, so the clock change matters: over these 26 days (623 hours) on ~2,550 px, placing the
  // dates in UTC would put Mon Mar 29 about 1.9 px off (12 of 16,198 parts of the width).
  const opened = await openPage(browser, site, { width: 2900, height: 800 }, { timezoneId: 'Europe/Berlin' });
  const { page, preview, dialogs } = opened;
  const report = await preview.post(timelineMessage(uri, timeline));
  const dated = timeline.tasks.filter((task) => task.start !== null && !task.milestone).map(({ key, start, finish }) => ({ key, start, finish }));

  /** In the page: where Mermaid's bars and the load rows are on screen (client px, so at the page's zoom). */
  const measure = () =>
    page.evaluate((tasks) => {
      const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      // Mermaid's x for a date: a bar starting on it, or ending the day before it.
      const xOfDate = {};
      for (const task of tasks) {
        const box = document.querySelector(`#app svg rect.task[id$="-${task.key}"]`)?.getBoundingClientRect();
        if (!box) continue;
        (xOfDate[task.start] ??= []).push(box.left);
        (xOfDate[nextDay(task.finish)] ??= []).push(box.right);
      }
      const capacityLines = new Map([...document.querySelectorAll('#app svg g.load-row')].map((row) => [row, row.querySelector('line.load-capacity').getBoundingClientRect().top]));
      const rows = [...document.querySelectorAll('#app svg g.load-row')].map((row) => ({
        person: row.querySelector('.load-person').textContent,
        label: row.getAttribute('aria-label'),
        runs: [...row.querySelectorAll('g.load-run')].map((run) => {
          const shape = run.querySelector('rect.load-bar') ?? run.querySelector('rect.load-off-box');
          const box = shape.getBoundingClientRect();
          const bar = run.querySelector('rect.load-bar');
          const mark = run.querySelector('rect.load-over-mark');
          const patternId = /^url\(#(.+)\)$/.exec(mark?.getAttribute('fill') ?? '')?.[1];
          return {
            from: run.dataset.from,
            to: run.dataset.to,
            left: box.left,
            right: box.right,
            over: run.classList.contains('load-over'),
            off: run.querySelector('rect.load-off-box') !== null,
            hatch: patternId !== undefined && document.getElementById(patternId)?.localName === 'pattern',
            barFill: bar ? getComputedStyle(bar).fill : null,
            aboveLine: bar ? bar.getBoundingClientRect().top < capacityLines.get(row) - 0.5 : false,
            title: run.querySelector(':scope > title')?.textContent ?? '',
          };
        }),
      }));
      const weeks = [...document.querySelectorAll('#app svg line.load-grid-line')].map((line) => ({ week: line.dataset.date, x: line.getBoundingClientRect().left }));
      const heading = document.querySelector('#app svg .load-heading')?.textContent ?? '';
      return { xOfDate, rows, weeks, heading };
    }, dated);
  /** Every run edge and week line against Mermaid's x for the same date; the largest gap in px. */
  const alignment = ({ xOfDate, rows, weeks }) => {
    const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const gaps = [];
    const missing = [];
    const compare = (date, x, what) => {
      const known = xOfDate[date];
      if (!known) return missing.push(`${what} ${date}`);
      gaps.push({ what: `${what} ${date}`, gap: Math.max(...known.map((barX) => Math.abs(barX - x))) });
    };
    for (const row of rows) {
      for (const run of row.runs) {
        compare(run.from, run.left, `${row.person.slice(0, 4)} run start`);
        compare(nextDay(run.to), run.right, `${row.person.slice(0, 4)} run end`);
      }
    }
    for (const week of weeks) compare(week.week, week.x, 'week line');
    const worst = gaps.reduce((max, entry) => (entry.gap > max.gap ? entry : max), { what: 'none', gap: 0 });
    return { count: gaps.length, worst, missing };
  };

  const at100 = await measure();
  const people = timeline.people.map((person) => person.label);
  check(`${name}: one row per person, named as text (${people.length})`, report.loadRows === 2 && same(at100.rows.map((row) => row.person), people), shown(at100.rows.map((row) => row.person)));
  const aligned = alignment(at100);
  check(
    `${name}: every run edge and Monday line (${aligned.count}) is within 1 px of Mermaid's x for its date, across the clock change (worst ${aligned.worst.gap.toFixed(2)} px: ${aligned.worst.what})`,
    aligned.count >= 20 && aligned.worst.gap <= 1 && aligned.missing.length === 0 && at100.weeks.length === 4,
    shown({ ...aligned, weeks: at100.weeks.length }),
  );
  const runsOf = (measured, index) => measured.rows[index]?.runs ?? [];
  const danaRuns = runsOf(at100, 0).map(({ from, to, over, off }) => [from, to, over, off]);
  const samRuns = runsOf(at100, 1).map(({ from, to, over, off }) => [from, to, over, off]);
  check(
    `${name}: the runs are the schedule's, day by day (Dana over in week 2 and on leave; Sam over in week 4)`,
    same(danaRuns, [
      ['2027-03-15', '2027-03-19', false, false],
      ['2027-03-22', '2027-03-26', true, false],
      ['2027-03-29', '2027-03-30', false, false],
      ['2027-03-31', '2027-04-01', true, true],
      ['2027-04-02', '2027-04-02', false, false],
    ]) &&
      same(samRuns, [
        ['2027-03-22', '2027-03-26', false, false],
        ['2027-03-31', '2027-04-01', false, false],
        ['2027-04-05', '2027-04-09', true, false],
      ]),
    shown({ danaRuns, samRuns }),
  );
  const allRuns = at100.rows.flatMap((row) => row.runs);
  const overRuns = allRuns.filter((run) => run.over);
  const plainFills = new Set(allRuns.filter((run) => !run.over && run.barFill).map((run) => run.barFill));
  check(
    `${name}: overallocated runs (${overRuns.length}) are hatched, rise above the capacity line and have another colour; no other run is hatched or above it`,
    overRuns.length === 3 && overRuns.every((run) => run.hatch && run.aboveLine && !plainFills.has(run.barFill)) && allRuns.filter((run) => !run.over).every((run) => !run.hatch && !run.aboveLine),
    shown(allRuns.map(({ from, over, hatch, aboveLine, barFill }) => ({ from, over, hatch, aboveLine, barFill }))),
  );
  const leave = runsOf(at100, 0)[3];
  check(
    `${name}: the leave is striped and its tooltip says so, with the note as text`,
    leave?.off === true && leave.title.includes('On leave 2027-03-31 – 2027-04-01: <script>evil()</script> dentist') && leave.title.includes('0 h available'),
    shown(leave),
  );
  const review = runsOf(at100, 0)[1];
  check(
    `${name}: a run's tooltip has the dates, hours, capacity and tasks ("${review?.title.replace(/\n/g, ' / ')}")`,
    review?.title.includes('Mon 2027-03-22 – Fri 2027-03-26') && review.title.includes('12 h a day assigned of 8 h available (150%)') &&
      review.title.includes('Overallocated') && review.title.includes('Tasks: Week 2, Week 2 review'),
    shown(review),
  );
  check(
    `${name}: the unit is stated once, in the heading, and the rows say what they hold to a screen reader`,
    /hours assigned ÷ the person’s capacity/.test(at100.heading) && at100.rows[1]?.label === 'Sam Ortiz: load on 12 working days, overallocated on 5 days',
    shown({ heading: at100.heading, label: at100.rows[1]?.label }),
  );

  await page.click('button[title="Zoom in"]');
  await page.click('button[title="Zoom in"]');
  const zoomed = await measure();
  const alignedZoomed = alignment(zoomed);
  const widthRatio = (zoomed.rows[0].runs[0].right - zoomed.rows[0].runs[0].left) / (at100.rows[0].runs[0].right - at100.rows[0].runs[0].left);
  check(
    `${name}: zoomed in (x${widthRatio.toFixed(2)}) the rows stay within 1 px of the bars (worst ${alignedZoomed.worst.gap.toFixed(2)} px)`,
    widthRatio > 1.4 && alignedZoomed.count === aligned.count && alignedZoomed.worst.gap <= 1,
    shown(alignedZoomed),
  );
  const pwned = await page.evaluate(() => window.__pwned);
  check(`${name}: nothing from the plan ran (no dialog, window.__pwned still false)`, dialogs.length === 0 && pwned === false, shown({ dialogs, pwned }));
  await checkNoViolations(name, opened);
  await page.close();
}

// ---- VS Code's Markdown preview: the crmplan-gantt block drawn by the preview script ----

async function checkMarkdownPreview(browser, site, modules) {
  const name = 'Markdown preview (crmplan-gantt block)';
  for (const [label, file] of [['small plan', overallocatedPlanFile], ['hostile names', hostilePlanFile]]) {
    const uri = `file:///work/${path.basename(file)}`;
    const text = readFileSync(file, 'utf8');
    const { timeline } = modules.timelineResult(uri, text);
    const body = modules.markdownPreviewHtml(uri, text);
    // As VS Code's Markdown preview loads it: the extension's scripts from its origin, no inline script.
    const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${site.origin} data:; style-src 'unsafe-inline'; font-src data:; script-src ${site.origin}"></head>` +
      `<body class="vscode-light">${body}<script src="${site.origin}/mermaid.min.js"></script><script src="${site.origin}/markdown-preview.js"></script></body></html>`;
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(() => {
      window.__pwned = false;
      window.evil = () => {
        window.__pwned = true;
      };
    });
    const webviewDir = process.env.CRMPLAN_PREVIEW_WEBVIEW_DIR ?? path.join(root, 'dist', 'webview');
    const files = { ...site.files, 'markdown-preview.js': readFileSync(path.join(webviewDir, 'markdown-preview.js')) };
    await page.route(`${site.origin}/**`, (route) => {
      const requested = new URL(route.request().url()).pathname.slice(1);
      if (requested === 'markdown.html') return route.fulfill({ body: html, contentType: 'text/html' });
      return files[requested] === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ body: files[requested], contentType: 'text/javascript' });
    });
    await page.goto(`${site.origin}/markdown.html`);
    await page.waitForSelector('.crmplan-gantt.crmplan-gantt-drawn svg', { timeout: 60_000 });
    // Give anything injected the chance to run before the page is inspected.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const seen = await page.evaluate((origin) => {
      const everything = [...document.querySelectorAll('*')];
      return {
        bars: [...document.querySelectorAll('.crmplan-gantt svg rect.task')].length,
        source: document.querySelectorAll('pre.crmplan-gantt-source').length,
        dangerous: everything
          .filter((node) => ['img', 'script', 'iframe', 'foreignobject', 'object', 'embed'].includes(node.localName.toLowerCase()))
          .filter((node) => !(node.localName === 'script' && node.src.startsWith(origin)))
          .map((node) => node.localName),
        eventAttributes: everything.flatMap((node) => [...node.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${node.localName}[${attribute.name}]`)),
        pwned: window.__pwned,
      };
    }, site.origin);
    const expected = datedTaskKeys(timeline).length;
    check(`${name}, ${label}: the block is drawn as a chart with one bar per dated task (${expected}), its text replaced`, seen.bars === expected && seen.source === 0, shown(seen));
    check(`${name}, ${label}: no element, event attribute or dialog from the plan, no payload ran`, seen.dangerous.length === 0 && seen.eventAttributes.length === 0 && dialogs.length === 0 && seen.pwned === false, shown({ ...seen, dialogs }));
    check(`${name}, ${label}: no uncaught error`, errors.length === 0, errors.join('; '));
    await page.close();
  }
}

async function main() {
  if (!ensureChromium()) process.exit(1);
  const modules = await loadPlanTimelines();
  const site = await previewSite();
  const browser = await launchHeadlessChromium();
  try {
    for (const [name, scenario] of [['small plan', checkSmallPlan], ['1,000-task plan', checkLargePlan], ['hostile names', checkHostilePlan], ['narrow column (320 px)', checkNarrowColumn], ['baseline ghosts', checkBaselineGhosts], ['load rows on the axis', checkLoadOnAxis], ['Markdown preview (crmplan-gantt block)', checkMarkdownPreview], ...chartScenarios({ check, openPage, timelineMessage, checkNoViolations, same, shown })]) {
      // A step that throws (a button that is gone, a page that never answers) fails its scenario, not the run.
      await scenario(browser, site, modules).catch((error) => check(`${name}: the scenario ran to its end`, false, String(error?.message ?? error).split('\n')[0]));
    }
  } finally {
    await browser.close();
  }
  console.log(`1..${checks}`);
  console.log(failures === 0 ? '# all checks passed' : `# ${failures} of ${checks} checks failed`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
