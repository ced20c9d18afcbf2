import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols } from './document-symbols.js';
import { describeRange, plan } from './feature-test-support.js';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** One line per symbol: indentation for depth, `name [Kind] — detail`. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} [${KIND_NAMES.get(symbol.kind)}]${symbol.detail ? ` — ${symbol.detail}` : ''}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

function find(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol | undefined {
  for (const symbol of symbols) {
    if (symbol.name === name) return symbol;
    const inner = find(symbol.children ?? [], name);
    if (inner) return inner;
  }
  return undefined;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** What VS Code checks: a non-empty name, selectionRange inside range, children inside their parent. */
function checkInvariants(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    expect(symbol.name.trim()).not.toBe('');
    expect(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`).toBe(true);
    if (parent) expect(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`).toBe(true);
    checkInvariants(symbol.children ?? [], symbol);
  }
}

const PLAN = `# ConnectSphere-like plan
crmplan: 1
plan:
  name: ConnectSphere CRM rollout
  organization: Global Goods Inc.
  start: 2027-01-04
  sponsor: ceo
people:
  - id: ceo
    name: Margaret Ellison
    role: Project Sponsor
  - id: crm-admin
    name: Lucy Tran
objectives:
  - id: user-adoption
    statement: >
      85% of target users actively use
      the CRM within 30 days of launch
    due: 30d after go-live
phases:
  - id: planning
    name: Planning & Assessment
    tasks:
      - id: kickoff
        name: Kickoff meeting
        duration: 1d
      - id: requirements
        name: Requirements workshops
        duration: 2w

  # Deployment comes last.
  - id: deployment
    name: Deployment & Training
    tasks:
      - id: go-live
        name: Core go-live
        milestone: true
risks:
  - id: r01
    title: Low user adoption
communications:
  - id: steering
    audience: Steering committee
    frequency: monthly
rules:
  no-pilot: off
`;

describe('documentSymbols', () => {
  it('gives the plan > sections > items outline with kinds and details', () => {
    const { analysis, document } = plan(PLAN);
    expect(outline(documentSymbols(analysis, document))).toEqual([
      'ConnectSphere CRM rollout [Module] — Global Goods Inc.',
      '  People [Namespace]',
      '    ceo [Object] — Margaret Ellison · Project Sponsor',
      '    crm-admin [Object] — Lucy Tran',
      '  Objectives [Namespace]',
      '    user-adoption [Key] — 85% of target users actively use the CRM within 30 days of launch',
      '  Phases [Namespace]',
      '    planning [Package] — Planning & Assessment',
      '      kickoff [Function] — Kickoff meeting · 1d',
      '      requirements [Function] — Requirements workshops · 2w',
      '    deployment [Package] — Deployment & Training',
      '      go-live [Event] — Core go-live · milestone',
      '  Risks [Namespace]',
      '    r01 [Struct] — Low user adoption',
      '  Communications [Namespace]',
      '    steering [String] — Steering committee · monthly',
    ]);
  });

  it('selects the id and spans the whole item, without the blank line and comment after it', () => {
    const { analysis, document } = plan(PLAN);
    const symbols = documentSymbols(analysis, document);
    checkInvariants(symbols);
    const planning = find(symbols, 'planning')!;
    expect(describeRange(document, planning.selectionRange)).toBe('21:planning');
    expect(document.getText(planning.range)).toBe(
      'id: planning\n    name: Planning & Assessment\n    tasks:\n      - id: kickoff\n        name: Kickoff meeting\n        duration: 1d\n      - id: requirements\n        name: Requirements workshops\n        duration: 2w',
    );
    const phases = find(symbols, 'Phases')!;
    expect(describeRange(document, phases.selectionRange)).toBe('20:phases');
    expect(phases.range.start.line + 1).toBe(20);
    expect(phases.range.end.line + 1).toBe(37);
    const root = symbols[0]!;
    expect(describeRange(document, root.selectionRange)).toBe('4:ConnectSphere CRM rollout');
    expect(root.range.start.line + 1).toBe(2);
    expect(root.range.end.line + 1).toBe(46);
  });

  it('shows half-typed items by position and skips nothing that has a mapping', () => {
    const { analysis, document } = plan(`crmplan: 1
plan:
  start: 2027-01-04
people:
  - name: Someone
phases:
  - id: p
    tasks:
      - id: a
        name: A
      - name: Not yet named
        duration: 1d
      - duration:
      -
risks:
`);
    const symbols = documentSymbols(analysis, document);
    checkInvariants(symbols);
    expect(outline(symbols)).toEqual([
      'plan [Module]',
      '  People [Namespace]',
      '    (person 1) [Object] — Someone',
      '  Phases [Namespace]',
      '    p [Package]',
      '      a [Function] — A',
      '      (task 2) [Function] — Not yet named · 1d',
      '      (task 3) [Function]',
      '  Risks [Namespace]',
    ]);
    expect(describeRange(document, find(symbols, '(task 2)')!.selectionRange)).toBe('11:Not yet named');
  });

  it('is empty for a file that is not a mapping', () => {
    for (const text of ['', '# only a comment\n', '- a\n- b\n']) {
      const { analysis, document } = plan(text);
      expect(documentSymbols(analysis, document)).toEqual([]);
    }
  });

  it('keeps VS Code invariants on the samples', () => {
    const samples = path.resolve(__dirname, '../../../../samples');
    const files = readdirSync(samples).filter((file) => file.endsWith('.crmplan.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { analysis, document } = plan(readFileSync(path.join(samples, file), 'utf8'));
      const symbols = documentSymbols(analysis, document);
      checkInvariants(symbols);
      expect(find(symbols, 'Phases')?.children?.length).toBeGreaterThan(0);
      expect(countSymbols(symbols)).toBeGreaterThan(20);
      expectNoOverlap(document, symbols);
    }
  });
});

function countSymbols(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((total, symbol) => total + 1 + countSymbols(symbol.children ?? []), 0);
}

/** Siblings do not overlap (breadcrumbs pick one). */
function expectNoOverlap(document: TextDocument, symbols: readonly DocumentSymbol[]): void {
  for (let index = 1; index < symbols.length; index++) {
    const previous = symbols[index - 1]!;
    const current = symbols[index]!;
    expect(document.offsetAt(previous.range.end)).toBeLessThanOrEqual(document.offsetAt(current.range.start));
  }
  for (const symbol of symbols) expectNoOverlap(document, symbol.children ?? []);
}

describe('documentSymbols milestones', () => {
  it('shows a task of 0d as a milestone, as the schedule treats it', () => {
    const { analysis, document } = plan(`crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: signed, name: Contract signed, duration: 0d}
      - {id: work, name: Work, duration: 2d}
`);
    const lines = outline(documentSymbols(analysis, document));
    expect(lines).toContain('      signed [Event] — Contract signed · milestone');
    expect(lines).toContain('      work [Function] — Work · 2d');
  });
});
