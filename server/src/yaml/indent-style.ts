import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { column } from './lines.js';

/** How a file indents: the step of a nested mapping, and of a list under its key (0 for `key:\n- item`). */
export interface IndentStyle {
  readonly unit: number;
  readonly sequenceIndent: number;
}

/**
 * The indentation style of a YAML text, from its AST (`root` is the
 * document's contents): for every `key:` whose value is a block collection,
 * how far right of the key the value starts. The most common step wins, so
 * one odd block does not decide for the file (ties: the smaller step); a
 * file that nests only lists takes their step; 2 when nothing is nested yet.
 */
export function detectIndentStyle(root: unknown, text: string): IndentStyle {
  const mapSteps = new Map<number, number>();
  const sequenceSteps = new Map<number, number>();
  const count = (table: Map<number, number>, step: number): void => {
    table.set(step, (table.get(step) ?? 0) + 1);
  };
  // An explicit stack, not recursion: nesting is bounded by the parse limits, but a walk need not rely on it.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      pending.push(...node.items);
      continue;
    }
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      const value = pair.value as Node | null;
      const valueStart = value && (isMap(value) || isSeq(value)) && !value.flow ? value.range?.[0] : undefined;
      if (keyStart !== undefined && valueStart !== undefined && valueStart > keyStart) {
        const step = column(text, valueStart) - column(text, keyStart);
        if (isSeq(value) && step >= 0) count(sequenceSteps, step);
        else if (isMap(value) && step > 0) count(mapSteps, step);
      }
      pending.push(value);
    }
  }
  const mostCommon = (table: Map<number, number>, accept: (step: number) => boolean): number | undefined => {
    let best: number | undefined;
    let bestCount = 0;
    for (const [step, seen] of table) {
      if (accept(step) && (seen > bestCount || (seen === bestCount && best !== undefined && step < best))) {
        best = step;
        bestCount = seen;
      }
    }
    return best;
  };
  const unit = mostCommon(mapSteps, () => true) ?? mostCommon(sequenceSteps, (step) => step > 0) ?? 2;
  return { unit, sequenceIndent: mostCommon(sequenceSteps, () => true) ?? unit };
}
