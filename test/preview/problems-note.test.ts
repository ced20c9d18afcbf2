import { describe, expect, it } from 'vitest';
import { PROBLEMS_PANEL_LIMIT, problemsPanelNote } from '../../client/webview/view-state.js';

describe("the preview's note on the Problems panel's count", () => {
  it('says nothing while VS Code lists every problem of the file', () => {
    expect(problemsPanelNote({ errors: 0, warnings: 1000, infos: 0, hints: 0 })).toBeUndefined();
    expect(problemsPanelNote({ errors: 2, warnings: 3, infos: 4, hints: 5 })).toBeUndefined();
  });

  it("explains 1,051 warnings against the panel's 1,000: VS Code's per-file limit, which counts infos and hints too", () => {
    expect(PROBLEMS_PANEL_LIMIT).toBe(1000);
    expect(problemsPanelNote({ errors: 0, warnings: 1051, infos: 0, hints: 0 })).toBe(
      "the Problems panel lists 1,000 of these 1,051 problems (VS Code's limit per file, errors first)",
    );
    expect(problemsPanelNote({ errors: 1, warnings: 990, infos: 5, hints: 5 })).toBe(
      "the Problems panel lists 1,000 of these 1,001 problems (VS Code's limit per file, errors first)",
    );
  });
});
