// The timeline chart of issue 17 in the real VS Code (code-server), after the preview checks of
// run-e2e.mjs: the chart drawn in the Light Modern, Dark Modern and Dark High Contrast themes
// (a screenshot of each in test-artifacts/), a click on the bar of a phase's first task, where
// Mermaid used to write the phase's name over it, selecting that task's id in the editor, and a
// generated 1,000-task plan expanded and scrolled to the bottom with the date axis still inside
// the webview's visible area. The page alone is checked in Chromium by test/e2e/preview-page;
// this is the same page inside VS Code's two nested webview iframes, with VS Code's own theme
// variables and scrolling. Every wait is a bounded poll.
import { createRequire } from 'node:module';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleForNode } from '../../../bench/bundle.mjs';
import { poll } from './poll.mjs';
import { clickToolbarButton, expectedSchedule, findPreviewFrame, idPosition } from './preview.mjs';

/** @typedef {import('playwright-core').Frame} Frame */
/** @typedef {import('./workbench.mjs').Workbench} Workbench */

/** The body class VS Code gives a webview per theme kind. */
const themes = [
  { label: 'Light Modern', bodyClass: 'vscode-light', shot: 'vscode-chart-light.png' },
  { label: 'Dark Modern', bodyClass: 'vscode-dark', shot: 'vscode-chart-dark.png' },
  { label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast', shot: 'vscode-chart-high-contrast.png' },
];

/**
 * What the chart shows in the preview frame: task and summary bars, phase names in their
 * column, the sticky axis with its ticks, Mermaid's render id and the body's classes.
 * @param {Frame} frame
 */
export async function chartState(frame) {
  return frame.evaluate(() => {
    const bars = Array.from(document.querySelectorAll('.chart svg rect.task'));
    const axis = document.querySelector('.chart-axis');
    const axisBox = axis?.getBoundingClientRect();
    const visibleTicks = axisBox
      ? Array.from(document.querySelectorAll('.axis-minor .axis-tick')).filter((tick) => {
          const box = tick.getBoundingClientRect();
          return box.width > 0 && box.left >= axisBox.left && box.right <= axisBox.right;
        }).length
      : 0;
    return {
      title: document.querySelector('.plan-title')?.textContent ?? '',
      taskBars: bars.filter((bar) => /-t\d+$/.test(bar.id)).length,
      summaryBars: bars.filter((bar) => /-p\d+$/.test(bar.id)).length,
      phaseLabels: document.querySelectorAll('.phase-label').length,
      chartId: document.querySelector('.chart svg')?.id ?? '',
      bodyClasses: Array.from(document.body.classList),
      axis: axisBox && !(/** @type {HTMLElement} */ (axis).hidden) ? { top: axisBox.top, bottom: axisBox.bottom, height: axisBox.height } : null,
      visibleTicks,
      scrollY: window.scrollY,
      scrollHeight: document.documentElement.scrollHeight,
      innerHeight: window.innerHeight,
    };
  });
}

/**
 * @param {{
 *   repoRoot: string,
 *   artifacts: string,
 *   requireWorkbench: () => Workbench,
 *   workspace: () => string,
 * }} context
 */
export function chartChecks({ repoRoot, artifacts, requireWorkbench, workspace }) {
  const sample = 'connectsphere.crmplan.yaml';
  const sampleSource = path.join(repoRoot, 'samples', sample);
  const generated = 'generated-1000.crmplan.yaml';
  const generatedTitle = 'Generated plan with 1000 tasks';
  /** @returns {Promise<Frame>} */
  const previewFrame = () =>
    poll('the timeline preview webview has loaded its page', () => findPreviewFrame(requireWorkbench().page), { timeoutMs: 20_000 });
  const screenshot = async (name) => {
    await mkdir(artifacts, { recursive: true });
    await requireWorkbench().page.screenshot({ path: path.join(artifacts, name) });
  };
  /** Quick Open lists a file copied in while VS Code runs once its watcher has seen it: retry (bounded). */
  // In the first editor group: Quick Open opens in the active group, and the preview's group would
  // hide the preview behind the plan's editor.
  const openCopiedFile = async (name) => {
    await requireWorkbench().runCommand('View: Focus First Editor Group');
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await requireWorkbench().openFile(name);
      } catch (error) {
        if (attempt >= 4) throw error;
        console.log(`# retry ${attempt + 1}/4: Quick Open does not list ${name} yet`);
        await requireWorkbench().page.keyboard.press('Escape');
      }
    }
  };

  return [
    {
      name: `the chart of ${sample} is drawn in Light Modern, Dark Modern and Dark High Contrast (body class, bars, phase column, axis; a screenshot each)`,
      run: async () => {
        const workbench = requireWorkbench();
        await copyFile(sampleSource, path.join(workspace(), sample));
        await openCopiedFile(sample);
        const expected = expectedSchedule(repoRoot, sampleSource);
        const frame = await previewFrame();
        const seen = async () => JSON.stringify(await chartState(frame));
        // The sample has 6 phases and fewer tasks than the collapse threshold (150): every bar drawn.
        await poll(`the preview follows to ${sample} and draws its ${expected.datedTasks} bars`, async () => {
          const shown = await chartState(frame);
          return shown.title === 'ConnectSphere CRM rollout' && shown.taskBars === expected.datedTasks;
        }, { timeoutMs: 20_000, lastSeen: seen });
        let previousTheme;
        for (const theme of themes) {
          const before = await chartState(frame);
          const current = await workbench.selectColorTheme(theme.label);
          previousTheme ??= current;
          await poll(`in ${theme.label} the webview body has ${theme.bodyClass} only, and the chart was drawn again with its ${expected.datedTasks} bars, phase names and axis`, async () => {
            const shown = await chartState(frame);
            const kinds = shown.bodyClasses.filter((name) => themes.some((other) => other.bodyClass === name));
            return (
              kinds.length === 1 && kinds[0] === theme.bodyClass &&
              (current === theme.label || shown.chartId !== before.chartId) &&
              shown.taskBars === expected.datedTasks &&
              shown.phaseLabels === 6 &&
              shown.axis !== null && shown.axis.height > 0 && shown.visibleTicks > 0
            );
          }, { timeoutMs: 20_000, lastSeen: seen });
          // The pointer away from the toolbar, so no tooltip covers the picture (bounded wait).
          await workbench.page.mouse.move(300, 400);
          await poll('no workbench tooltip is showing', async () => (await workbench.page.locator('.workbench-hover').count()) === 0, { timeoutMs: 5_000 }).catch(() => undefined);
          // The webview is on screen (not hidden behind an editor of its group).
          const webviewBox = await (await frame.frameElement()).boundingBox();
          if (webviewBox === null || webviewBox.width < 200 || webviewBox.x + webviewBox.width > 1600) {
            throw new Error(`the preview's webview is not on screen: ${JSON.stringify(webviewBox)}`);
          }
          await screenshot(theme.shot);
        }
        if (previousTheme !== undefined) await workbench.selectColorTheme(previousTheme);
      },
    },
    ...['form-team', 'communication-plan'].map((task) => ({
      name: `a click at the left end of the "${task}" bar (the first rows of "Planning & Assessment (month 1)", where Mermaid wrote the phase name) selects ${task} in the editor`,
      run: async () => {
        const workbench = requireWorkbench();
        await openCopiedFile(sample);
        const expected = expectedSchedule(repoRoot, sampleSource);
        const { line, column } = idPosition(await readFile(sampleSource, 'utf8'), task);
        await workbench.goTo(1, 1);
        const frame = await previewFrame();
        const bar = frame.locator(`.chart svg rect.task[id$="-${expected.keyOf(task)}"]`).first();
        await bar.scrollIntoViewIfNeeded({ timeout: 5_000 });
        // What lies at the point 3 px inside the bar's left end, in the page's own coordinates:
        // the bar, not a phase label over it.
        const atPoint = await bar.evaluate((rect) => {
          const box = rect.getBoundingClientRect();
          const x = box.left + 3;
          const y = box.top + box.height / 2;
          return { x, y, id: document.elementFromPoint(x, y)?.id ?? '' };
        });
        if (!atPoint.id.endsWith(`-${expected.keyOf(task)}`)) {
          throw new Error(`the element at the left end of the ${task} bar is "${atPoint.id}", not the bar`);
        }
        // A real mouse click there (Playwright maps the point through the nested frames and
        // refuses it if another element would take the click).
        const box = await bar.boundingBox();
        await bar.click({ timeout: 5_000, position: { x: 3, y: (box?.height ?? 0) / 2 } });
        const selected = `Ln ${line}, Col ${column + task.length} (${task.length} selected)`;
        await poll(`the status bar reads "${selected}" in ${sample}`, async () => (await workbench.cursorPosition()) === selected && (await workbench.activeEditorUri())?.endsWith(`/${sample}`), {
          timeoutMs: 10_000,
          lastSeen: async () => `"${await workbench.cursorPosition()}" in ${await workbench.activeEditorUri()}`,
        });
      },
    })),
    {
      name: `a generated 1,000-task plan, Expand all, scrolled to the bottom: the date axis is inside the webview's visible area with its ticks`,
      run: async () => {
        const workbench = requireWorkbench();
        // The benchmark's generator (bench/generate-plan.ts), bundled for Node as the page test does.
        const bundle = path.join(repoRoot, 'out', 'e2e-vscode', 'generate-plan.cjs');
        await bundleForNode(path.join(repoRoot, 'bench', 'generate-plan.ts'), bundle);
        /** @type {{generatePlan: (taskCount: number) => string}} */
        const { generatePlan } = createRequire(import.meta.url)(bundle);
        const planFile = path.join(workspace(), generated);
        await writeFile(planFile, generatePlan(1000));
        const expected = expectedSchedule(repoRoot, planFile);
        if (expected.datedTasks !== 1000) throw new Error(`the generated plan schedules ${expected.datedTasks} tasks, expected 1000`);
        await openCopiedFile(generated);
        const frame = await previewFrame();
        const seen = async () => JSON.stringify(await chartState(frame));
        await poll(`the preview follows to ${generated}, drawn as one summary bar per phase`, async () => {
          const shown = await chartState(frame);
          return shown.title === generatedTitle && shown.summaryBars === 20 && shown.taskBars === 0;
        }, { timeoutMs: 60_000, lastSeen: seen });
        await clickToolbarButton(frame, 'Expand all');
        await poll('Expand all draws the 1,000 task bars', async () => (await chartState(frame)).taskBars === expected.datedTasks, { timeoutMs: 120_000, lastSeen: seen });
        await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const atBottom = await poll('the webview is scrolled to its bottom (over 10,000 px down) and its axis is at the top of its window with ticks', async () => {
          const shown = await chartState(frame);
          return shown.scrollY > 10_000 &&
            shown.scrollY + shown.innerHeight >= shown.scrollHeight - 1 &&
            shown.axis !== null && shown.axis.top >= 0 && shown.axis.bottom <= shown.innerHeight && shown.axis.height > 0 &&
            shown.visibleTicks > 0
            ? shown
            : undefined;
        }, { timeoutMs: 10_000, lastSeen: seen });
        // The same in the workbench's coordinates: the axis inside the webview's iframe, and that
        // iframe inside the window.
        const axisBox = await frame.locator('.chart-axis').boundingBox();
        const webviewBox = await (await frame.frameElement()).boundingBox();
        const viewport = workbench.page.viewportSize();
        const inside = (inner, outer) =>
          inner !== null && outer !== null && inner.height > 0 &&
          inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
        const windowBox = viewport ? { x: 0, y: 0, width: viewport.width, height: viewport.height } : null;
        if (!inside(axisBox, webviewBox) || !inside(webviewBox, windowBox)) {
          throw new Error(`the axis is not inside the webview's visible area: ${JSON.stringify({ axisBox, webviewBox, windowBox, atBottom })}`);
        }
        await screenshot('vscode-chart-1000-tasks-bottom.png');
      },
    },
  ];
}
