/**
 * Seeded random edits of plan text, as a person types, deletes, indents and
 * pastes: the input of the differential test of the incremental analysis.
 * Deterministic for a seed, so a failure names its seed and step.
 */
export { seededRandom } from '../../server/src/schedule/schedule-test-support.js';

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: string;
}

const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789        ::--__[]{},#\'"\n\t%&*!|>';
const WORDS = ['owner', 'p1', 'duration', '3d', '2w', 'depends_on', 'kickoff', 'id', 'name', 'x', 'task', 'lag', 'SS', 'FS', '50%', '8h/w', 'null', 'true', '2027-03-01', 'Ünïcødé', '😀', 'a: b', '- ', '[a, b]', '{task: t1}', '# note', '"quoted: text"', "'single'"];

export function randomEdit(text: string, random: () => number): Edit {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const offset = (): number => Math.floor(random() * (text.length + 1));
  const lineStarts: number[] = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineStart = (): number => pick(lineStarts);
  const lineEnd = (from: number): number => {
    const newline = text.indexOf('\n', from);
    return newline < 0 ? text.length : newline;
  };
  const roll = random();
  if (roll < 0.2) {
    const at = offset();
    return { start: at, end: at, text: pick(CHARACTERS.split('')), kind: 'type a character' };
  }
  if (roll < 0.3) {
    const at = offset();
    return { start: at, end: at, text: pick(WORDS), kind: 'type a word' };
  }
  if (roll < 0.45) {
    // The common edit: a new value in place of an old one (a duration, so the schedule moves).
    const values = [...text.matchAll(/(?:duration|lag|load|capacity|owner|start): *([^\s,}\]#]+)/g)];
    const found = values.length > 0 ? pick(values) : undefined;
    if (found?.index !== undefined && found[1] !== undefined) {
      const start = found.index + found[0].length - found[1].length;
      const replacement = pick([`${1 + Math.floor(random() * 40)}d`, `${1 + Math.floor(random() * 9)}w`, 'p0', '25%', '2027-02-01', '', 'zz']);
      return { start, end: start + found[1].length, text: replacement, kind: 'replace a value' };
    }
  }
  if (roll < 0.6) {
    const start = offset();
    const length = random() < 0.7 ? 1 + Math.floor(random() * 5) : Math.floor(random() * 200);
    return { start, end: Math.min(text.length, start + length), text: '', kind: 'delete' };
  }
  if (roll < 0.68) {
    const at = lineStart();
    let indent = 0;
    while (text[at + indent] === ' ') indent++;
    if (random() < 0.5 || indent === 0) return { start: at, end: at, text: '  ', kind: 'indent' };
    return { start: at, end: at + Math.min(indent, 2), text: '', kind: 'dedent' };
  }
  if (roll < 0.78) {
    // Enter at the end of a line, keeping its indentation, then maybe a key.
    const start = lineStart();
    const end = lineEnd(start);
    let indent = 0;
    while (text[start + indent] === ' ') indent++;
    const typed = random() < 0.5 ? '' : pick(['owner: p1', 'duration: 2d', 'x', '- id: n1', 'milestone: true', 'depends_on: []']);
    return { start: end, end, text: `\n${' '.repeat(indent)}${typed}`, kind: 'new line' };
  }
  if (roll < 0.86) {
    // Paste a copy of a few lines at a line start.
    const from = lineStart();
    let to = from;
    const count = 1 + Math.floor(random() * 8);
    for (let line = 0; line < count && to < text.length; line++) to = lineEnd(to) + 1;
    const at = lineStart();
    return { start: at, end: at, text: text.slice(from, Math.min(to, text.length)), kind: 'paste lines' };
  }
  if (roll < 0.9) {
    const at = text.indexOf('\n', offset());
    if (at > 0 && text[at - 1] !== '\r') return { start: at, end: at, text: '\r', kind: 'CRLF' };
    if (at > 0) return { start: at - 1, end: at, text: '', kind: 'LF' };
  }
  if (roll < 0.95) {
    const start = lineStart();
    return { start, end: Math.min(text.length, lineEnd(start) + 1), text: '', kind: 'delete a line' };
  }
  const start = offset();
  const end = Math.min(text.length, start + Math.floor(random() * 30));
  return { start, end, text: pick(WORDS), kind: 'replace a selection' };
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
