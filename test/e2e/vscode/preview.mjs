// The timeline preview as the end-to-end test sees it: the webview's inner frame (VS Code
// nests the page in two iframes), what the page drew, and the schedule to expect, taken from
// the CLI (`crmplan schedule --format json`), a path independent of the preview's own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

/** The frame that holds the preview page (the one with its header), or undefined. */
export async function findPreviewFrame(/** @type {Page} */ page) {
  for (const frame of page.frames()) {
    const found = await frame.locator('header.preview-header').count().catch(() => 0);
    if (found > 0) return frame;
  }
  return undefined;
}

/**
 * What the page shows: task bars (rects whose id ends in a task key), summary bars (phase
 * keys), load table rows, the notice, the title, and any element plan text could have
 * smuggled in (`img`, `script` inside the page's content, `foreignObject`, `iframe`).
 * @param {Frame} frame
 */
export async function previewState(frame) {
  return frame.evaluate(() => {
    const bars = Array.from(document.querySelectorAll('.chart svg rect.task'));
    const notice = document.querySelector('.notice');
    const app = document.getElementById('app');
    return {
      taskBars: bars.filter((bar) => /-t\d+$/.test(bar.id)).length,
      summaryBars: bars.filter((bar) => /-p\d+$/.test(bar.id)).length,
      // One row per person, drawn in the chart's SVG on its axis (client/webview/load-rows.ts; the load table it replaced is gone).
      loadRows: document.querySelectorAll('.chart svg g.load-row').length,
      notice: notice && !notice.hidden ? (notice.textContent ?? '') : '',
      title: document.querySelector('.plan-title')?.textContent ?? '',
      findings: document.querySelector('.findings')?.textContent ?? '',
      barLabels: Array.from(document.querySelectorAll('.chart svg text[id$="-text"]')).map((text) => text.textContent ?? ''),
      smuggled: app ? app.querySelectorAll('img, script, iframe, foreignObject, a[href^="javascript"]').length : -1,
      pwned: /** @type {{__pwned?: unknown}} */ (window).__pwned !== undefined,
      /** The zoom button's label, e.g. "125%". */
      zoom: document.querySelector('.toolbar button[title="Reset the zoom"]')?.textContent ?? '',
      /** Mermaid's render id, numbered per render: a new one means the page drew the chart again. */
      chartId: document.querySelector('.chart svg')?.id ?? '',
      bodyClasses: Array.from(document.body.classList),
      /** The computed edge colour of the first task bar, and the theme's contrast border colour ('' when it has none). */
      barStroke: bars[0] ? window.getComputedStyle(bars[0]).stroke : '',
      contrastBorder: (() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-contrastBorder, transparent)';
        document.body.append(probe);
        const color = window.getComputedStyle(probe).color;
        probe.remove();
        return color === 'rgba(0, 0, 0, 0)' ? '' : color;
      })(),
    };
  });
}

/** Clicks a button of the preview's toolbar by its text ("Collapse all") or its tooltip ("Zoom in"). */
export async function clickToolbarButton(/** @type {Frame} */ frame, name) {
  await frame.locator(`.toolbar button:text-is("${name}"), .toolbar button[title="${name}"]`).first().click({ timeout: 5_000 });
}

/** Clicks the bar of a task key (`t5`) as a user would (a real mouse click on the SVG rect). */
export async function clickTaskBar(/** @type {Frame} */ frame, key) {
  const bar = frame.locator(`.chart svg rect.task[id$="-${key}"]`).first();
  await bar.scrollIntoViewIfNeeded({ timeout: 5_000 });
  // 3 px inside the bar's left end: a label drawn inside the bar (centred) is over its middle
  // (it reveals the task too, but Playwright's click refuses a point another element covers).
  const box = await bar.boundingBox();
  await bar.click({ timeout: 5_000, position: { x: 3, y: (box?.height ?? 0) / 2 } });
}

/**
 * The plan's schedule per the CLI, and where a task's id is written (1-based line and column).
 * @param {string} repoRoot
 * @param {string} planFile
 */
export function expectedSchedule(repoRoot, planFile) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'schedule', planFile, '--format', 'json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`crmplan schedule ${planFile} failed: ${run.stderr}`);
  /** @type {{tasks: Array<{id: string | null, start: string | null}>}} */
  const schedule = JSON.parse(run.stdout);
  return {
    datedTasks: schedule.tasks.filter((task) => task.start !== null).length,
    /** The timeline key of a task id: `t` + its index in the plan (the CLI lists tasks in plan order). */
    keyOf: (id) => {
      const index = schedule.tasks.findIndex((task) => task.id === id);
      if (index < 0) throw new Error(`no task ${id} in ${planFile}`);
      return `t${index}`;
    },
  };
}

/** The 1-based line and column of `- id: <id>`'s id in a plan text. */
export function idPosition(text, id) {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => new RegExp(`^\\s*-\\s+id:\\s+${id}\\s*(#.*)?$`).test(candidate));
  if (line < 0) throw new Error(`no "- id: ${id}" line`);
  return { line: line + 1, column: lines[line].indexOf(id, lines[line].indexOf('id:') + 3) + 1 };
}
