import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_NAMES } from '../server/src/rules/index.js';
import { expectedFindings, runFixture } from '../server/src/testing/fixtures.js';

/**
 * samples/with-problems/ holds plans that are wrong on purpose: together
 * they show every rule of the contract. Each file's findings (all rules,
 * default settings) must be exactly its `# expect: <rule>` markers, so the
 * folder doubles as an end-to-end check of the rules on realistic text.
 */
const FOLDER = path.resolve(__dirname, '..', 'samples', 'with-problems');
const files = readdirSync(FOLDER)
  .filter((name) => /\.crmplan\.ya?ml$/.test(name))
  .sort();

describe('samples/with-problems', () => {
  it('has the every-rule plan and its companions', () => {
    expect(files).toContain('every-rule.crmplan.yaml');
    expect(files).toContain('yaml-syntax.crmplan.yaml');
  });

  for (const file of files) {
    it(`${file}: the findings are exactly the # expect markers`, () => {
      const text = readFileSync(path.join(FOLDER, file), 'utf8');
      const { actual, expected } = runFixture(text, { rules: RULE_NAMES });
      expect(actual).toEqual(expected);
      // Each file says in its first comment that it is wrong on purpose.
      expect(text).toMatch(/^# THIS PLAN IS WRONG ON PURPOSE/);
    });
  }

  it('shows every rule of the contract at least once', () => {
    const shown = new Set(
      files.flatMap((file) => expectedFindings(readFileSync(path.join(FOLDER, file), 'utf8')).map((entry) => entry.rule)),
    );
    expect(RULE_NAMES.filter((rule) => !shown.has(rule))).toEqual([]);
    expect([...shown].filter((rule) => !(RULE_NAMES as readonly string[]).includes(rule))).toEqual([]);
  });

  it('every-rule.crmplan.yaml alone shows every rule but the two that need a file of their own', () => {
    const text = readFileSync(path.join(FOLDER, 'every-rule.crmplan.yaml'), 'utf8');
    const shown = new Set(runFixture(text, { rules: RULE_NAMES }).findings.map((finding) => finding.rule));
    expect(RULE_NAMES.filter((rule) => !shown.has(rule))).toEqual(['yaml-syntax', 'no-objectives']);
  });
});
