import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { EXPORTED_PLANS, ROOT, runExport } from './export-test-support.js';

type IcalModule = (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'];
let ICAL: IcalModule;
beforeAll(async () => {
  ICAL = (await import('ical.js')).default;
});

/**
 * Half-typed plans (every sample cut off at many places, which leaves
 * broken YAML, missing keys, dangling references and cycles) never make an
 * export throw, and what comes out still parses.
 */
describe('exports of damaged plans', () => {
  for (const file of EXPORTED_PLANS) {
    it(`${file} cut at 40 places: ics, csv and jira-csv never throw and always parse`, () => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (let cut = 1; cut <= 40; cut++) {
        const analysis = analyzePlan(text.slice(0, Math.floor((text.length * cut) / 40)));
        const fileName = path.basename(file);
        for (const options of [{}, { 'every-task': 'true' }] as Record<string, string>[]) {
          const ics = runExport('ics', analysis, fileName, options).content;
          expect(() => new ICAL.Component(ICAL.parse(ics))).not.toThrow();
        }
        for (const format of ['csv', 'jira-csv']) {
          const csv = runExport(format, analysis, fileName).content.replace(/^\uFEFF/, '');
          expect(() => parse(csv, { relax_column_count: false })).not.toThrow();
        }
      }
    });
  }
});
