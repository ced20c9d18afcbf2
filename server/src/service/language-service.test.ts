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
});
