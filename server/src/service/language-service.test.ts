import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './language-service.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [ghost]}
`;

describe('LanguageService', () => {
  it('caches one analysis per URI and version', () => {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/' });
    const document = TextDocument.create('file:///a.crmplan.yaml', 'crmplan', 1, PLAN);
    const first = service.analyze(document);
    expect(service.analyze(document)).toBe(first);
    const next = TextDocument.create('file:///a.crmplan.yaml', 'crmplan', 2, PLAN.replace('ghost', 'p'));
    const second = service.analyze(next);
    expect(second).not.toBe(first);
    expect(second.findings.some((finding) => finding.rule === 'unknown-reference')).toBe(false);
  });

  it('between an edit and its validation, features keep the settings the document was validated with', () => {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/' });
    const document = TextDocument.create('file:///b.crmplan.yaml', 'crmplan', 1, PLAN);
    expect(service.validate(document, { rules: { 'unknown-reference': 'off' } }).some((d) => d.code === 'unknown-reference')).toBe(false);
    const edited = TextDocument.create('file:///b.crmplan.yaml', 'crmplan', 2, `${PLAN}# edited\n`);
    const range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const actions = service.codeActions(edited, range, { diagnostics: [] });
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.some((action) => action.diagnostics?.some((diagnostic) => diagnostic.code === 'unknown-reference'))).toBe(false);
  });

  it('re-parses a new version from the previous one', () => {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/' });
    service.analyze(TextDocument.create('file:///c.crmplan.yaml', 'crmplan', 1, PLAN));
    const edited = service.analyze(TextDocument.create('file:///c.crmplan.yaml', 'crmplan', 2, PLAN.replace('duration: 1d', 'duration: 4d')));
    expect(edited.parsed.origin).toBe('incremental');
    expect(edited.model.tasks[0]?.duration?.value).toEqual({ amount: 4, unit: 'd' });
  });

  it('stops an analysis in steps when a newer text arrived, and keeps its parse for the next version', async () => {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/' });
    const uri = 'file:///d.crmplan.yaml';
    await service.validateInSteps(TextDocument.create(uri, 'crmplan', 1, PLAN), {}, () => Promise.resolve(true));
    let steps = 0;
    const stopAfterParse = (): Promise<boolean> => Promise.resolve(++steps < 1);
    const stale = TextDocument.create(uri, 'crmplan', 2, PLAN.replace('ghost', 'p'));
    expect(await service.validateInSteps(stale, {}, stopAfterParse)).toBeUndefined();
    expect(steps).toBe(1);
    // Version 3 is re-parsed from version 2's parse, which the stopped analysis kept.
    const newest = TextDocument.create(uri, 'crmplan', 3, PLAN.replace('ghost', 'p').replace('name: A', 'name: B'));
    const diagnostics = await service.validateInSteps(newest, {}, () => Promise.resolve(true));
    expect(diagnostics?.some((diagnostic) => diagnostic.code === 'unknown-reference')).toBe(false);
    expect(service.analyze(newest).parsed.origin).toBe('incremental');
  });
});
