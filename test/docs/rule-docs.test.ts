import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { RULE_NAMES } from '../../server/src/rules/rule-names.js';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'crmplan.schema.json'), 'utf8')) as {
  definitions: { rules: { properties: Record<string, unknown> } };
};

describe('rule documentation', () => {
  it('registers every rule of the contract, each once, in the contract order', () => {
    expect(ALL_RULES.map((rule) => rule.name)).toEqual([...RULE_NAMES]);
  });

  it('lists every rule name of the contract in the schema so plans can configure it', () => {
    expect(Object.keys(schema.definitions.rules.properties).sort()).toEqual([...RULE_NAMES].sort());
  });

  for (const rule of ALL_RULES) {
    it(`${rule.name}: has a page, a fixture test and a README row that agree with the code`, () => {
      const page = path.join(ROOT, 'docs', 'rules', `${rule.name}.md`);
      expect(existsSync(page), `${page} is missing`).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${rule.name}\n`)).toBe(true);
      expect(text).toContain(`**Default severity:** ${rule.defaultSeverity}`);
      // Each rule says where it comes from: a roadmap in seeds/ or the contract.
      expect(text).toMatch(/## Why[\s\S]*(seeds\/|[Ss]eed `?\d{3}|crmplan-format\.md)/);
      expect(existsSync(path.join(ROOT, 'server', 'src', 'rules', `${rule.name}.test.ts`))).toBe(true);
      expect(readme).toContain(`| [${rule.name}](docs/rules/${rule.name}.md) | ${rule.defaultSeverity} |`);
    });
  }
});
