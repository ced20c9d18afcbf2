import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { pngFormat } from '../../server/src/export/png.js';
import { svgFormat } from '../../server/src/export/svg.js';
import { buildTimeline } from '../../server/src/render/timeline-model.js';
import { generatePlan } from '../../bench/generate-plan.js';

// The SVG and PNG exports, read back by parsers nobody here wrote:
// fast-xml-parser for the SVG, pngjs for the PNG.

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = readdirSync(path.join(ROOT, 'samples'))
  .filter((name) => name.endsWith('.crmplan.yaml'))
  .map((name) => path.join('samples', name));
const HOSTILE = path.join('test', 'fixtures', 'hostile-names.crmplan.yaml');

function exportOf(file: string, format = svgFormat, options: Record<string, string> = {}) {
  const analysis = analyzePlan(readFileSync(path.join(ROOT, file), 'utf8'));
  return { analysis, result: format.run(analysis, { fileName: path.basename(file), options: new Map(Object.entries(options)) }) };
}

interface SvgElement {
  readonly [key: string]: unknown;
}

/** The text of an element: fast-xml-parser gives a text-only element as its string. */
function textOf(element: unknown): string {
  if (typeof element === 'string' || typeof element === 'number') return String(element);
  if (element !== null && typeof element === 'object') {
    const text = (element as SvgElement)['#text'];
    return Array.isArray(text) ? text.join('') : text === undefined ? '' : String(text);
  }
  return '';
}

/** Every element named `name` anywhere below `node`, in document order. */
function elements(node: unknown, name: string, found: SvgElement[] = []): SvgElement[] {
  if (Array.isArray(node)) {
    for (const item of node) elements(item, name, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === name) {
        for (const item of Array.isArray(value) ? value : [value]) found.push(item as SvgElement);
      }
      elements(value, name, found);
    }
  }
  return found;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: () => true, processEntities: true, htmlEntities: true, trimValues: false }); // htmlEntities: numeric references (&#13;) too

describe('svg export', () => {
  for (const file of [...SAMPLES, HOSTILE]) {
    it(`${file}: a well-formed SVG with a bar or diamond per scheduled task, its name in a tooltip`, () => {
      const { analysis, result } = exportOf(file);
      const svg = String(result.content);
      expect(XMLValidator.validate(svg)).toBe(true);
      const document = parser.parse(svg) as unknown;
      const [root] = elements(document, 'svg');
      expect(root).toBeDefined();
      const timeline = buildTimeline(analysis)!;
      // Every task and phase label comes back exactly (escaping round-trips).
      const titles = elements(document, 'title').map(textOf);
      for (const task of timeline.tasks) expect(titles).toContain(task.label);
      for (const phase of timeline.phases) expect(titles).toContain(phase.label);
      // One shape with a tooltip per scheduled task, plus one bar per scheduled phase.
      const shapesWithTooltips = [...elements(document, 'rect'), ...elements(document, 'path')].filter((shape) => shape['title'] !== undefined);
      const scheduledTasks = timeline.tasks.filter((task) => task.start !== null).length;
      const scheduledPhases = timeline.phases.filter((phase) => phase.start !== null).length;
      expect(shapesWithTooltips).toHaveLength(scheduledTasks + scheduledPhases);
      expect(result.omitted).toEqual([]);
    });
  }

  it('places a bar at its dates: a later task is further right, a longer one wider', () => {
    const text = `crmplan: 1
plan: {name: Bars, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: First, duration: 2d}
      - {id: b, name: Second, duration: 4d, depends_on: [a]}
`;
    const analysis = analyzePlan(text);
    const svg = String(svgFormat.run(analysis, { fileName: 'bars.crmplan.yaml', options: new Map() }).content);
    const bars = elements(parser.parse(svg), 'rect').filter((rect) => /^(First|Second):/.test(textOf(elements(rect, 'title')[0])));
    expect(bars).toHaveLength(2);
    const [first, second] = bars.map((bar) => ({ x: Number(bar['x']), width: Number(bar['width']) }));
    // Mon Jan 4 + 2 working days ends Tue Jan 5; Second runs Wed Jan 6 to Mon Jan 11 (over the weekend).
    const dayWidth = first!.width / 2;
    expect(second!.x - first!.x).toBeCloseTo(2 * dayWidth);
    expect(second!.width).toBeCloseTo(6 * dayWidth);
  });

  it('a plan without plan.start exports nothing and says why', () => {
    const analysis = analyzePlan('crmplan: 1\nplan: {name: X}\nphases:\n  - id: p\n    tasks:\n      - {id: a, duration: 1d}\n');
    const result = svgFormat.run(analysis, { fileName: 'x.crmplan.yaml', options: new Map() });
    expect(result.content).toBe('');
    expect(result.omitted).toEqual(['the plan has no valid plan.start, so nothing can be drawn']);
  });

  it('lists tasks on a cycle as omitted and still draws the rest', () => {
    const text = `crmplan: 1
plan: {name: Cycle, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, duration: 1d, depends_on: [b]}
      - {id: b, duration: 1d, depends_on: [a]}
      - {id: c, name: Free, duration: 1d}
`;
    const result = svgFormat.run(analyzePlan(text), { fileName: 'c.crmplan.yaml', options: new Map() });
    expect(result.omitted).toEqual(["task 'a': on a dependency cycle, so it has no dates", "task 'b': on a dependency cycle, so it has no dates"]);
    expect(String(result.content)).toContain('<title>Free: 2027-01-04 (critical)</title>');
  });

  it('draws each phase as one bar above --collapse-over tasks, so a 2,000-task plan stays a picture of its phases', () => {
    const analysis = analyzePlan(generatePlan(2_000));
    const timeline = buildTimeline(analysis)!;
    const svg = String(svgFormat.run(analysis, { fileName: 'big.crmplan.yaml', options: new Map() }).content);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height).toBeLessThan((timeline.phases.length + 10) * 22 + 200);
    const expanded = String(svgFormat.run(analysis, { fileName: 'big.crmplan.yaml', options: new Map([['collapse-over', '20000']]) }).content);
    expect(Number(/height="(\d+)"/.exec(expanded)![1])).toBeGreaterThan(2_000 * 22);
  });
});

describe('png export', () => {
  beforeAll(async () => {
    await pngFormat.prepare!();
  });

  it('is a PNG of the SVG picture\'s size, not blank, with the bars\' colours', () => {
    const file = 'samples/connectsphere.crmplan.yaml';
    const svg = String(exportOf(file).result.content);
    const { result } = exportOf(file, pngFormat);
    expect(result.omitted).toEqual([]);
    const image = PNG.sync.read(Buffer.from(result.content as Uint8Array));
    expect(image.width).toBe(Number(/width="(\d+)"/.exec(svg)![1]));
    expect(image.height).toBe(Number(/height="(\d+)"/.exec(svg)![1]));
    const colours = new Map<number, number>();
    for (let offset = 0; offset < image.data.length; offset += 4) {
      const rgb = (image.data[offset]! << 16) | (image.data[offset + 1]! << 8) | image.data[offset + 2]!;
      colours.set(rgb, (colours.get(rgb) ?? 0) + 1);
    }
    expect(colours.size).toBeGreaterThan(20);
    // The task and critical colours of render/timeline-svg.ts fill whole bars.
    expect(colours.get(0x4a78c2) ?? 0).toBeGreaterThan(500);
    expect(colours.get(0xc2410c) ?? 0).toBeGreaterThan(500);
    // Text is drawn (the font ships with crmplan): dark glyph pixels in the label column.
    let darkInLabels = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < 300; x++) {
        const offset = (y * image.width + x) * 4;
        if (image.data[offset]! < 80 && image.data[offset + 1]! < 80 && image.data[offset + 2]! < 80) darkInLabels++;
      }
    }
    expect(darkInLabels).toBeGreaterThan(1000);
  });

  it('scales a huge picture down instead of exhausting memory, and says so', () => {
    const analysis = analyzePlan(generatePlan(1_000));
    const result = pngFormat.run(analysis, { fileName: 'big.crmplan.yaml', options: new Map([['collapse-over', '100000']]) });
    const image = PNG.sync.read(Buffer.from(result.content as Uint8Array));
    expect(image.width * image.height).toBeLessThanOrEqual(16_000_000);
    expect(result.omitted.join('\n')).toMatch(/scaled by 0\.\d\d to stay under 16 million pixels/);
  });
});
