import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlan, reanalyzePlan } from './analyze-plan.js';

const sample = readFileSync(resolve(__dirname, '../../../samples/connectsphere.crmplan.yaml'), 'utf8');

/** The graph and symbols as plain values (functions left out). */
function structure(analysis: ReturnType<typeof analyzePlan>): unknown {
  const { graph, symbols } = analysis;
  return JSON.parse(JSON.stringify({ edges: graph.edges, cycles: graph.cycles, order: graph.order, declarations: symbols.declarations, duplicates: symbols.duplicates }));
}

function edited(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('symbols and work graph lent by the version before', () => {
  it('are reused when an edit moves no id and no dependency (a duration), and equal a fresh analysis', () => {
    const previous = analyzePlan(sample);
    const duration = /duration: (\d+)d/.exec(sample)!;
    const text = edited(sample, duration[0], `duration: ${Number(duration[1]) + 1}d`);
    const { graph, symbols } = previous;
    const next = reanalyzePlan(previous, text);
    expect(next.graph).toBe(graph);
    expect(next.symbols).toBe(symbols);
    expect(structure(next)).toEqual(structure(analyzePlan(text)));
    expect(next.schedule).toEqual(analyzePlan(text).schedule);
  });

  it('are built again when a dependency, an id or a span before them changes', () => {
    const dependency = /depends_on: \[([a-z0-9-]+)/.exec(sample)!;
    const cases = [
      // A dependency names another id (of the same length): same declarations, other graph.
      { text: edited(sample, dependency[0], `depends_on: [${dependency[1]!.slice(0, -1)}x`), symbols: true },
      // An id renamed.
      { text: edited(sample, '- id: form-team', '- id: form-the-team'), symbols: false },
      // Text grows before every item: every span moves.
      { text: `# a comment\n${sample}`, symbols: false },
    ];
    for (const { text, symbols } of cases) {
      const base = analyzePlan(sample);
      const next = reanalyzePlan(base, text);
      expect(next.graph).not.toBe(base.graph);
      expect(next.symbols === base.symbols).toBe(symbols);
      expect(structure(next)).toEqual(structure(analyzePlan(text)));
    }
  });
});
