import { analyzePlan, type AnalysisSettings, type ReportedFinding } from '../analysis/analyze-plan.js';

/**
 * Inline fixtures in the style of TaskJuggler's test plans: the expectation
 * sits next to the line it is about. A line ending in
 * `# expect: unknown-reference, schema` says that exactly these rules
 * report a finding starting on that line (a rule may be repeated to expect
 * it twice).
 */
export interface ExpectedFinding {
  readonly line: number;
  readonly rule: string;
}

const EXPECT_MARKER = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

export function expectedFindings(text: string): ExpectedFinding[] {
  const expected: ExpectedFinding[] = [];
  text.split('\n').forEach((line, index) => {
    const match = EXPECT_MARKER.exec(line);
    if (!match) return;
    for (const rule of (match[1] ?? '').split(',')) expected.push({ line: index + 1, rule: rule.trim() });
  });
  return expected;
}

export interface FixtureResult {
  readonly expected: string[];
  readonly actual: string[];
  /** The findings of the compared rules, in document order. */
  readonly findings: readonly ReportedFinding[];
}

/**
 * Runs the analysis and lists expected and actual `line: rule` pairs,
 * sorted, so a test can compare them with one `toEqual` and print a diff.
 * Only the rules named in `rules` are compared (default: the rules the
 * fixture mentions), so a fixture for one rule is not disturbed by others.
 */
export function runFixture(text: string, options: { rules?: readonly string[]; settings?: AnalysisSettings } = {}): FixtureResult {
  const expectedList = expectedFindings(text);
  const compared = new Set(options.rules ?? expectedList.map((entry) => entry.rule));
  const analysis = analyzePlan(text, options.settings);
  const lineOf = lineIndex(text);
  // Every rule runs; only the compared ones are returned, so `findings[0]`
  // stays this fixture's finding when other rules (no-objectives, ...) fire too.
  const findings = analysis.findings.filter((finding) => compared.has(finding.rule));
  const actual = findings.map((finding) => `${lineOf(finding.span.start)}: ${finding.rule}`);
  const expected = expectedList.filter((entry) => compared.has(entry.rule)).map((entry) => `${entry.line}: ${entry.rule}`);
  return { expected: expected.sort(byLine), actual: actual.sort(byLine), findings };
}

function byLine(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** Removes the `|` cursor marker and returns its offset. */
export function withCursor(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0) throw new Error('fixture has no | cursor marker');
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), offset };
}
