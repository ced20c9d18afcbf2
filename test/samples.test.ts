import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../server/src/analysis/analyze-plan.js';

const SAMPLES = path.resolve(__dirname, '..', 'samples');
const sampleFiles = readdirSync(SAMPLES).filter((name) => /\.crmplan\.ya?ml$/.test(name));

describe('samples', () => {
  it('has the five plans drawn from the seed roadmaps', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of sampleFiles) {
    it(`${file} is clean under every rule`, () => {
      const text = readFileSync(path.join(SAMPLES, file), 'utf8');
      const { findings, model } = analyzePlan(text);
      expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
      // A real plan, not a stub: people, phases with tasks, and a source comment.
      expect(model.people.length).toBeGreaterThan(0);
      expect(model.tasks.length).toBeGreaterThan(10);
      expect(text).toMatch(/^# Source: .*seed/m);
    });
  }
});
