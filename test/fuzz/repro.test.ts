import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPRO_FOLDER, keptInputs } from './fuzz-run.js';

/**
 * Every file in test/fuzz/repro/ is a regression test: a reproducer the
 * long run wrote (its .json: the property and the exact input) passes its
 * property, and a plan kept there by hand (a .crmplan.yaml alone) passes
 * every property. The folder is never empty: it holds the reproducers of
 * bugs the fuzz suite found, and seed samples of hostile input.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const kept = keptInputs(ROOT);

describe('fuzz reproducers', () => {
  it('keeps reproducers of found bugs and hand-made hostile plans', () => {
    expect(kept.filter((input) => input.file.endsWith('.json')).length).toBeGreaterThan(0);
    expect(kept.filter((input) => input.file.endsWith('.crmplan.yaml')).length).toBeGreaterThan(0);
  });

  for (const { file, properties, input } of kept) {
    it(`${file}: ${properties.map((property) => property.name).join(', ')}`, () => {
      expect(input.text.length, 'an empty reproducer tests nothing').toBeGreaterThan(0);
      for (const property of properties) expect(() => property.check(input), property.name).not.toThrow();
    });
  }

  it('writes each reproducer\'s text beside its .json, for a person and for `crmplan check`', () => {
    for (const { file, input } of kept.filter((entry) => entry.file.endsWith('.json'))) {
      const yamlFile = path.join(ROOT, ...REPRO_FOLDER, file.replace(/\.json$/, '.crmplan.yaml'));
      // UTF-8 cannot hold a lone surrogate: the .yaml then has U+FFFD where the .json has the exact text.
      expect(readFileSync(yamlFile, 'utf8'), file).toBe(Buffer.from(input.text, 'utf8').toString('utf8'));
    }
  });
});
