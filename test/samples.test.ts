import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../server/src/analysis/analyze-plan.js';

const SAMPLES = path.resolve(__dirname, '..', 'samples');
const sampleFiles = readdirSync(SAMPLES).filter((name) => /\.crmplan\.ya?ml$/.test(name));

/** The GitHub-style anchors of docs/sources.md's headings. */
const SOURCE_ANCHORS = [...readFileSync(path.join(SAMPLES, '..', 'docs', 'sources.md'), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
  match[1]!.trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'),
);

describe('samples', () => {
  it('has the five plans drawn from the seed roadmaps', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of sampleFiles) {
    it(`${file} is clean under every rule`, () => {
      const text = readFileSync(path.join(SAMPLES, file), 'utf8');
      const { findings, model } = analyzePlan(text);
      expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
      // A real plan, not a stub: people, phases with tasks, and a source cited in docs/sources.md.
      expect(model.people.length).toBeGreaterThan(0);
      expect(model.tasks.length).toBeGreaterThan(10);
      const cited = /^#\s+see docs\/sources\.md#([a-z0-9-]+)$/m.exec(text)?.[1];
      expect(cited, 'a "see docs/sources.md#..." line in the header').toBeDefined();
      expect(SOURCE_ANCHORS).toContain(cited);
    });
  }
});
