import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../server/src/service/language-service.js';

/**
 * Bad input never crashes anything: every sample, cut and damaged in many
 * seeded ways (as a plan looks while it is being typed), goes through the
 * whole analysis and every editor feature at many positions without an
 * exception, and every finding's span stays inside the text.
 */
const SAMPLES = path.resolve(__dirname, '..', 'samples');
const texts = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.crmplan.yaml'))
  .map((name) => readFileSync(path.join(SAMPLES, name), 'utf8'));

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const NOISE = [':', '-', ' ', '\n', '  ', '[', ']', '{', '}', '"', "'", '#', '&a', '*a', '!!str', '\t', 'x', '0', '%', '|', '>', '\u00e9', '\ud83d\ude80', '\r\n'];

function damage(text: string, random: () => number): string {
  let damaged = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * damaged.length);
    const roll = random();
    if (roll < 0.3) damaged = damaged.slice(0, at) + damaged.slice(at + 1 + Math.floor(random() * 40));
    else if (roll < 0.6) damaged = damaged.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + damaged.slice(at);
    else if (roll < 0.75) damaged = damaged.slice(0, at);
    else {
      // Swap two lines: indentation and order problems.
      const lines = damaged.split('\n');
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      damaged = lines.join('\n');
    }
  }
  return damaged;
}

describe('robustness', () => {
  it('survives damaged plans in the analysis and every editor feature', () => {
    const random = seededRandom(20261122);
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/rules/' });
    let checked = 0;
    for (const [sampleIndex, sample] of texts.entries()) {
      for (let variant = 0; variant < 40; variant++) {
        const text = damage(sample, random);
        const document = TextDocument.create(`file:///robust/${sampleIndex}-${variant}.crmplan.yaml`, 'crmplan', 1, text);
        const context = `sample ${sampleIndex} variant ${variant}`;
        const diagnostics = service.validate(document);
        for (const diagnostic of diagnostics) {
          expect(diagnostic.range.start.line, context).toBeLessThanOrEqual(document.lineCount);
          expect(typeof diagnostic.code, context).toBe('string');
          expect(diagnostic.message.length, context).toBeGreaterThan(0);
        }
        service.documentSymbols(document);
        service.codeActions(document, { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } }, { diagnostics });
        service.foldingRanges(document);
        service.inlayHints(document, { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } });
        for (let probe = 0; probe < 8; probe++) {
          const position = document.positionAt(Math.floor(random() * (text.length + 1)));
          service.hover(document, position);
          service.completion(document, position);
          service.definition(document, position);
          service.references(document, position, true);
          service.documentHighlights(document, position);
          service.prepareRename(document, position);
          service.rename(document, position, 'renamed-id');
          service.selectionRanges(document, [position]);
        }
        checked++;
      }
    }
    expect(checked).toBe(texts.length * 40);
  });

  it('handles an empty file, a lone scalar, a list and deeply nested flow collections', () => {
    const service = new LanguageService({ ruleDocsBase: 'file:///docs/rules/' });
    const nested = `${'['.repeat(500)}${']'.repeat(500)}`;
    for (const text of ['', '\n', 'just text', '- a\n- b\n', 'crmplan: 1\nplan:\n', nested, 'a: &x [*x]\n', '\ufeffcrmplan: 1\n']) {
      const document = TextDocument.create('file:///robust/edge.crmplan.yaml', 'crmplan', 1, text);
      expect(() => service.validate(document)).not.toThrow();
      expect(() => service.hover(document, { line: 0, character: 0 })).not.toThrow();
      expect(() => service.documentSymbols(document)).not.toThrow();
    }
  });
});
