// What the test does with the VS Code workbench, as a user would: keyboard shortcuts, the
// quick input, the status bar and the Problems panel. Every wait is a bounded poll.
import { poll } from './poll.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{file: string, severity: 'error' | 'warning' | 'info', text: string}} ProblemRow */

export class Workbench {
  /** @param {Page} page */
  constructor(page) {
    this.page = page;
  }

  async waitForWorkspace(fileName) {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName });
    await row.first().waitFor({ state: 'visible', timeout: 45_000 });
  }

  /** Quick Open (Ctrl+P), the file name, Enter; then wait until its editor is the active one. */
  async openFile(fileName) {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(fileName);
    // Wait for the focused row, not just any row: with files already opened, the list first
    // shows the history, and Enter before the filter applies would open the wrong file.
    await this.page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await poll(`the active editor shows ${fileName}`, async () => (await this.activeEditorUri())?.endsWith(`/${fileName}`), {
      timeoutMs: 10_000,
      lastSeen: async () => `${await this.activeEditorUri()}`,
    });
  }

  async activeEditorUri() {
    return this.page
      .locator('.editor-group-container.active .monaco-editor[data-uri]')
      .first()
      .getAttribute('data-uri', { timeout: 1000 })
      .catch(() => null);
  }

  async languageMode() {
    return (await this.page.locator('[id="status.editor.mode"]').innerText({ timeout: 1000 }).catch(() => '')).trim();
  }

  /** The number of errors the status bar shows for the whole workspace. */
  async errorCount() {
    const label = await this.page.locator('[id="status.problems"]').getAttribute('aria-label', { timeout: 1000 }).catch(() => null);
    if (label === null) return undefined;
    if (/no problems/i.test(label)) return 0;
    const match = /Errors?: (\d+)/i.exec(label);
    return match ? Number(match[1]) : 0;
  }

  async errorSquiggles() {
    return this.page.locator('.editor-group-container.active .monaco-editor .squiggly-error').count();
  }

  /** The text of the active editor's visible lines (Monaco renders only what is on screen). */
  async visibleLines() {
    return this.page
      .locator('.editor-group-container.active .monaco-editor .view-line')
      .evaluateAll((lines) =>
        lines
          .map((line) => ({ top: Number.parseFloat(line.style.top || '0'), text: line.textContent ?? '' }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text.replace(/\u00a0/g, ' ')),
      );
  }

  async showProblemsPanel() {
    if (!(await this.page.locator('.markers-panel').isVisible().catch(() => false))) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Problems panel rows, each marker with the file row it is listed under. */
  async problemRows() {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
      elements.map((row) => ({
        label: row.getAttribute('aria-label') ?? '',
        text: row.textContent ?? '',
        error: row.querySelector('.codicon-error') !== null,
        warning: row.querySelector('.codicon-warning') !== null,
      })),
    );
    /** @type {ProblemRow[]} */
    const problems = [];
    let file = '';
    for (const row of rows) {
      const fileRow = /problems? in file (.+?) of folder/i.exec(row.label);
      if (fileRow) {
        file = fileRow[1] ?? '';
        continue;
      }
      problems.push({ file, severity: row.error ? 'error' : row.warning ? 'warning' : 'info', text: row.label || row.text });
    }
    return problems;
  }

  async problemsPanelText() {
    return (await this.page.locator('.markers-panel').innerText({ timeout: 2000 }).catch(() => '(Problems panel not shown)')).trim();
  }

  /** Go to Line/Column (Ctrl+G) with a 1-based "line:column". */
  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** The status bar's cursor position, e.g. "Ln 56, Col 13". */
  async cursorPosition() {
    return (await this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 1000 }).catch(() => '')).trim();
  }

  /** Collapses the Explorer's folders section (a click on its header), leaving the side bar to the other views. */
  async collapseExplorerFolders() {
    const header = this.page.locator('.pane:has(.explorer-folders-view) > .pane-header');
    if ((await header.getAttribute('aria-expanded', { timeout: 5000 })) === 'true') await header.click({ timeout: 5000 });
    await poll('the folders section is collapsed', async () => (await header.getAttribute('aria-expanded', { timeout: 1000 }).catch(() => null)) === 'false', {
      timeoutMs: 5_000,
    });
  }

  /** Gives the keyboard back to the active editor (after a view such as the Outline took it). */
  async focusEditor() {
    await this.runCommand('View: Focus Active Editor Group');
  }

  /**
   * The active editor's visible lines with the inlay hints drawn in them. Monaco renders a hint
   * as injected text in a span whose class is generated (`dyn-rule-N-M`); what identifies it is
   * the CSS rule behind that class, which uses the inlay hint theme colours.
   * @returns {Promise<Array<{text: string, hints: string[]}>>}
   */
  async inlayHintLines() {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-line').evaluateAll((lines) => {
      const hintClasses = new Set();
      for (const sheet of Array.from(document.styleSheets)) {
        let rules;
        try {
          rules = Array.from(sheet.cssRules);
        } catch {
          continue; // a cross-origin sheet
        }
        for (const rule of rules) {
          if (!rule.selectorText || !rule.style?.cssText.includes('--vscode-editorInlayHint-')) continue; // style rules only
          for (const match of rule.selectorText.matchAll(/\.([\w-]+)/g)) hintClasses.add(match[1]);
        }
      }
      const clean = (text) => (text ?? '').replace(/\u00a0/g, ' ');
      return lines
        .map((line) => ({
          top: Number.parseFloat(line.style.top || '0'),
          text: clean(line.textContent),
          hints: Array.from(line.querySelectorAll('span'))
            .filter((span) => Array.from(span.classList).some((name) => hintClasses.has(name)))
            .map((span) => clean(span.textContent).trim())
            .filter((text) => text !== ''),
        }))
        .sort((a, b) => a.top - b.top)
        .map(({ text, hints }) => ({ text, hints }));
    });
  }

  /** The texts of the editor hovers on screen (Ctrl+K Ctrl+I or the mouse). */
  async hoverTexts() {
    return this.page
      .locator('.monaco-editor .monaco-hover')
      .evaluateAll((hovers) => hovers.filter((hover) => hover.getClientRects().length > 0).map((hover) => hover.innerText));
  }

  /**
   * The rows of the suggest widget when it is open: the label (aria-label "pm, Reference"), and
   * the text, which holds the detail for the focused row.
   * @returns {Promise<Array<{label: string, focused: boolean, text: string}>>}
   */
  async suggestRows() {
    return this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: (row.getAttribute('aria-label') ?? '').replace(/, [^,]*$/, ''),
        focused: row.classList.contains('focused'),
        text: (row.innerText ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /**
   * The actions of the open code action menu (Ctrl+.), without its group headers.
   * @returns {Promise<Array<{title: string, focused: boolean}>>}
   */
  async codeActionRows() {
    return this.page.locator('.action-widget .monaco-list-row.action').evaluateAll((rows) =>
      rows
        .filter((row) => row.getClientRects().length > 0)
        .map((row) => ({ title: row.getAttribute('aria-label') ?? row.textContent ?? '', focused: row.classList.contains('focused') })),
    );
  }

  /** The breadcrumbs above the active editor, e.g. ["plan.crmplan.yaml", "Plan", "Phases", "build", "migration"]. */
  async breadcrumbs() {
    return this.trimmedTexts('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
  }

  /**
   * The rendered rows of the Outline view (not its sticky scroll copies): aria-label
   * "migration (function)", tree level (1 = the plan), and whether the row has the focus.
   * @returns {Promise<Array<{label: string, level: number, focused: boolean, text: string}>>}
   */
  async outlineRows() {
    return this.page.locator('.outline-pane .monaco-list-row:not(.monaco-tree-sticky-row)').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.getAttribute('aria-label') ?? '',
        level: Number(row.getAttribute('aria-level') ?? '0'),
        focused: row.classList.contains('focused'),
        text: (row.innerText ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** Runs a command from the Command Palette (F1) by its title. */
  async runCommand(title) {
    await this.pickCommand(title);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /**
   * F1, the command's title, then a click on the row with exactly that title (the first row
   * may be another command containing it: "Preferences: Color Theme" also matches "Preferences:
   * Browse Color Themes in Marketplace"). For commands that go on with a quick pick of their
   * own or reload the page; `runCommand` also waits for the palette to close.
   */
  async pickCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(title);
    await this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) })
      .first()
      .click({ timeout: 10_000 });
  }

  /** The titles of the editor tabs of all groups, e.g. "Timeline: plan.crmplan.yaml". */
  async tabTitles() {
    return this.trimmedTexts('.tabs-container .tab .label-name');
  }

  /** The trimmed texts of the elements a selector matches now ([] while the page cannot answer). */
  async trimmedTexts(selector) {
    return this.page
      .locator(selector)
      .allInnerTexts()
      .then((texts) => texts.map((text) => text.trim()))
      .catch(() => []);
  }

  /**
   * "Developer: Reload Window", then waits until the page was really replaced (a mark left on
   * the old window is gone) and the new workbench shows its editor area.
   */
  async reloadWindow() {
    await this.page.evaluate(() => {
      /** @type {{crmplanBeforeReload?: boolean}} */ (window).crmplanBeforeReload = true;
    });
    await this.pickCommand('Developer: Reload Window');
    await poll(
      'the window has reloaded',
      // While the page navigates, evaluate throws: still the old page as far as this wait goes.
      () => this.page.evaluate(() => /** @type {{crmplanBeforeReload?: boolean}} */ (window).crmplanBeforeReload !== true).catch(() => false),
      { timeoutMs: 20_000 },
    );
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 45_000 });
  }

  /**
   * "Preferences: Color Theme", then the theme by its label in the picker (e.g. "Dark High
   * Contrast"). Returns the label of the theme that was current (the picker focuses it first).
   */
  async selectColorTheme(label) {
    await this.pickCommand('Preferences: Color Theme');
    await this.page.locator('.quick-input-widget input[placeholder*="Select Color Theme"]').waitFor({ state: 'visible', timeout: 10_000 });
    const focusedLabel = () =>
      this.page
        .locator('.quick-input-list .monaco-list-row.focused .label-name')
        .first()
        .innerText({ timeout: 1000 })
        .then((text) => text.trim())
        .catch(() => '');
    const current = await poll('the color theme picker focuses the current theme', focusedLabel, { timeoutMs: 10_000 });
    await this.page.keyboard.type(label);
    await poll(`the color theme picker focuses "${label}"`, async () => (await focusedLabel()) === label, {
      timeoutMs: 10_000,
      lastSeen: focusedLabel,
    });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    return current;
  }
}

/** A pattern matching exactly this text (Playwright's `hasText` string matches any substring). */
function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
