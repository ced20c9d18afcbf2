import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../client/src/preview/messages.js';
import { localIsoDate, previewContentSecurityPolicy, previewHtml } from '../../client/src/preview/preview-html.js';
import {
  barKeyFromElementId,
  collapsedPhasesFor,
  findingsSummary,
  mermaidThemeFor,
  nextZoom,
  restoredViewState,
  unavailableNotice,
} from '../../client/webview/view-state.js';
import type { Timeline, TimelinePerson, TimelineTask } from '../../server/src/render/timeline-types.js';

function task(key: string, label: string, phaseKey = 'p0'): TimelineTask {
  return {
    key, id: key, label, phaseKey, start: '2027-01-04', finish: '2027-01-08', duration: 5, milestone: false,
    critical: false, totalFloat: 0, status: null, owner: null, span: { start: 0, end: 1 },
  };
}

function timeline(taskCount: number, phaseCount: number, people: TimelinePerson[] = []): Timeline {
  const tasks = Array.from({ length: taskCount }, (_, index) => task(`t${index}`, `Task ${index}`, `p${index % phaseCount}`));
  return {
    version: 1, title: 'Plan', start: '2027-01-04', finish: '2027-03-01', workingDays: 40, weekends: ['saturday', 'sunday'], holidays: [],
    phases: Array.from({ length: phaseCount }, (_, index) => ({
      key: `p${index}`, id: `phase${index}`, label: `Phase ${index}`, start: '2027-01-04', finish: '2027-03-01', critical: false,
      taskKeys: tasks.filter((candidate) => candidate.phaseKey === `p${index}`).map((candidate) => candidate.key), span: { start: 0, end: 1 },
    })),
    tasks, weeks: ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25'], people, findings: { errors: 0, warnings: 0, infos: 0, hints: 0 },
  };
}

describe('the preview page Content Security Policy', () => {
  const csp = previewContentSecurityPolicy('https://webview.example', 'N0nce');
  const directives = new Map(csp.split('; ').map((directive) => {
    const [name, ...values] = directive.split(' ');
    return [name, values] as const;
  }));

  it('denies everything by default and runs only scripts with the nonce', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'nonce-N0nce'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:\/\/(?!webview\.example)|\*/);
  });

  it('loads styles, images and fonts only from the extension, plus the inline styles Mermaid writes', () => {
    expect(directives.get('style-src')).toEqual(['https://webview.example', "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(['https://webview.example', 'data:']);
    expect(directives.get('font-src')).toEqual(['https://webview.example']);
  });

  it('puts the policy and the nonce into the page, escaped as attributes', () => {
    const html = previewHtml({
      cspSource: 'https://webview.example',
      nonce: 'N0nce',
      mermaidScriptUri: 'https://webview.example/mermaid.min.js',
      previewScriptUri: 'https://webview.example/preview.js?a=1&b="2"',
      styleUri: 'https://webview.example/preview.css',
    });
    expect(html).toContain(`content="${csp}"`);
    expect(html.match(/<script nonce="N0nce" src=/g)).toHaveLength(2);
    expect(html).toContain('preview.js?a=1&amp;b=&quot;2&quot;');
    expect(html.indexOf('mermaid.min.js')).toBeLessThan(html.indexOf('preview.js'));
  });
});

describe('the collapsed phases', () => {
  const large = timeline(200, 4);

  it('collapses every phase of a new document above the threshold, none at or below it', () => {
    expect([...collapsedPhasesFor(large, 150, undefined)]).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(collapsedPhasesFor(large, 200, undefined).size).toBe(0);
    expect(collapsedPhasesFor(large, 150, { sameDocument: false, collapsed: new Set() }).size).toBe(4);
  });

  it('keeps what the user expanded across edits of the same document, dropping phases that are gone', () => {
    const kept = collapsedPhasesFor(timeline(200, 2), 150, { sameDocument: true, collapsed: new Set(['p1', 'p3']) });
    expect([...kept]).toEqual(['p1']);
  });
});

describe('the state restored after "Reload Window"', () => {
  it('takes back the plan, the collapsed phases and the zoom the page saved', () => {
    const restored = restoredViewState({ documentUri: 'file:///plan.crmplan.yaml', collapsedPhases: ['p1', 'p2'], zoom: 1.25 });
    expect(restored.documentUri).toBe('file:///plan.crmplan.yaml');
    expect([...(restored.collapsed ?? [])]).toEqual(['p1', 'p2']);
    expect(restored.zoom).toBe(1.25);
    // An empty list is a choice too (the user expanded everything), unlike no list at all.
    expect(restoredViewState({ collapsedPhases: [] }).collapsed?.size).toBe(0);
  });

  it('drops what an older page or damaged storage left, rather than trusting it', () => {
    for (const saved of [undefined, null, 'text', { documentUri: 'file:///a' }]) {
      expect(restoredViewState(saved).collapsed).toBeUndefined();
      expect(restoredViewState(saved).zoom).toBe(1);
    }
    const damaged = restoredViewState({ documentUri: 7, collapsedPhases: ['p1', '<img>'], zoom: 400 });
    expect(damaged).toEqual({ documentUri: undefined, collapsed: undefined, zoom: 1 });
    expect(restoredViewState({ zoom: Number.NaN }).zoom).toBe(1);
    expect(restoredViewState({ zoom: 0.25 }).zoom).toBe(0.25);
  });
});

describe('the chart helpers', () => {
  it('maps Mermaid bar and label ids back to timeline keys, and nothing else', () => {
    expect(barKeyFromElementId('crmplan-gantt-3-t12', 'crmplan-gantt-3')).toBe('t12');
    expect(barKeyFromElementId('crmplan-gantt-3-t12-text', 'crmplan-gantt-3')).toBe('t12');
    expect(barKeyFromElementId('crmplan-gantt-3-p0', 'crmplan-gantt-3')).toBe('p0');
    expect(barKeyFromElementId('crmplan-gantt-2-t12', 'crmplan-gantt-3')).toBeUndefined();
    expect(barKeyFromElementId('crmplan-gantt-3-today', 'crmplan-gantt-3')).toBeUndefined();
    expect(barKeyFromElementId('crmplan-gantt-3-exclude-2027-01-09', 'crmplan-gantt-3')).toBeUndefined();
  });

  it('follows the VS Code theme kind', () => {
    expect(mermaidThemeFor(['vscode-light'])).toBe('default');
    expect(mermaidThemeFor(['vscode-dark'])).toBe('dark');
    expect(mermaidThemeFor(['vscode-high-contrast'])).toBe('dark');
    expect(mermaidThemeFor(['vscode-high-contrast', 'vscode-high-contrast-light'])).toBe('default');
  });

  it('summarises findings and words the notice', () => {
    expect(findingsSummary({ errors: 1, warnings: 2, infos: 5, hints: 0 })).toBe('1 error, 2 warnings');
    expect(findingsSummary({ errors: 0, warnings: 0, infos: 3, hints: 1 })).toBe('No errors or warnings');
    expect(unavailableNotice('no plan.start', 'plan-errors', true)).toBe(
      'The plan has errors that prevent scheduling: no plan.start — showing the last good timeline.',
    );
    expect(unavailableNotice('the server is restarting', 'no-answer', false)).toBe(
      'No timeline from the language server: the server is restarting — no timeline to show yet.',
    );
  });

  it('zooms in steps within bounds', () => {
    expect(nextZoom(1, 'in')).toBe(1.25);
    expect(nextZoom(1, 'out')).toBe(0.8);
    expect(nextZoom(4, 'in')).toBe(4);
    expect(nextZoom(0.25, 'out')).toBe(0.25);
    expect(nextZoom(2, 'reset')).toBe(1);
  });

  it("writes the host's local date", () => {
    expect(localIsoDate(new Date(2027, 0, 4, 23, 59))).toBe('2027-01-04');
  });
});

describe('messages from the webview', () => {
  it('accepts the known shapes and drops anything else', () => {
    expect(parseWebviewMessage({ type: 'reveal', key: 't3' })).toEqual({ type: 'reveal', key: 't3' });
    expect(parseWebviewMessage({ type: 'reveal', key: 3 })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'rendered', documentUri: 'file:///p', renderedTaskBars: 4, loadRows: 2, notice: 7 })).toEqual({
      type: 'rendered', documentUri: 'file:///p', renderedTaskBars: 4, loadRows: 2, notice: undefined,
    });
    expect(parseWebviewMessage({ type: 'runCommand', command: 'x' })).toBeUndefined();
    expect(parseWebviewMessage('ready')).toBeUndefined();
    expect(parseWebviewMessage(null)).toBeUndefined();
  });
});
