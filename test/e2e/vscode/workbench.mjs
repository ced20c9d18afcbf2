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
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: fileName })
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

  /** Runs a command from the Command Palette (F1) by its title. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(title);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }
}
