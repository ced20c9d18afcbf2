import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCrmplanGrammar, type PlanTokenizer } from './load-crmplan-grammar.js';

const here = __dirname;

interface ScopeAssertion {
  /** 1-based line of the fixture the assertion tests (for messages). */
  fixtureLine: number;
  /** Index of the tested line among the lines left after removing assertion lines. */
  sourceIndex: number;
  columns: number[];
  required: string[];
  forbidden: string[];
}

const assertionLine = /^\s*#\s*(\^+)\s+(\S.*)$/;

/** Splits a fixture into the plan text and the caret assertions written under its lines. */
function parseFixture(text: string): { source: string[]; assertions: ScopeAssertion[] } {
  const source: string[] = [];
  const assertions: ScopeAssertion[] = [];
  text.split('\n').forEach((line, index) => {
    const match = assertionLine.exec(line);
    if (match === null) {
      source.push(line);
      return;
    }
    const carets = match[1] ?? '';
    const start = line.indexOf(carets);
    const words = (match[2] ?? '').trim().split(/\s+/);
    assertions.push({
      fixtureLine: index + 1,
      sourceIndex: source.length - 1,
      columns: Array.from({ length: carets.length }, (_, offset) => start + offset),
      required: words.filter((word) => !word.startsWith('!')),
      forbidden: words.filter((word) => word.startsWith('!')).map((word) => word.slice(1)),
    });
  });
  return { source, assertions };
}

/** TextMate selector semantics: `a.b` matches the scope `a.b` and `a.b.c`, not `a.bc`. */
function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(`${selector}.`);
}

function checkFixture(tokenizer: PlanTokenizer, fixtureName: string): string[] {
  const { source, assertions } = parseFixture(readFileSync(path.join(here, 'fixtures', fixtureName), 'utf8'));
  const lines = tokenizer.tokenizeLines(source);
  const failures: string[] = [];
  for (const assertion of assertions) {
    const tokenized = lines[assertion.sourceIndex];
    if (tokenized === undefined) {
      failures.push(`${fixtureName}:${assertion.fixtureLine}: assertion before the first line`);
      continue;
    }
    for (const column of assertion.columns) {
      const token = tokenized.tokens.find((candidate) => candidate.startIndex <= column && column < candidate.endIndex);
      const scopes = token?.scopes ?? [];
      const text = token === undefined ? '' : tokenized.line.slice(token.startIndex, token.endIndex);
      const missing = assertion.required.filter((selector) => !scopes.some((scope) => scopeMatches(scope, selector)));
      // Only token scopes count: the root scope and meta.* regions (say, a comment inside a
      // dependency list) may name crmplan without highlighting anything.
      const tokenScopes = scopes.slice(1).filter((scope) => !scope.startsWith('meta.'));
      const present = assertion.forbidden.filter((part) => tokenScopes.some((scope) => scope.includes(part)));
      if (missing.length > 0 || present.length > 0) {
        failures.push(
          `${fixtureName}:${assertion.fixtureLine} column ${column} (token ${JSON.stringify(text)} in ` +
            `${JSON.stringify(tokenized.line)}): missing [${missing.join(', ')}], unexpected [${present.join(', ')}]; ` +
            `scopes: ${scopes.join(' ')}`,
        );
        break;
      }
    }
  }
  if (assertions.length === 0) {
    failures.push(`${fixtureName} has no assertions`);
  }
  return failures;
}

describe('crmplan TextMate grammar over VS Code YAML', () => {
  let tokenizer: PlanTokenizer;
  beforeAll(async () => {
    tokenizer = await loadCrmplanGrammar();
  });

  it('meets every expectation written in the highlighting fixture', () => {
    expect(checkFixture(tokenizer, 'highlighting.crmplan.yaml')).toEqual([]);
  });

  it('scopes an id, a duration, a date and a kind, and leaves comments and strings to YAML', () => {
    const [idLine, durationLine, dateLine, kindLine, commentLine, stringLine] = tokenizer.tokenizeLines([
      '- id: data-migration.v2',
      '  duration: 3d',
      '  start: 2027-02-01',
      '  kind: uat',
      '  # duration: 3d',
      "  name: '2027-02-01'",
    ]);
    const crmplanScopes = (scopes: string[]): string[] =>
      scopes.filter((scope) => scope.endsWith('.crmplan') && scope !== 'source.crmplan');
    const scopesOf = (line: typeof idLine, text: string): string[] => {
      const column = line?.line.indexOf(text) ?? -1;
      const token = line?.tokens.find((candidate) => candidate.startIndex <= column && column < candidate.endIndex);
      return token?.scopes ?? [];
    };
    expect(scopesOf(idLine, 'data-migration.v2')).toContain('entity.name.type.id.crmplan');
    expect(scopesOf(durationLine, '3d')).toContain('constant.numeric.duration.crmplan');
    expect(scopesOf(dateLine, '2027-02-01')).toContain('constant.other.date.crmplan');
    expect(scopesOf(kindLine, 'uat')).toContain('support.constant.kind.crmplan');
    expect(scopesOf(commentLine, '3d')).toContain('comment.line.number-sign.yaml');
    expect(crmplanScopes(scopesOf(commentLine, '3d'))).toEqual([]);
    expect(scopesOf(stringLine, '2027-02-01')).toContain('string.quoted.single.yaml');
    expect(crmplanScopes(scopesOf(stringLine, '2027-02-01'))).toEqual([]);
  });

  it('keeps the YAML structure intact after crmplan tokens (keys stay keys)', () => {
    const lines = tokenizer.tokenizeLines([
      'tasks:',
      '  - id: a',
      '    depends_on:',
      '      - b',
      '  - id: c',
      '    name: d',
    ]);
    const keyScopes = (index: number, key: string): string[] => {
      const line = lines[index];
      const column = line?.line.indexOf(key) ?? -1;
      return line?.tokens.find((token) => token.startIndex <= column && column < token.endIndex)?.scopes ?? [];
    };
    expect(keyScopes(4, 'id')).toContain('entity.name.tag.yaml');
    expect(keyScopes(4, 'id')).not.toContain('meta.dependencies.crmplan');
    expect(keyScopes(5, 'name')).toContain('entity.name.tag.yaml');
  });
});
