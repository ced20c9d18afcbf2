import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Span, Spanned } from '../../model/types.js';
import { formatDuration } from '../../model/values.js';
import { asMap, entry } from '../../model/yaml-nodes.js';
import type { PlanAnalysis } from '../../analysis/analyze-plan.js';
import { spanToRange } from '../diagnostics.js';
import { contentSpan, isEmpty, isNodeValue } from '../../parse/syntax-nodes.js';
import { trimmedSpan } from '../../yaml/node-at-span.js';

/**
 * The outline and breadcrumbs of a plan:
 *
 *   <plan name>                       Module
 *     People > <person id>            Namespace > Object     (detail: name · role)
 *     Objectives > <objective id>     Namespace > Key        (detail: statement)
 *     Phases > <phase id>             Namespace > Package    (detail: name)
 *       <task id>                     Function, or Event for a milestone (detail: name · duration)
 *     Risks > <risk id>               Namespace > Struct     (detail: title)
 *     Communications > <id>           Namespace > String     (detail: audience · frequency)
 *
 * `range` is the whole item without the comments and blank lines after it,
 * `selectionRange` the id. A section appears when its key is written, even
 * empty. Half-typed items are shown rather than skipped, so the outline
 * follows the typing: an item without an id is named by its position,
 * `(task 3)`, and selected at its name (or its first character).
 */
export function documentSymbols(analysis: PlanAnalysis, document: TextDocument): DocumentSymbol[] {
  const { model, parsed } = analysis;
  const root = asMap(parsed.doc.contents);
  const rootSpan = root && contentSpan(parsed.text, root);
  if (!root || !rootSpan) return [];
  const text = parsed.text;
  const itemRange = (span: Span): Span => trimmedSpan(text, root, span);

  const symbol = (
    name: string,
    kind: SymbolKind,
    range: Span,
    selection: Span,
    detail?: string,
    children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name,
    kind,
    range: spanToRange(document, range),
    selectionRange: spanToRange(document, selection),
    ...(detail ? { detail: oneLine(detail) } : {}),
    ...(children ? { children } : {}),
  });

  const item = (
    label: string,
    position: number,
    kind: SymbolKind,
    node: { id?: Spanned<string>; span: Span },
    fallbackSelection: Span | undefined,
    detail: string | undefined,
    children?: DocumentSymbol[],
  ): DocumentSymbol => {
    const range = itemRange(node.span);
    const selection = node.id?.span ?? fallbackSelection ?? { start: range.start, end: range.start };
    return symbol(node.id?.value ?? `(${label} ${position + 1})`, kind, range, selection, detail, children);
  };

  const section = (key: string, title: string, children: DocumentSymbol[]): DocumentSymbol[] => {
    const found = entry(root, key);
    const keyRange = found?.keyNode.range;
    if (!found || !keyRange) return [];
    const value = isNodeValue(found.value) && !isEmpty(found.value) ? contentSpan(text, found.value) : undefined;
    const keySpan = { start: keyRange[0], end: keyRange[1] };
    return [symbol(title, SymbolKind.Namespace, { start: keySpan.start, end: value?.end ?? keySpan.end }, keySpan, undefined, children)];
  };

  const people = model.people.map((person, index) =>
    item('person', index, SymbolKind.Object, person, person.name?.span, joined(person.name?.value, person.role?.value)),
  );
  const objectives = model.objectives.map((objective, index) =>
    item('objective', index, SymbolKind.Key, objective, objective.statement?.span, objective.statement?.value),
  );
  const phases = model.phases.map((phase, phaseIndex) => {
    const tasks = phase.taskIndexes.flatMap((taskIndex, position) => {
      const task = model.tasks[taskIndex];
      if (!task) return [];
      // `0d` is a milestone too, as the schedule treats it (contract: D = 0).
      const isMilestone = task.milestone || task.duration?.value.amount === 0;
      const length = isMilestone ? 'milestone' : task.duration && formatDuration(task.duration.value);
      return [
        item(
          'task',
          position,
          isMilestone ? SymbolKind.Event : SymbolKind.Function,
          task,
          task.name?.span,
          joined(task.name?.value, length),
        ),
      ];
    });
    return item('phase', phaseIndex, SymbolKind.Package, phase, phase.name?.span, phase.name?.value, tasks);
  });
  const risks = model.risks.map((risk, index) =>
    item('risk', index, SymbolKind.Struct, risk, risk.title?.span, risk.title?.value),
  );
  const communications = model.communications.map((communication, index) =>
    item(
      'communication',
      index,
      SymbolKind.String,
      communication,
      communication.audience?.span,
      joined(communication.audience?.value, communication.frequency?.value),
    ),
  );

  // VS Code rejects a symbol with an empty name.
  const planName = model.plan.name?.value.trim() || 'plan';
  const planSelection = model.plan.name?.span ?? model.plan.keySpan ?? { start: rootSpan.start, end: rootSpan.start };
  return [
    symbol(planName, SymbolKind.Module, rootSpan, planSelection, model.plan.organization?.value, [
      ...section('people', 'People', people),
      ...section('objectives', 'Objectives', objectives),
      ...section('phases', 'Phases', phases),
      ...section('risks', 'Risks', risks),
      ...section('communications', 'Communications', communications),
    ]),
  ];
}

function joined(...parts: (string | undefined)[]): string | undefined {
  const present = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return present.length > 0 ? present.join(' · ') : undefined;
}

/** Folded and literal scalars keep their line breaks; a detail is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
