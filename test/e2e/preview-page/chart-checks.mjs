// The preview's chart (issue 17 items 1-2), checked in the real page in Chromium (check.mjs runs
// these scenarios with its own helpers):
// - a plan with FS and SS dependencies with lags, progress, a baseline, a status date, today,
//   a milestone, critical and non-critical tasks, a long phase name and an overlong task name,
//   in VS Code's light, dark and high-contrast theme variables (vscode-themes.mjs):
//   every arrow starts and ends on the bars it joins (within a pixel), the lag is written;
//   progress fill is as wide as the progress says; phase labels intersect no bar; a click on the
//   bar under where Mermaid wrote the phase name reveals that task; every label lies within the
//   chart, an overlong one cut with its full name as tooltip; Mermaid's title is not drawn; the
//   legend has an entry per kind drawn, in the colours of the marks; critical bars take the
//   theme's red, not Mermaid's; weekend shading stays faint; today and status-date lines at
//   their dates; the exported SVG stands on its own; screenshots in test-artifacts/;
// - the axis ticks go from days to weeks when zoomed out;
// - the hostile-names plan's phase names are text in the phase column, nothing runs;
// - a 1,000-task plan expanded and scrolled to the bottom still shows the axis at the top.
/* global DOMParser, getComputedStyle */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { THEME_CLASSES, themeVariablesCss } from './vscode-themes.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const artifacts = path.join(root, 'test-artifacts');

// Mon 2027-01-04. kickoff Jan 4-5 (done); design Jan 6-12 (40%); docs SS design +2d: Jan 8-12 (50%);
// training after kickoff, 1 day (float); sign-off milestone after design and docs (Jan 13);
// develop FS sign-off +1d; wrap after develop, named far longer than the chart is wide.
export const CHART_PLAN = `crmplan: 1
plan: {name: Chart layers, start: 2027-01-04, status_date: 2027-01-07}
phases:
  - id: discovery
    name: A phase name long enough to have covered the first bars of its phase in Mermaid's layout
    tasks:
      - {id: kickoff, name: Kickoff, duration: 2d, status: done}
      - {id: design, name: Design, duration: 5d, depends_on: [kickoff], status: in-progress, progress: 40%}
      - {id: docs, name: Docs, duration: 3d, depends_on: [{task: design, type: SS, lag: 2d}], progress: 50%}
      - {id: training, name: Training, duration: 1d, depends_on: [kickoff]}
      - {id: signoff, name: Sign-off, milestone: true, depends_on: [design, docs]}
  - id: build
    name: Build
    tasks:
      - {id: develop, name: Develop, duration: 5d, depends_on: [{task: signoff, lag: 1d}]}
      - {id: wrap, name: ${'MWMWMWMWMW'.repeat(11)}, duration: 2d, depends_on: [develop]}
baseline:
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-05}
    design: {start: 2027-01-05, finish: 2027-01-08}
`;
const TODAY = '2027-01-11';

/** In the page: the chart's geometry and styles, in the SVG's units and on screen. */
function measureChart(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('.chart svg');
    const keyOf = (element) => /-([tp]\d+)$/.exec(element.id)?.[1];
    const attr = (element, name) => Number(element.getAttribute(name));
    const bars = {};
    for (const bar of svg.querySelectorAll('rect.task')) {
      const key = keyOf(bar);
      if (key === undefined) continue;
      const client = bar.getBoundingClientRect();
      const style = getComputedStyle(bar);
      bars[key] = {
        x: attr(bar, 'x'), y: attr(bar, 'y'), width: attr(bar, 'width'), height: attr(bar, 'height'),
        client: { left: client.left, top: client.top, right: client.right, bottom: client.bottom },
        fill: style.fill, stroke: style.stroke, classes: bar.getAttribute('class'),
      };
    }
    // A path of M/H/V commands: its first point and its last.
    const ends = (d) => {
      let x = 0;
      let y = 0;
      let start;
      for (const [, command, values] of d.matchAll(/([MHV])([-\d.,]+)/g)) {
        if (command === 'M') [x, y] = values.split(',').map(Number);
        if (command === 'H') x = Number(values);
        if (command === 'V') y = Number(values);
        start ??= { x, y };
      }
      return { start, end: { x, y } };
    };
    const arrows = [...svg.querySelectorAll('g.dependency')].map((group) => ({
      from: group.dataset.from,
      to: group.dataset.to,
      type: group.classList.contains('dependency-ss') ? 'SS' : 'FS',
      lag: group.querySelector('text.dependency-lag')?.textContent ?? null,
      ...ends(group.querySelector('path.dependency-line').getAttribute('d')),
    }));
    const fills = [...svg.querySelectorAll('rect.progress-fill')].map((fill) => ({ key: fill.dataset.key, x: attr(fill, 'x'), width: attr(fill, 'width') }));
    const phaseLabels = [...document.querySelectorAll('.phase-label')].map((label) => {
      const box = label.getBoundingClientRect();
      return { key: label.dataset.key, text: label.textContent, title: label.title, left: box.left, top: box.top, right: box.right, bottom: box.bottom };
    });
    const viewBox = svg.viewBox.baseVal;
    const labels = [...svg.querySelectorAll('text.bar-label')].map((label) => {
      const box = label.getBBox();
      return { key: /-([tp]\d+)-text$/.exec(label.id)?.[1], left: box.x, right: box.x + box.width, title: label.querySelector('title')?.textContent ?? null, shown: label.firstChild?.textContent ?? '' };
    });
    const legend = [...document.querySelectorAll('.legend li')].map((item) => {
      const swatch = getComputedStyle(item.querySelector('.swatch'));
      return { kind: item.dataset.kind, text: item.textContent, background: swatch.backgroundColor, border: swatch.borderTopColor, borderLeft: swatch.borderLeftColor };
    });
    const lines = [...svg.querySelectorAll('line.date-line')].map((line) => ({ kind: line.classList.contains('date-line-today') ? 'today' : 'status-date', x: attr(line, 'x1'), date: line.dataset.date, stroke: getComputedStyle(line).stroke }));
    const shading = [...svg.querySelectorAll('rect.exclude-range')].map((rect) => Number(getComputedStyle(rect).opacity));
    const title = svg.querySelector('.titleText');
    const themeRed = getComputedStyle(document.querySelector('.chart-area')).getPropertyValue('--bar-critical').trim();
    return {
      bars, arrows, fills, phaseLabels, labels, legend, lines, shading,
      viewBox: { width: viewBox.width },
      titleShown: title !== null && getComputedStyle(title).display !== 'none',
      headerTitle: document.querySelector('.plan-title').textContent,
      themeRed,
    };
  });
}

/** rgb(r, g, b) of a CSS colour, as the page computes it. */
const rgbOf = (page, colour) =>
  page.evaluate((value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  }, colour);

export function chartScenarios({ check, openPage, timelineMessage, checkNoViolations, same, shown }) {
  const close = (a, b, tolerance = 1) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tolerance;

  async function checkChartLayers(browser, site, modules) {
    const name = 'chart layers';
    const uri = 'file:///work/chart-layers.crmplan.yaml';
    const { timeline } = modules.timelineResult(uri, CHART_PLAN);
    const key = (id) => timeline.tasks.find((task) => task.id === id).key;
    const opened = await openPage(browser, site, { width: 1280, height: 800 });
    const { page, preview } = opened;
    await page.addStyleTag({ content: themeVariablesCss() });
    await page.evaluate((className) => (document.body.className = className), THEME_CLASSES.light);
    const message = timelineMessage(uri, timeline);
    await preview.post({ ...message, options: { ...message.options, today: TODAY } });
    const drawn = await measureChart(page);
    const { bars } = drawn;
    const mid = (bar) => bar.y + bar.height / 2;
    // A milestone's left and right points: 0.8 x half the diagonal of its square from the centre.
    const reach = (bar) => (0.8 * bar.width * Math.SQRT2) / 2;
    const startOf = (arrow) => {
      const bar = bars[arrow.from];
      const milestone = bar.classes.includes('bar-milestone');
      if (arrow.type === 'SS') return { x: milestone ? bar.x + bar.width / 2 - reach(bar) : bar.x, y: mid(bar) };
      return { x: milestone ? bar.x + bar.width / 2 + reach(bar) : bar.x + bar.width, y: mid(bar) };
    };
    const endOf = (arrow) => {
      const bar = bars[arrow.to];
      return { x: bar.classes.includes('bar-milestone') ? bar.x + bar.width / 2 - reach(bar) : bar.x, y: mid(bar) };
    };
    const expected = timeline.dependencies.filter((dependency) => bars[dependency.from] && bars[dependency.to]);
    const misplaced = drawn.arrows.filter((arrow) => {
      const start = startOf(arrow);
      const end = endOf(arrow);
      return !(close(arrow.start.x, start.x) && close(arrow.start.y, start.y) && close(arrow.end.x, end.x) && close(arrow.end.y, end.y));
    });
    check(
      `${name}: one arrow per dependency (${expected.length}), each from the predecessor's end (FS) or start (SS) to the dependent's start, within a pixel`,
      drawn.arrows.length === expected.length && expected.length === 7 && misplaced.length === 0,
      shown({ arrows: drawn.arrows.length, misplaced }),
    );
    const lags = drawn.arrows.filter((arrow) => arrow.lag !== null).map((arrow) => `${arrow.from}>${arrow.to} ${arrow.type} ${arrow.lag}`);
    check(`${name}: the lags are written on their arrows (SS +2d, FS +1d)`, same(lags.sort(), [`${key('design')}>${key('docs')} SS +2d`, `${key('signoff')}>${key('develop')} FS +1d`].sort()), shown(lags));

    // Progress: design 40%, docs 50%; kickoff is done (its colour), the others have none.
    const fills = Object.fromEntries(drawn.fills.map((fill) => [fill.key, fill]));
    check(
      `${name}: progress fill is as wide as the progress (design 40%, docs 50%), from the bar's start; none on done or unstarted bars`,
      same(Object.keys(fills).sort(), [key('design'), key('docs')].sort()) &&
        close(fills[key('design')].width, bars[key('design')].width * 0.4, 0.5) && close(fills[key('design')].x, bars[key('design')].x, 0.5) &&
        close(fills[key('docs')].width, bars[key('docs')].width * 0.5, 0.5),
      shown({ fills, design: bars[key('design')], docs: bars[key('docs')] }),
    );

    // Phase names: beside the chart, never over a bar.
    const overlaps = drawn.phaseLabels.flatMap((label) =>
      Object.entries(bars).filter(([, bar]) => label.left < bar.client.right && bar.client.left < label.right && label.top < bar.client.bottom && bar.client.top < label.bottom).map(([barKey]) => `${label.key}/${barKey}`),
    );
    check(
      `${name}: one phase label per phase (${timeline.phases.length}), with its name and tooltip, intersecting no bar`,
      drawn.phaseLabels.length === timeline.phases.length && drawn.phaseLabels.every((label, index) => label.text === timeline.phases[index].label && label.title === timeline.phases[index].label) && overlaps.length === 0,
      shown({ labels: drawn.phaseLabels.map(({ key: labelKey, text }) => ({ key: labelKey, text })), overlaps }),
    );
    // Mermaid wrote a section's name at the chart's left edge, over the first bars: a click there now reaches the bar.
    const kickoff = bars[key('kickoff')];
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id ?? '', { x: kickoff.client.left + 3, y: (kickoff.client.top + kickoff.client.bottom) / 2 });
    const reveal = await preview.nextMessage('reveal', () => page.mouse.click(kickoff.client.left + 3, (kickoff.client.top + kickoff.client.bottom) / 2), 10_000).catch((error) => ({ error: error.message.split('\n')[0] }));
    check(`${name}: a click on the first bar of the long-named phase, where Mermaid drew the phase name, reveals that task`, hit.endsWith(`-${key('kickoff')}`) && reveal.key === key('kickoff'), shown({ hit, reveal }));

    const outside = drawn.labels.filter((label) => label.left < -0.5 || label.right > drawn.viewBox.width + 0.5);
    const wrap = drawn.labels.find((label) => label.key === key('wrap'));
    check(
      `${name}: every bar label lies within the chart (0..${drawn.viewBox.width})`,
      drawn.labels.length === Object.keys(bars).length && outside.length === 0,
      shown(outside),
    );
    check(
      `${name}: the label too long for either side is cut with an ellipsis and has the full name as its tooltip`,
      wrap?.shown.endsWith('\u2026') && wrap.title === timeline.tasks.find((task) => task.id === 'wrap').label,
      shown(wrap),
    );
    check(`${name}: Mermaid's title is not drawn (the header has the plan's name once)`, !drawn.titleShown && drawn.headerTitle === 'Chart layers', shown({ titleShown: drawn.titleShown, header: drawn.headerTitle }));

    const kinds = drawn.legend.map((item) => item.kind);
    check(
      `${name}: the legend names what is drawn: ${kinds.join(', ')}`,
      same(kinds, ['planned', 'critical', 'in-progress', 'done', 'milestone', 'progress', 'baseline', 'dependency', 'today', 'status-date']),
      shown(drawn.legend),
    );

    // The exported SVG stands on its own: the page's colours inline, the phase names in a column, nothing the page hides.
    const exported = await preview.nextMessage('exported', () => page.evaluate(() => window.postMessage({ type: 'export', requestId: 77, format: 'svg' }, '*')), 10_000);
    const exportedParts = await page.evaluate((content) => {
      const parsed = new DOMParser().parseFromString(content, 'image/svg+xml').documentElement;
      return {
        phaseNames: [...parsed.querySelectorAll('g.phase-names text title')].map((title) => title.textContent),
        hidden: parsed.querySelectorAll('.titleText, .sectionTitle, g.grid').length,
        arrowsStyled: [...parsed.querySelectorAll('.dependency-line')].every((line) => /fill: none !important/.test(line.getAttribute('style') ?? '')),
        arrows: parsed.querySelectorAll('.dependency-line').length,
      };
    }, exported.content);
    check(
      `${name}: the exported SVG has the phase names in a column, the arrows with their colours inline, and not Mermaid's hidden title, section names or axis`,
      same(exportedParts.phaseNames, timeline.phases.map((phase) => phase.label)) && exportedParts.hidden === 0 && exportedParts.arrows === 7 && exportedParts.arrowsStyled,
      shown(exportedParts),
    );

    const screenshots = [];
    for (const theme of ['light', 'dark', 'high-contrast']) {
      if (theme !== 'light') {
        await preview.nextMessage('rendered', () => page.evaluate((className) => (document.body.className = className), THEME_CLASSES[theme]), 30_000);
      }
      const themed = await measureChart(page);
      const themeRed = await rgbOf(page, themed.themeRed);
      const critical = Object.values(themed.bars).filter((bar) => bar.classes.includes('bar-critical'));
      const planned = Object.values(themed.bars).find((bar) => bar.classes.includes('bar-planned') && !bar.classes.includes('bar-critical'));
      const legend = Object.fromEntries(themed.legend.map((item) => [item.kind, item]));
      check(
        `${name}, ${theme}: critical bars are edged in the theme's red (${themeRed}), not Mermaid's red, and match the legend's swatch`,
        critical.length > 0 && critical.every((bar) => bar.stroke === themeRed && bar.fill !== 'rgb(255, 0, 0)' && (!bar.classes.includes('bar-planned') || bar.fill === legend.critical?.background)) && legend.critical?.border === themeRed,
        shown({ critical: critical.map(({ fill, stroke }) => ({ fill, stroke })), legend: legend.critical }),
      );
      check(
        `${name}, ${theme}: a planned bar has the legend's planned colours`,
        planned !== undefined && planned.fill === legend.planned?.background && planned.stroke === legend.planned?.border,
        shown({ planned, legend: legend.planned }),
      );
      check(
        `${name}, ${theme}: weekend shading stays faint (opacity <= 0.1 on all ${themed.shading.length})`,
        themed.shading.length > 0 && themed.shading.every((opacity) => opacity <= 0.1),
        shown(themed.shading.slice(0, 5)),
      );
      const statusLine = themed.lines.find((line) => line.kind === 'status-date');
      const todayLine = themed.lines.find((line) => line.kind === 'today');
      // Kickoff runs Mon Jan 4 - Tue Jan 5: Jan 4 is at its start, a day is half its width.
      // Status date Thu Jan 7 is 3 days after Jan 4, today Mon Jan 11 is 7 days after.
      const kickoffBar = themed.bars[key('kickoff')];
      const day = kickoffBar.width / 2;
      check(
        `${name}, ${theme}: the status-date line is at 2027-01-07 and the today line at ${TODAY}, today in the legend's colour`,
        close(statusLine?.x, kickoffBar.x + 3 * day) && close(todayLine?.x, kickoffBar.x + 7 * day) && todayLine.stroke === legend.today?.background,
        shown({ lines: themed.lines, kickoff: kickoffBar, legend: legend.today }),
      );
      mkdirSync(artifacts, { recursive: true });
      const file = path.join(artifacts, `preview-chart-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      screenshots.push(path.relative(root, file));
    }
    check(`${name}: screenshots written (${screenshots.join(', ')})`, screenshots.length === 3);

    // Zoom: at 100% a day is about 46 px, room for day ticks; zoomed out to 41% (19 px a day,
    // under the 22 px a day label needs) the axis shows Mondays.
    const unit = () => page.evaluate(() => [...document.querySelectorAll('.axis-minor .axis-tick')].map((tick) => tick.textContent));
    const at100 = await unit();
    for (let step = 0; step < 4; step++) await page.click('button[title="Zoom out"]');
    const zoomedOut = await unit();
    check(
      `${name}: the axis shows days at 100% (${at100.slice(0, 3).join(', ')}) and weeks zoomed out to 41% (${zoomedOut.join(', ')})`,
      at100.length > 7 && at100.every((label) => /^\d{2}$/.test(label)) && zoomedOut.length > 0 && zoomedOut.length < at100.length && zoomedOut.every((label) => /^[A-Z][a-z]{2} \d{2}$/.test(label)),
      shown({ at100, zoomedOut }),
    );
    await checkNoViolations(name, opened);
    await page.close();
  }

  async function checkStickyAxis(browser, site, modules) {
    const name = 'sticky axis (1,000 tasks)';
    const uri = 'file:///work/generated.crmplan.yaml';
    const { timeline } = modules.timelineResult(uri, modules.generatePlan(1000));
    const opened = await openPage(browser, site, { width: 1400, height: 900 });
    const { page, preview } = opened;
    await page.addStyleTag({ content: themeVariablesCss() });
    await page.evaluate((className) => (document.body.className = className), THEME_CLASSES.dark);
    await preview.post(timelineMessage(uri, timeline));
    const all = await preview.nextMessage('rendered', () => page.click('button:text-is("Expand all")'), 120_000);
    const axisAt = async () =>
      page.evaluate(() => {
        const axis = document.querySelector('.chart-axis').getBoundingClientRect();
        const ticks = [...document.querySelectorAll('.axis-minor .axis-tick')].filter((tick) => {
          const box = tick.getBoundingClientRect();
          return box.left >= axis.left && box.right <= axis.right;
        });
        return { top: axis.top, bottom: axis.bottom, height: document.documentElement.scrollHeight, innerHeight: window.innerHeight, scrollY: window.scrollY, visibleTicks: ticks.length };
      });
    // To the bottom of the chart (the last bar), and to the bottom of the page.
    await page.evaluate(() => {
      const bars = [...document.querySelectorAll('.chart svg rect.task')];
      bars.at(-1).scrollIntoView({ block: 'end' });
    });
    const atLastBar = await axisAt();
    check(
      `${name}: with all ${all.renderedTaskBars} bars drawn and scrolled to the last one (page ${atLastBar.height} px tall, at ${Math.round(atLastBar.scrollY)}), the axis is at the top of the window with its ticks`,
      all.renderedTaskBars === timeline.tasks.filter((task) => task.start !== null).length && atLastBar.scrollY > 10_000 && atLastBar.top >= 0 && atLastBar.top <= 1 && atLastBar.bottom <= atLastBar.innerHeight && atLastBar.visibleTicks > 0,
      shown(atLastBar),
    );
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const atBottom = await axisAt();
    check(
      `${name}: scrolled to the bottom of the page, the axis is still in the window (top ${Math.round(atBottom.top)} px)`,
      atBottom.top >= 0 && atBottom.bottom <= atBottom.innerHeight && atBottom.visibleTicks > 0,
      shown(atBottom),
    );
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'preview-chart-1000-tasks-bottom-dark.png') });
    await checkNoViolations(name, opened);
    await page.close();
  }

  async function checkHostilePhases(browser, site, modules) {
    const name = 'hostile names in the chart layers';
    const uri = 'file:///work/hostile-names.crmplan.yaml';
    const text = readFileSync(path.join(root, 'test', 'fixtures', 'hostile-names.crmplan.yaml'), 'utf8');
    const { timeline } = modules.timelineResult(uri, text);
    const opened = await openPage(browser, site, { width: 1400, height: 900 });
    const { page, preview, dialogs } = opened;
    await preview.post(timelineMessage(uri, timeline));
    const seen = await page.evaluate(() => ({
      phases: [...document.querySelectorAll('.phase-label')].map((label) => ({ text: label.textContent, title: label.title, elements: [...label.querySelectorAll('*')].map((child) => child.localName) })),
      titles: [...document.querySelectorAll('.chart svg title')].filter((title) => title.children.length > 0).length,
      pwned: window.__pwned,
    }));
    const dated = new Set(timeline.tasks.filter((task) => task.start !== null).map((task) => task.phaseKey));
    const expected = timeline.phases.filter((phase) => dated.has(phase.key)).map((phase) => phase.label);
    check(
      `${name}: the phase column shows each phase's name (${expected.length}) as text, one span each, and its tooltip; no markup in any tooltip; nothing ran`,
      same(seen.phases.map((phase) => phase.text), expected) && seen.phases.every((phase, index) => phase.title === expected[index] && same(phase.elements, ['span'])) && seen.titles === 0 && seen.pwned === false && dialogs.length === 0,
      shown(seen),
    );
    await checkNoViolations(name, opened);
    await page.close();
  }

  return [
    ['chart layers', checkChartLayers],
    ['hostile names in the chart layers', checkHostilePhases],
    ['sticky axis (1,000 tasks)', checkStickyAxis],
  ];
}
