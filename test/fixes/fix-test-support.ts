import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes, type QuickFix } from '../../server/src/fixes/index.js';
import type { ReportedFinding } from '../../server/src/analysis/analyze-plan.js';
import { analyzePlan, type PlanAnalysis } from '../../server/src/analysis/analyze-plan.js';

export const GOLDEN_DIR = path.resolve(__dirname, 'golden');

/** `# fix: <rule> | <title>` on the first lines of a golden input names the fix it applies. */
const FIX_MARKER = /^# fix: ([a-z0-9-]+) \| (.+)$/m;

export interface GoldenCase {
  readonly name: string;
  readonly inputPath: string;
  readonly expectedPath: string;
  readonly input: string;
  readonly rule: string;
  readonly title: string;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR)
    .filter((file) => file.endsWith('.input.crmplan.yaml'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.input.crmplan.yaml'.length);
      const inputPath = path.join(GOLDEN_DIR, file);
      const input = readFileSync(inputPath, 'utf8');
      const marker = FIX_MARKER.exec(input);
      if (!marker) throw new Error(`${file} has no "# fix: <rule> | <title>" line`);
      return {
        name,
        inputPath,
        expectedPath: path.join(GOLDEN_DIR, `${name}.expected.crmplan.yaml`),
        input,
        rule: marker[1] ?? '',
        title: (marker[2] ?? '').trim(),
      };
    });
}

export interface OfferedFix {
  readonly finding: ReportedFinding;
  readonly fix: QuickFix;
}

/** Every fix offered for every finding of the plan, in finding order. */
export function offeredFixes(analysis: PlanAnalysis): OfferedFix[] {
  return analysis.findings.flatMap((finding) => quickFixes(finding, analysis).map((fix) => ({ finding, fix })));
}

/** The text after the fix's edits, applied the way an editor does. */
export function applyFix(text: string, fix: QuickFix): string {
  const document = TextDocument.create('file:///golden.crmplan.yaml', 'crmplan', 1, text);
  return TextDocument.applyEdits(
    document,
    fix.edits.map((edit) => ({
      range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
      newText: edit.newText,
    })),
  );
}

export function analyze(text: string): PlanAnalysis {
  return analyzePlan(text);
}
