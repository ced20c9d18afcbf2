import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { analyzePlan, type AnalysisSettings } from '../../analysis/analyze-plan.js';
import { hover } from './hover.js';
import { inlayHints } from './inlay-hints.js';

// Working days from Mon 2027-01-04 (0); the status date Wed 2027-01-13 is 7.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04, status_date: 2027-01-13}
phases:
  - id: p
    tasks:
      - {id: design, name: Design, duration: 5d, actual_start: 2027-01-04, actual_finish: 2027-01-12}
      - {id: config, name: Configuration, duration: 10d, actual_start: 2027-01-04, progress: 40%}
      - {id: training, name: Training, duration: 2d}
      - {id: uat, name: UAT, duration: 2d, depends_on: [config]}
`;
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function analysed(text: string, settings: AnalysisSettings = {}) {
  return { analysis: analyzePlan(text, settings), document: TextDocument.create('file:///p.crmplan.yaml', 'crmplan', 1, text) };
}

function hoverOn(id: string, text = PLAN, settings: AnalysisSettings = {}): string {
  const { analysis, document } = analysed(text, settings);
  const result = hover(analysis, document, document.positionAt(text.indexOf(`id: ${id}`) + 5), { ruleDocsBase: 'file:///r/' });
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('progress in the hover', () => {
  it('shows progress, the state as of the status date, actual and planned dates', () => {
    const config = hoverOn('config');
    // R = ceil(0.6 x 10) = 6 from T = 7: e = 13, finishing Wed 2027-01-20; planned 0..9, Fri 2027-01-15.
    expect(config).toContain('Finish: Wed 2027-01-20');
    expect(config).toContain('Progress: 40% — started, 6 working days left as of Wed 2027-01-13');
    expect(config).toContain('Actual: started Mon 2027-01-04');
    expect(config).toContain('Planned: Mon 2027-01-04 → Fri 2027-01-15 — finish 3 working days later than planned');
    const design = hoverOn('design');
    expect(design).toContain('Progress: finished as of Wed 2027-01-13');
    expect(design).toContain('Actual: started Mon 2027-01-04, finished Tue 2027-01-12');
    expect(design).toContain('Planned: Mon 2027-01-04 → Fri 2027-01-08 — finish 2 working days later than planned');
    expect(hoverOn('training')).toContain('Progress: not started as of Wed 2027-01-13');
  });

  it('says today in the editor, and shows nothing of progress for a plan without progress data', () => {
    const withoutDate = PLAN.replace(', status_date: 2027-01-13', '');
    expect(hoverOn('config', withoutDate, { today: '2027-01-13' })).toContain('as of today, Wed 2027-01-13');
    const plain = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 2d}
`;
    expect(hoverOn('a', plain, { today: '2027-01-13' })).not.toMatch(/Progress|Planned|Actual/);
  });
});

describe('progress in the inlay hints', () => {
  it('starts the label with the progress', () => {
    const { analysis, document } = analysed(PLAN);
    const labels = inlayHints(analysis, document, WHOLE).map((hint) => hint.label);
    expect(labels).toEqual(['done · Jan 4 -> Jan 12', '40% · Jan 4 -> Jan 20 · critical', 'Jan 13 -> Jan 14', 'Jan 21 -> Jan 22 · critical']);
    const tooltip = inlayHints(analysis, document, WHOLE)[1]?.tooltip;
    expect(tooltip).toContain('Started: 6 working days of 10 working days left.');
  });
});
