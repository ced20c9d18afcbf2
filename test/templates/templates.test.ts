import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { quickFixes } from '../../server/src/fixes/index.js';
import {
  DEFAULT_TEMPLATE_ID,
  nextMonday,
  PLAN_TEMPLATES,
  planFileName,
  planFromTemplate,
  planNameProblem,
  planTemplate,
  startDateProblem,
  templateName,
} from '../../server/src/shared/plan-templates.js';
// @ts-expect-error -- a plain ESM build script without type declarations
import { generatedModule } from '../../scripts/generate-templates.mjs';

const ROOT = path.resolve(__dirname, '..', '..');

/** Monday, Friday, Saturday, Sunday, a leap day, Christmas Eve, New Year's Eve, the first and last days plans may use: any day must do. */
export const TEMPLATE_STARTS = ['2027-01-04', '2027-01-08', '2027-01-09', '2027-01-10', '2028-02-29', '2027-12-24', '2027-12-31', '1900-01-01', '2999-12-31'];

/** Names that plain YAML would misread or choke on, and some that it would not. */
export const TEMPLATE_NAMES = [
  'Acme CRM rollout',
  'Acme: CRM rollout',
  '"Quoted" rollout',
  "O'Brien & Sons' CRM",
  '- starts like a list item',
  '# looks like a comment',
  'yes',
  '2027',
  '[not, a, list]',
  '{not: a map}',
  'back\\slash and $dollar ${1:snippet}',
  'Ünïcödé — 日本語のCRM 🚀',
  'name with  # hash',
  '  padded  ',
  '@at *star &amp !bang %percent `tick`',
];

describe('plan templates', () => {
  it('are the five roadmaps and a minimal plan, the minimal one first (the default)', () => {
    expect(PLAN_TEMPLATES.map((template) => template.id)).toEqual([
      'minimal',
      'connectsphere',
      'eight-stage-transformation',
      'five-phase-project',
      'launch-90-day',
      'mid-market-8-week',
    ]);
    expect(PLAN_TEMPLATES[0]?.id).toBe(DEFAULT_TEMPLATE_ID);
    for (const template of PLAN_TEMPLATES) {
      expect(template.title.length).toBeGreaterThan(0);
      expect(template.about).not.toContain('\n');
    }
  });

  it('module is generated from templates/*.crmplan.yaml and up to date (npm run templates)', () => {
    const current = readFileSync(path.join(ROOT, 'server/src/shared/plan-templates.generated.ts'), 'utf8');
    expect(current).toBe(generatedModule());
    for (const template of PLAN_TEMPLATES) {
      expect(readFileSync(path.join(ROOT, 'templates', `${template.id}.crmplan.yaml`), 'utf8')).toBe(template.text);
    }
  });

  it('each cite a section of docs/sources.md that exists', () => {
    const sources = readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8');
    const anchors = new Set([...sources.matchAll(/^#+ (.+)$/gm)].map((match) => match[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const template of PLAN_TEMPLATES) {
      const anchor = template.source.replace('docs/sources.md#', '');
      expect(anchors, template.id).toContain(anchor);
    }
  });

  it('are clean under every rule, whatever the start day and the name', () => {
    for (const template of PLAN_TEMPLATES) {
      for (const [index, start] of TEMPLATE_STARTS.entries()) {
        const name = TEMPLATE_NAMES[index % TEMPLATE_NAMES.length]!;
        const text = planFromTemplate(template, name, start);
        const findings = analyzePlan(text).findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`);
        expect(findings, `${template.id} starting ${start}`).toEqual([]);
      }
    }
  });

  it('write the name as a YAML scalar that reads back as the name, and leave the rest of the text alone', () => {
    const template = planTemplate('minimal')!;
    for (const name of TEMPLATE_NAMES) {
      expect(planNameProblem(name)).toBeUndefined();
      const text = planFromTemplate(template, name, '2027-03-01');
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      expect(doc.getIn(['plan', 'name'])).toBe(name.trim());
      expect(doc.getIn(['plan', 'start'])).toBe('2027-03-01');
      expect(analyzePlan(text).findings).toEqual([]);
      const lines = text.split('\n');
      const original = template.text.split('\n');
      expect(lines.length).toBe(original.length);
      expect(lines.filter((line, index) => line !== original[index])).toHaveLength(2);
    }
  });

  it('with their own name and start are the template files as they are', () => {
    for (const template of PLAN_TEMPLATES) {
      const start = template.text.slice(template.start.start, template.start.end);
      expect(planFromTemplate(template, templateName(template), start)).toBe(template.text);
    }
  });

  it('refuse names that cannot be written on one line, and dates that are no days', () => {
    for (const name of ['', '   ', 'two\nlines', 'carriage\rreturn', 'bell\u0007', 'line\u2028separator']) {
      expect(planNameProblem(name), JSON.stringify(name)).toMatch(/./);
    }
    for (const date of ['2027-02-30', '2027-13-01', '27-01-04', '2027-1-4', 'next monday', '', '2027-01-04T00:00', '1899-12-31', '3000-01-01']) {
      expect(startDateProblem(date), date).toMatch(/not a date a plan can start on/);
    }
    expect(startDateProblem('2028-02-29')).toBeUndefined();
  });

  it('start by default on the next Monday', () => {
    expect(nextMonday('2027-02-10')).toBe('2027-02-15'); // a Wednesday
    expect(nextMonday('2027-02-15')).toBe('2027-02-22'); // a Monday: the one after
    expect(nextMonday('2027-02-14')).toBe('2027-02-15'); // a Sunday
    expect(nextMonday('2027-12-29')).toBe('2028-01-03');
    expect(nextMonday('not a date')).toBeUndefined();
  });

  it('name their files after the plan', () => {
    expect(planFileName('Acme CRM rollout')).toBe('acme-crm-rollout.crmplan.yaml');
    expect(planFileName('Ünïcödé: Café 2027!')).toBe('unicode-cafe-2027.crmplan.yaml');
    expect(planFileName('日本語')).toBe('plan.crmplan.yaml');
    expect(planFileName('x'.repeat(100))).toBe(`${'x'.repeat(60)}.crmplan.yaml`);
  });
});

describe('the walkthrough quick fix on a new plan', () => {
  it('works on every template: [kickof] is reported and "Change \'kickof\' to \'kickoff\'" makes the plan clean again', () => {
    for (const template of PLAN_TEMPLATES) {
      const clean = planFromTemplate(template, templateName(template), '2027-01-04');
      const needle = 'depends_on: [kickoff]';
      expect(clean, template.id).toContain(needle);
      const broken = clean.replace(needle, 'depends_on: [kickof]');
      const analysis = analyzePlan(broken);
      const findings = analysis.findings.filter((finding) => finding.rule === 'unknown-reference');
      expect(findings, template.id).toHaveLength(1);
      const fix = quickFixes(findings[0]!, analysis).find((candidate) => candidate.title === "Change 'kickof' to 'kickoff'");
      expect(fix, template.id).toBeDefined();
      const [edit, ...more] = fix!.edits;
      expect(more).toEqual([]);
      expect(broken.slice(0, edit!.span.start) + edit!.newText + broken.slice(edit!.span.end)).toBe(clean);
    }
  });
});
