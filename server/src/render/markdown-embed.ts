import { markdownFence } from './markdown-text.js';

/**
 * Timelines embedded in a Markdown file (`crmplan gantt --embed`, the
 * editor's Markdown preview). A block is the text between an opening and a
 * closing marker, each alone on its line:
 *
 *     <!-- crmplan:gantt plans/rollout.crmplan.yaml collapse-over=50 -->
 *     ```mermaid
 *     gantt
 *     ...
 *     ```
 *     <!-- /crmplan:gantt -->
 *
 * HTML comments, so GitHub shows only the chart between them. Everything
 * outside the blocks is kept byte for byte; markers inside a fenced code
 * block (a README explaining the syntax) are text, not blocks.
 */
export interface EmbedBlock {
  /** the plan's path as written, relative to the Markdown file */
  readonly plan: string;
  /** `collapse-over=N`: draw phases collapsed when the plan has more than N tasks */
  readonly collapseOver: number | undefined;
  /** 1-based line of the opening marker */
  readonly line: number;
  /** the text between the markers: from after the opening marker's line break to the closing marker's line */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** the opening marker's line break (`\r\n` or `\n`), used for the block's lines */
  readonly lineBreak: string;
}

export type EmbedScan =
  | { readonly blocks: readonly EmbedBlock[] }
  | { readonly problem: string; readonly line: number };

const OPENING = /^ {0,3}<!--\s*crmplan:gantt(?:\s+(.*?))?\s*-->\s*$/;
const CLOSING = /^ {0,3}<!--\s*\/crmplan:gantt\s*-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

interface Line {
  readonly text: string;
  readonly start: number;
  /** offset after the line break */
  readonly end: number;
  readonly lineBreak: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), start, end: match.index + match[0].length, lineBreak: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), start, end: text.length, lineBreak: '' });
  return lines;
}

/** Every block of a Markdown text, or the first problem with its marker's line. */
export function scanEmbedBlocks(text: string): EmbedScan {
  const blocks: EmbedBlock[] = [];
  let open: { plan: string; collapseOver: number | undefined; line: number; contentStart: number; lineBreak: string } | undefined;
  let fence: string | undefined;
  const lines = splitLines(text);
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    if (open) {
      // Inside a block only the closing marker counts: the block's own fence is crmplan's.
      if (CLOSING.test(line.text)) {
        blocks.push({ ...open, contentEnd: line.start });
        open = undefined;
      } else if (OPENING.test(line.text)) {
        return { problem: `the crmplan:gantt marker of line ${open.line} is not closed before the next one (add <!-- /crmplan:gantt -->)`, line: open.line };
      }
      continue;
    }
    const fenceMatch = FENCE.exec(line.text);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && line.text.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (CLOSING.test(line.text)) return { problem: `line ${lineNumber} closes a crmplan:gantt block that was never opened`, line: lineNumber };
    const opening = OPENING.exec(line.text);
    if (!opening) continue;
    const parsed = parseEmbedSpec(opening[1] ?? '');
    if ('problem' in parsed) {
      const problem = parsed.problem === 'it names no plan' ? `${parsed.problem} (<!-- crmplan:gantt PATH -->)` : parsed.problem;
      return { problem: `the crmplan:gantt marker of line ${lineNumber}: ${problem}`, line: lineNumber };
    }
    if (line.lineBreak === '') return { problem: `the crmplan:gantt marker of line ${lineNumber} is not closed (add <!-- /crmplan:gantt -->)`, line: lineNumber };
    open = { ...parsed, line: lineNumber, contentStart: line.end, lineBreak: line.lineBreak };
  }
  if (open) return { problem: `the crmplan:gantt marker of line ${open.line} is not closed (add <!-- /crmplan:gantt -->)`, line: open.line };
  return { blocks };
}

/** The text after `crmplan:gantt` when `line` is an opening marker (`''` when it names nothing), else undefined. */
export function openingMarkerSpec(line: string): string | undefined {
  const opening = OPENING.exec(line.replace(/\r?\n$/, ''));
  return opening ? (opening[1] ?? '') : undefined;
}

/**
 * `PLAN [collapse-over=N]` (a marker's text, a `crmplan-gantt` block's
 * first line); PLAN may be in double quotes (a path with spaces).
 */
export function parseEmbedSpec(text: string): { plan: string; collapseOver: number | undefined } | { problem: string } {
  const words = [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  const [plan, ...options] = words;
  if (plan === undefined || plan === '') return { problem: 'it names no plan' };
  let collapseOver: number | undefined;
  for (const option of options) {
    const match = /^collapse-over=(\d+)$/.exec(option);
    if (!match) return { problem: `unknown option '${option}' (options: collapse-over=N)` };
    collapseOver = Number(match[1]);
  }
  return { plan, collapseOver };
}

/** What goes between the markers: the chart as a fenced `mermaid` block, in the block's line breaks. */
export function embedBlockContent(mermaid: string, lineBreak: string): string {
  return markdownFence('mermaid', mermaid).join(lineBreak) + lineBreak;
}

/** The text with each block's content replaced (`contents[i]` for `blocks[i]`); the rest untouched. */
export function replaceEmbedBlocks(text: string, blocks: readonly EmbedBlock[], contents: readonly string[]): string {
  let result = '';
  let position = 0;
  for (const [index, block] of blocks.entries()) {
    result += text.slice(position, block.contentStart) + contents[index]!;
    position = block.contentEnd;
  }
  return result + text.slice(position);
}
