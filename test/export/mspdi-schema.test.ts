import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { exportMspdi } from '../../server/src/export/mspdi.js';

// Every sample's MS Project XML is checked by libxml2 (xmllint, as WebAssembly)
// against the subset of Microsoft's mspdi_pj12.xsd that the export writes.
const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = readFileSync(path.join(__dirname, 'mspdi', 'mspdi-subset.xsd'), 'utf8');
const SAMPLES = readdirSync(path.join(ROOT, 'samples')).filter((name) => name.endsWith('.crmplan.yaml'));

async function validate(xml: string): Promise<{ valid: boolean; messages: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [{ fileName: 'mspdi-subset.xsd', contents: SCHEMA }],
  });
  return { valid: result.valid, messages: result.errors.map((error) => error.rawMessage) };
}

function exported(text: string, fileName = 'plan.crmplan.yaml'): string {
  return exportMspdi(analyzePlan(text), fileName).content as string;
}

describe('MSPDI export against the schema', () => {
  it.each(SAMPLES)('%s validates', async (sample) => {
    const xml = exported(readFileSync(path.join(ROOT, 'samples', sample), 'utf8'), sample);
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    expect(await validate(xml)).toEqual({ valid: true, messages: [] });
  });

  it('validates a plan with hostile names, SS links, negative lags, a start constraint and a 0 load', async () => {
    const xml = exported(`crmplan: 1
plan:
  name: "A <b>&amp; \\"quoted\\" \\u0001 plan"
  start: 2027-01-02
  calendar: {workdays: [mon, tue, wed, thu, fri, sat], hours_per_day: 7.5, holidays: [{date: 2027-01-06, name: "Kings' <Day>"}]}
people:
  - {id: pm, name: "O'Brien & Sons <pm>", capacity: 30h/w}
phases:
  - id: p
    name: "]]> phase"
    tasks:
      - {id: a, name: "a < b", duration: 1w, assign: [{person: pm, load: 0%}]}
      - {id: b, name: b, duration: 2d, start: 2027-01-20, depends_on: [{task: a, type: SS, lag: -2d}], assign: [{person: pm, load: 3h/w}]}
      - {id: m, name: m, milestone: true, depends_on: [b]}
`);
    expect(xml).toContain('<Name>a &lt; b</Name>');
    expect(xml).not.toContain('\u0001');
    expect(await validate(xml)).toEqual({ valid: true, messages: [] });
  });

  it('exports what is scheduled from a plan with errors, says what is left out, and still validates', async () => {
    const cyclic = exportMspdi(
      analyzePlan(`crmplan: 1
plan: {name: Cycle, start: 2027-01-04}
people: [{id: pm, name: Pat}]
phases:
  - id: p
    tasks:
      - {id: a, name: A, duration: 1d, depends_on: [b]}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
      - {id: c, name: C, duration: 2d, assign: [{person: pm, load: 50%}, {person: nobody}]}
  - {id: empty, name: Empty, tasks: []}
`),
      'cycle.crmplan.yaml',
    );
    expect(cyclic.omitted).toEqual([
      "task 'a': on a dependency cycle, so it has no dates",
      "task 'b': on a dependency cycle, so it has no dates",
      "phase 'empty': no tasks, so no summary task",
      "task 'c': the assignment of 'nobody' names no person",
    ]);
    const content = cyclic.content as string;
    expect(content.match(/<Task>/g)).toHaveLength(2);
    expect(content).toContain('<Units>0.5</Units>');
    expect(await validate(content)).toEqual({ valid: true, messages: [] });

    const unscheduled = exportMspdi(analyzePlan('crmplan: 1\nplan: {name: No start}\nphases: [{id: p, tasks: [{id: a, name: A, duration: 1d}]}]\n'), 'x.crmplan.yaml');
    expect(unscheduled.omitted).toEqual(['all 1 tasks: the plan has no valid plan.start']);
    expect(unscheduled.content).not.toContain('<Tasks>');
    expect(await validate(unscheduled.content as string)).toEqual({ valid: true, messages: [] });
  });

  it('rejects a planted invalid document: the validator can fail', async () => {
    const xml = exported(readFileSync(path.join(ROOT, 'samples', SAMPLES[0]!), 'utf8'));
    // Duration before Finish breaks the xs:sequence order; a LinkLag in days is not an integer.
    const swapped = xml.replace(/(<Finish>[^<]*<\/Finish>)(\s*)(<Duration>[^<]*<\/Duration>)/, '$3$2$1');
    expect(swapped).not.toBe(xml);
    const swappedResult = await validate(swapped);
    expect(swappedResult.valid).toBe(false);
    expect(swappedResult.messages.join('\n')).toMatch(/Duration|Finish/);
    const badLag = xml.replace(/<LinkLag>[^<]*<\/LinkLag>/, '<LinkLag>1.5d</LinkLag>');
    expect(badLag).not.toBe(xml);
    expect((await validate(badLag)).valid).toBe(false);
    const noCurrency = xml.replace(/\s*<CurrencyCode>[^<]*<\/CurrencyCode>/, '');
    expect((await validate(noCurrency)).valid).toBe(false);
  });
});
