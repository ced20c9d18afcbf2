import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidPlanWithAliases } from '../../server/src/schema/unreadable-yaml-test-plans.js';
import { crmplan } from './cli-process.js';

/**
 * YAML a plan cannot use (many aliases, keys that are not text) never
 * switches the schema check off and never makes a library print on stderr.
 */
function planFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'crmplan-yaml-')), name);
  writeFileSync(file, text);
  return file;
}

describe('crmplan check on YAML a plan cannot use', () => {
  for (const count of [100, 10_000]) {
    it(`reports the schema errors of a plan with ${count.toLocaleString('en-US')} aliases and exits 1, with nothing on stderr`, () => {
      const result = crmplan(['check', planFile('aliases.crmplan.yaml', invalidPlanWithAliases(count))]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/:1:10 error Crmplan must be 1\. \[schema\]$/m);
      expect(result.stdout).toMatch(/:4:10 error Invalid plan\.start 'banana'\..* \[schema\]$/m);
      const tooMany = / error Too many aliases: at most 1,000 alias expansions are read; the rest of the plan is checked without them\. \[schema\]$/m;
      if (count > 1000) expect(result.stdout).toMatch(tooMany);
      else expect(result.stdout).not.toMatch(tooMany);
    });
  }

  it('reports a key that is not text and prints no warning of the YAML library', () => {
    const text = 'crmplan: 1\nplan: {name: Keys, start: 2027-01-04}\n? [a, b]\n: 1\n';
    const result = crmplan(['check', planFile('keys.crmplan.yaml', text)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/:3:3 error Keys must be plain text\. \[schema\]$/m);
    expect(result.stdout).not.toMatch(/\[object Object\]|undefined|stringified/);
  });
});
