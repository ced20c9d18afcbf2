// Renders crmplan's Mermaid Gantt text with the real Mermaid (node_modules/mermaid/dist/mermaid.min.js)
// in headless Chromium (Debian's chromium via playwright-core, never a downloaded browser), with
// the settings the timeline preview uses (securityLevel: 'strict'), and checks what was drawn:
// - every sample, a generated 1,000-task plan (expanded and with phases collapsed) and the
//   hostile-names plan render without an error;
// - one bar per dated task (or per collapsed phase), with the task's key as its SVG id, one section
//   per phase with dated tasks, and bar widths that match the inclusive start..finish dates;
// - the hostile-names plan runs no script: no dialog opens, window.__pwned stays false, the SVG has
//   no <img>/<script>/<foreignObject> and no on* attribute, and its labels are drawn as text.
// Prints one `ok` / `not ok` line per check and render times (not asserted); exits 1 on a failure.
//
// Run: npm run test:mermaid (builds first) or node test/e2e/mermaid/render-check.mjs.
/* global mermaid, performance -- in the page: the Mermaid IIFE's global, and the browser's clock */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../../bench/bundle.mjs';
import { chromiumPath, ensureChromium, launchHeadlessChromium } from '../vscode/headless-chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const mermaidScript = path.join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const hostilePlanFile = path.join(root, 'test', 'fixtures', 'hostile-names.crmplan.yaml');
/** The preview's default for `crmplan.preview.collapsePhasesOver`. */
const COLLAPSE_OVER = 150;

let failures = 0;
function check(name, passed, detail = '') {
  if (!passed) failures++;
  console.log(`${passed ? 'ok' : 'not ok'} - ${name}${!passed && detail ? ` (${detail})` : ''}`);
}

/** The product's own modules (and the benchmark's plan generator), bundled as the product is. */
async function loadModules() {
  const outfile = path.join(root, 'out', 'mermaid-check', 'modules.cjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  await bundleForNode(path.join(here, 'render-modules.mjs'), outfile);
  return createRequire(import.meta.url)(outfile);
}

function planFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return planFiles(file);
    return entry.name.endsWith('.crmplan.yaml') ? [file] : [];
  });
}

/** What a label looks like once drawn: one line, single spaces (as escapeMermaidText makes it). */
function shownText(text) {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim() || '(no name)';
}

/** Renders in the page and returns what the checks need, measured in the page. */
async function renderInPage(page, text) {
  return page.evaluate(async (source) => {
    const container = document.getElementById('chart');
    container.textContent = '';
    const id = `gantt${Math.floor(Math.random() * 1e9)}`;
    const started = performance.now();
    let svg;
    try {
      ({ svg } = await mermaid.render(id, source));
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
    const renderMs = performance.now() - started;
    // As a consumer does: the SVG string goes into the page.
    container.innerHTML = svg;
    // Give any injected handler (an <img onerror>) the chance to run before the page is inspected.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const element = container.querySelector('svg');
    const bars = [...element.querySelectorAll('rect')].filter((rect) => rect.classList.contains('task') && !rect.classList.contains('vert'));
    const allElements = [...container.querySelectorAll('*')];
    return {
      renderMs,
      svgLength: svg.length,
      svgId: element.id,
      bars: bars.map((rect) => ({
        id: rect.id,
        width: Number(rect.getAttribute('width')),
        milestone: rect.classList.contains('milestone'),
        classes: rect.getAttribute('class'),
      })),
      todayMarkers: element.querySelectorAll('rect.vert').length,
      sectionTitles: [...element.querySelectorAll('text.sectionTitle')].map((node) => node.textContent),
      title: element.querySelector('text.titleText')?.textContent ?? null,
      texts: [...element.querySelectorAll('text')].map((node) => node.textContent.trim()),
      dangerousElements: allElements
        .filter((node) => ['img', 'script', 'iframe', 'foreignobject', 'object', 'embed'].includes(node.localName))
        .map((node) => node.localName),
      eventAttributes: allElements.flatMap((node) =>
        [...node.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${node.localName}[${attribute.name}]`),
      ),
      javascriptUrls: allElements.flatMap((node) =>
        [...node.attributes].filter((attribute) => /javascript:/i.test(attribute.value)).map((attribute) => `${node.localName}[${attribute.name}]`),
      ),
      pwned: window.__pwned,
    };
  }, text);
}

const DAY_MS = 86_400_000;
const daysInclusive = (start, finish) => (Date.parse(`${finish}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1;

/** The checks every chart must pass. Returns the render result for plan-specific checks. */
async function checkChart(page, name, timeline, modules, options = {}) {
  const text = modules.ganttMermaid(timeline, options);
  const result = await renderInPage(page, text);
  check(`${name}: renders without error`, !result.error, result.error);
  if (result.error) return undefined;
  console.log(`# ${name}: ${timeline.tasks.length} tasks, ${text.length} characters of Mermaid, rendered in ${result.renderMs.toFixed(0)} ms`);

  const collapsed = options.collapsedPhaseKeys ?? new Set();
  const tasksByKey = new Map(timeline.tasks.map((task) => [task.key, task]));
  const expectedBars = new Map();
  let sections = 0;
  for (const phase of timeline.phases) {
    const dated = phase.taskKeys.map((key) => tasksByKey.get(key)).filter((task) => task && task.start !== null);
    if (dated.length === 0) continue;
    sections++;
    if (collapsed.has(phase.key)) expectedBars.set(phase.key, { start: phase.start, finish: phase.finish, milestone: false });
    else for (const task of dated) expectedBars.set(task.key, task);
  }
  const drawnKeys = result.bars.map((bar) => bar.id.slice(result.svgId.length + 1)).sort();
  check(
    `${name}: one bar per ${collapsed.size > 0 ? 'collapsed phase' : 'dated task'} (${expectedBars.size}), with its key as id`,
    JSON.stringify(drawnKeys) === JSON.stringify([...expectedBars.keys()].sort()),
    `${result.bars.length} bars drawn`,
  );
  check(`${name}: one section per phase with dates (${sections})`, result.sectionTitles.length === sections, `${result.sectionTitles.length} sections drawn`);

  // Bars are drawn on one time scale: width / inclusive days is the same for every bar (up to
  // the scale's rounding to whole pixels), which fails if an end date were read as exclusive.
  const spans = result.bars.flatMap((bar) => {
    const expected = expectedBars.get(bar.id.slice(result.svgId.length + 1));
    return expected && !bar.milestone ? [{ bar, days: daysInclusive(expected.start, expected.finish) }] : [];
  });
  const longest = spans.reduce((best, span) => (span.days > (best?.days ?? 0) ? span : best), undefined);
  const pixelsPerDay = longest ? longest.bar.width / longest.days : 0;
  if (pixelsPerDay < 3) {
    // A long plan squeezes a day into a pixel or two: rounding then hides a day's difference.
    console.log(`# ${name}: ${pixelsPerDay.toFixed(1)} px per day, too few to compare bar widths with dates`);
  } else {
    const wrong = spans.filter((span) => Math.abs(span.bar.width - span.days * pixelsPerDay) > 1.5);
    check(`${name}: bar widths match the inclusive start..finish dates`, wrong.length === 0, `${wrong.length} bars off, e.g. ${wrong[0]?.bar.id}`);
  }
  return result;
}

async function main() {
  if (!existsSync(mermaidScript)) {
    console.error(`Mermaid is not at ${mermaidScript}: run npm install.`);
    return 1;
  }
  if (!ensureChromium()) return 1;
  const modules = await loadModules();
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="chart"></div></body></html>');
    // Whatever a payload could reach: a flag, and a function named as in the hostile plan.
    await page.evaluate(() => {
      window.__pwned = false;
      window.evil = () => {
        window.__pwned = true;
      };
    });
    await page.addScriptTag({ path: mermaidScript });
    await page.evaluate(() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules', 'mermaid', 'package.json'), 'utf8'));
    console.log(`# Mermaid ${version} in ${chromiumPath}`);

    for (const file of planFiles(path.join(root, 'samples')).sort()) {
      const name = path.relative(root, file);
      const timeline = modules.buildTimeline(modules.analyzePlan(readFileSync(file, 'utf8')));
      if (!timeline) {
        console.log(`# ${name}: cannot be scheduled, no chart`);
        continue;
      }
      await checkChart(page, name, timeline, modules);
    }

    const generated = modules.buildTimeline(modules.analyzePlan(modules.generatePlan(1000)));
    await checkChart(page, 'generated 1,000-task plan', generated, modules);
    await checkChart(page, 'generated 1,000-task plan, phases collapsed', generated, modules, {
      collapsedPhaseKeys: modules.phaseKeysToCollapse(generated, COLLAPSE_OVER),
    });

    const hostile = modules.buildTimeline(modules.analyzePlan(readFileSync(hostilePlanFile, 'utf8')));
    const highlighted = new Set(hostile.tasks.filter((_, index) => index % 3 === 0).map((task) => task.key));
    const today = hostile.tasks.find((task) => task.start !== null && task.start > hostile.start)?.start;
    const result = await checkChart(page, 'hostile names', hostile, modules, { highlightedTaskKeys: highlighted, today });
    if (result) {
      check('hostile names: no dialog (alert/confirm/prompt) opened', dialogs.length === 0, dialogs.join('; '));
      check('hostile names: no payload ran (window.__pwned is still false)', result.pwned === false);
      check('hostile names: no img/script/iframe/foreignObject element', result.dangerousElements.length === 0, result.dangerousElements.join(', '));
      check('hostile names: no on* event attribute', result.eventAttributes.length === 0, result.eventAttributes.join(', '));
      check('hostile names: no javascript: URL', result.javascriptUrls.length === 0, result.javascriptUrls.join(', '));
      check('hostile names: the today line is drawn once', result.todayMarkers === 1, `${result.todayMarkers} markers`);
      check('hostile names: the title is drawn as text', result.title?.trim() === shownText(hostile.title), JSON.stringify(result.title));
      const missing = hostile.tasks.filter((task) => {
        const label = shownText(task.label);
        // Long labels are cut with an ellipsis; their beginning must be there.
        const expected = label.length > 100 ? label.slice(0, 100) : label;
        return !result.texts.some((shown) => (shown.startsWith(modules.HIGHLIGHT_MARKER) ? shown.slice(modules.HIGHLIGHT_MARKER.length) : shown).startsWith(expected) && (label.length > 100 || shown.endsWith(label)));
      });
      check(`hostile names: all ${hostile.tasks.length} task labels are drawn as text`, missing.length === 0, `missing: ${missing.map((task) => JSON.stringify(task.label)).join(', ')}`);
      const missingSections = hostile.phases.filter((phase) => !result.sectionTitles.some((title) => title.startsWith(shownText(phase.label))));
      check('hostile names: phase names are drawn as section titles', missingSections.length === 0, missingSections.map((phase) => phase.label).join(', '));
      const highlightedShown = result.texts.filter((shown) => shown.startsWith(modules.HIGHLIGHT_MARKER.trim())).length;
      check(`hostile names: the ${highlighted.size} highlighted tasks carry the marker`, highlightedShown === highlighted.size, `${highlightedShown} marked`);
    }
    check('no uncaught error in the page', pageErrors.length === 0, pageErrors.join('; '));
  } finally {
    await browser.close();
  }
  console.log(failures === 0 ? '# all checks passed' : `# ${failures} check${failures === 1 ? '' : 's'} failed`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
