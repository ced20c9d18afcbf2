import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULE_MODULES, RULE_NAMES } from '../../server/src/rules/index.js';
import { anchors, links } from './markdown.js';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const sourceAnchors = anchors(readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8'));
/** Rules about the file format itself: they cite the format page, not a roadmap. */
const FORMAT_RULES: ReadonlySet<string> = new Set(['yaml-syntax', 'schema', 'limits']);

/** The section `## Why` of a rule page, up to the next `## ` heading. */
function whySection(page: string): string {
  const start = page.indexOf('\n## Why\n');
  if (start < 0) return '';
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'crmplan.schema.json'), 'utf8')) as {
  definitions: { rules: { properties: Record<string, unknown> } };
};

describe('rule documentation', () => {
  it('registers every rule folder once, by its folder name, with the fix of its own rule', () => {
    const rulesDir = path.join(ROOT, 'server', 'src', 'rules');
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(rulesDir, entry.name, 'rule.ts')))
      .map((entry) => entry.name);
    expect([...RULE_NAMES].sort()).toEqual(folders.sort());
    expect(new Set(RULE_NAMES).size).toBe(RULE_NAMES.length);
    expect(ALL_RULES.map((rule) => rule.name)).toEqual([...RULE_NAMES]);
    for (const module of RULE_MODULES) {
      if (module.fix) expect(module.fix.rule).toBe(module.rule.name);
      expect(existsSync(path.join(rulesDir, module.rule.name, 'fix.ts'))).toBe(module.fix !== undefined);
    }
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
      // Each rule says where it comes from: a source of docs/sources.md, by a heading that
      // exists there, or, for the format's own rules, the format page.
      const cited = links(whySection(text)).map((link) => link.target);
      if (FORMAT_RULES.has(rule.name)) {
        expect(cited).toContain('../format.md');
      } else {
        const sources = cited.filter((target) => target.startsWith('../sources.md#'));
        expect(sources, 'the Why section cites no source of docs/sources.md').not.toEqual([]);
        for (const target of sources) expect(sourceAnchors, target).toContain(target.slice('../sources.md#'.length));
      }
      expect(existsSync(path.join(ROOT, 'server', 'src', 'rules', rule.name, 'rule.test.ts'))).toBe(true);
      expect(readme).toContain(`| [${rule.name}](docs/rules/${rule.name}.md) | ${rule.defaultSeverity} |`);
    });
  }
});
