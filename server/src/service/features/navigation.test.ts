import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { describeRange, planWithCursor } from './feature-test-support.js';
import { documentHighlights, findDefinition, findDefinitionLinks, findReferences, prepareRename, rename } from './navigation.js';

// Line numbers in the expectations are 1-based, as the editor shows them.
const PLAN = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  sponsor: ceo
  manager: pm
people:
  - id: pm
    name: Dana
  - {id: ceo, name: Ceo}
objectives:
  - id: adoption
    owner: pm
    due: 30d after go-live
phases:
  - id: setup
    owner: pm
    tasks:
      - id: kickoff
        name: Kickoff
        duration: 1d
      - id: config # kickoff comes first
        name: Configure
        duration: 2w
        depends_on: [kickoff, setup]
        assign:
          - {person: pm, load: 50%}
      - id: go-live
        name: Go live
        milestone: true
        depends_on:
          - config
          - {task: kickoff, lag: 1d}
  - id: rollout
    depends_on: setup
    tasks:
      - id: train
        name: Train
        duration: 1d
        depends_on: 'go-live'
risks:
  - id: r1
    title: Data loss
    owner: pm
communications:
  - id: weekly
    audience: All
rules:
  no-pilot: off
`;

/** The plan with the cursor placed by replacing `from` with `to` (which contains `|`). */
function at(from: string, to: string) {
  expect(PLAN).toContain(from);
  return planWithCursor(PLAN.replace(from, to));
}

describe('findDefinition', () => {
  it('goes from a depends_on entry in a flow sequence to the task', () => {
    const { analysis, document, position } = at('[kickoff, setup]', '[kick|off, setup]');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('19:kickoff');
    expect(location?.uri).toBe(document.uri);
  });

  it('goes from a depends_on naming a phase to the phase', () => {
    const { analysis, document, position } = at('depends_on: setup', 'depends_on: set|up');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('16:setup');
  });

  it('goes from an owner to the person', () => {
    const { analysis, document, position } = at('    owner: pm\n    due', '    owner: |pm\n    due');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('8:pm');
  });

  it('goes from the id inside `due: 30d after go-live` to the milestone', () => {
    const { analysis, document, position } = at('30d after go-live', '30d after go-li|ve');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('28:go-live');
  });

  it('counts a cursor right after the id as on it', () => {
    const { analysis, document, position } = at('sponsor: ceo', 'sponsor: ceo|');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('10:ceo');
  });

  it('returns the declaration itself on a declaration (so VS Code offers its references)', () => {
    const { analysis, document, position } = at('- id: kickoff', '- id: kick|off');
    const location = findDefinition(analysis, document, position);
    expect(location && describeRange(document, location.range)).toBe('19:kickoff');
  });

  it('returns null on an unknown id, on a key and on text that only spells an id', () => {
    const unknown = planWithCursor(PLAN.replace('- config\n', '- confi|g-x\n'));
    expect(findDefinition(unknown.analysis, unknown.document, unknown.position)).toBeNull();
    const key = at('    owner: pm\n    tasks', '    own|er: pm\n    tasks');
    expect(findDefinition(key.analysis, key.document, key.position)).toBeNull();
    const comment = at('# kickoff comes', '# kick|off comes');
    expect(findDefinition(comment.analysis, comment.document, comment.position)).toBeNull();
  });

  it('links the exact origin id to the whole declaring item', () => {
    const { analysis, document, position } = at('30d after go-live', '30d after go-li|ve');
    const [link] = findDefinitionLinks(analysis, document, position);
    expect(link && describeRange(document, link.originSelectionRange!)).toBe('14:go-live');
    expect(link && describeRange(document, link.targetSelectionRange)).toBe('28:go-live');
    expect(link && document.getText(link.targetRange)).toBe(
      'id: go-live\n        name: Go live\n        milestone: true\n        depends_on:\n          - config\n          - {task: kickoff, lag: 1d}',
    );
  });
});

describe('findReferences', () => {
  it('lists every reference to a task, flow-style ones included, and its declaration on request', () => {
    const { analysis, document, position } = at('- id: kickoff', '- id: |kickoff');
    const without = findReferences(analysis, document, position, false).map((l) => describeRange(document, l.range));
    expect(without).toEqual(['25:kickoff', '33:kickoff']);
    const withDeclaration = findReferences(analysis, document, position, true).map((l) => describeRange(document, l.range));
    expect(withDeclaration).toEqual(['19:kickoff', '25:kickoff', '33:kickoff']);
  });

  it('lists the references to a phase from a reference to it', () => {
    const { analysis, document, position } = at('[kickoff, setup]', '[kickoff, |setup]');
    const locations = findReferences(analysis, document, position, true).map((l) => describeRange(document, l.range));
    expect(locations).toEqual(['16:setup', '25:setup', '35:setup']);
  });

  it('finds the id inside `due: ... after` and inside quotes', () => {
    const { analysis, document, position } = at('- id: go-live', '- id: go-live|');
    const locations = findReferences(analysis, document, position, true).map((l) => describeRange(document, l.range));
    expect(locations).toEqual(['14:go-live', '28:go-live', "40:'go-live'"]);
  });

  it('lists a person across owner, sponsor, manager and assignments, not in other namespaces', () => {
    const { analysis, document, position } = at('  - id: pm', '  - id: p|m');
    const locations = findReferences(analysis, document, position, false).map((l) => describeRange(document, l.range));
    expect(locations).toEqual(['6:pm', '13:pm', '17:pm', '27:pm', '44:pm']);
  });

  it('gives only the declaration of an objective, a risk or a communication (nothing references them)', () => {
    for (const [from, to, expected] of [
      ['- id: adoption', '- id: adop|tion', '12:adoption'],
      ['- id: r1', '- id: r|1', '42:r1'],
      ['- id: weekly', '- id: week|ly', '46:weekly'],
    ] as const) {
      const { analysis, document, position } = at(from, to);
      expect(findReferences(analysis, document, position, true).map((l) => describeRange(document, l.range))).toEqual([
        expected,
      ]);
      expect(findReferences(analysis, document, position, false)).toEqual([]);
    }
  });

  it('is empty off an id', () => {
    const { analysis, document, position } = at('no-pilot: off', 'no-pi|lot: off');
    expect(findReferences(analysis, document, position, true)).toEqual([]);
  });
});

describe('documentHighlights', () => {
  it('marks the declaration as a write and the references as reads', () => {
    const { analysis, document, position } = at('- config\n', '- con|fig\n');
    const highlights = documentHighlights(analysis, document, position).map(
      (h) => `${describeRange(document, h.range)} ${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`,
    );
    expect(highlights).toEqual(['22:config write', '32:config read']);
  });
});

describe('prepareRename', () => {
  it('offers the id, inside its quotes', () => {
    const { analysis, document, position } = at("'go-live'", "'go-|live'");
    const prepared = prepareRename(analysis, document, position);
    expect(prepared?.placeholder).toBe('go-live');
    expect(prepared && describeRange(document, prepared.range)).toBe('40:go-live');
  });

  it('offers only the id of a `due: ... after` scalar', () => {
    const { analysis, document, position } = at('30d after go-live', '30d after |go-live');
    const prepared = prepareRename(analysis, document, position);
    expect(prepared && describeRange(document, prepared.range)).toBe('14:go-live');
  });

  it('refuses positions that are not ids', () => {
    for (const [from, to] of [
      ['name: Kickoff', 'name: Kick|off'],
      ['duration: 2w', 'duration: 2|w'],
      ['no-pilot: off', 'no-pi|lot: off'],
    ] as const) {
      const { analysis, document, position } = at(from, to);
      expect(prepareRename(analysis, document, position)).toBeNull();
    }
  });
});

describe('rename', () => {
  const RENAME_PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
objectives:
  - id: adoption
    due: "5d after a" # five days after the build
phases:
  - id: build
    tasks:
      # a is the first task; keep this comment
      - id: a
        name: Build a
        duration: 1d
      - id: b
        name: Build b
        duration: 1d
        depends_on: [a, b0]
      - id: "b0"
        name: Build b0
        duration: 1d
        depends_on:
          - {task: a, lag: 1d}
      - id: c
        name: After a
        duration: 1d
        depends_on: a
        description: a stays a word here
rules:
  no-pilot: off
  a: off
`;

  function applyRename(textWithCursor: string, newName: string): string {
    const { analysis, document, position } = planWithCursor(textWithCursor);
    const result = rename(analysis, document, position, newName);
    if (!result.ok) throw new Error(result.message);
    return TextDocument.applyEdits(document, result.edit.changes?.[document.uri] ?? []);
  }

  it('renames a task in its declaration, flow sequences, flow maps, a single depends_on and `due: ... after`', () => {
    const renamed = applyRename(RENAME_PLAN.replace('- id: a\n', '- id: |a\n'), 'build-a');
    expect(renamed).toBe(
      RENAME_PLAN.replace('"5d after a"', '"5d after build-a"')
        .replace('- id: a\n', '- id: build-a\n')
        .replace('[a, b0]', '[build-a, b0]')
        .replace('{task: a, lag: 1d}', '{task: build-a, lag: 1d}')
        .replace('depends_on: a\n', 'depends_on: build-a\n'),
    );
    // Names, descriptions and comments that spell the id are not references.
    expect(renamed).toContain('# a is the first task; keep this comment');
    expect(renamed).toContain('name: Build a\n');
    expect(renamed).toContain('description: a stays a word here');
    expect(renamed).toContain('\n  a: off\n');
  });

  it('renames from a reference as well as from the declaration, keeping quotes', () => {
    const renamed = applyRename(RENAME_PLAN.replace('[a, b0]', '[a, b|0]'), 'b-zero');
    expect(renamed).toBe(RENAME_PLAN.replace('[a, b0]', '[a, b-zero]').replace('id: "b0"', 'id: "b-zero"'));
  });

  it('renames a phase and a person', () => {
    const phase = applyRename(PLAN.replace('- id: setup', '- id: set|up'), 'foundation');
    expect(phase).toBe(
      PLAN.replace('- id: setup', '- id: foundation')
        .replace('[kickoff, setup]', '[kickoff, foundation]')
        .replace('depends_on: setup', 'depends_on: foundation'),
    );
    const person = applyRename(PLAN.replace('manager: pm', 'manager: p|m'), 'dana');
    expect(person).toBe(PLAN.replaceAll(/(owner|manager|id|person): pm\b/g, '$1: dana'));
  });

  it('returns no edits when the name does not change', () => {
    const { analysis, document, position } = planWithCursor(RENAME_PLAN.replace('- id: a\n', '- id: |a\n'));
    const result = rename(analysis, document, position, 'a');
    expect(result).toEqual({ ok: true, edit: { changes: { [document.uri]: [] } } });
  });

  it('refuses an invalid id', () => {
    const { analysis, document, position } = planWithCursor(RENAME_PLAN.replace('- id: a\n', '- id: |a\n'));
    for (const bad of ['Build A', 'build a', '-a', '', 'a:b']) {
      const result = rename(analysis, document, position, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('is not a valid id');
    }
  });

  it('refuses an id already taken by another task', () => {
    const { analysis, document, position } = planWithCursor(RENAME_PLAN.replace('- id: a\n', '- id: |a\n'));
    expect(rename(analysis, document, position, 'c')).toEqual({
      ok: false,
      message: 'Cannot rename `a` to `c`: `c` is already the id of a task.',
    });
  });

  it('refuses a task id taken by a phase, since phases and tasks share one namespace', () => {
    const { analysis, document, position } = planWithCursor(RENAME_PLAN.replace('depends_on: a\n', 'depends_on: |a\n'));
    expect(rename(analysis, document, position, 'build')).toEqual({
      ok: false,
      message:
        "Cannot rename `a` to `build`: `build` is already the id of a phase (phases and tasks share one namespace, so a task cannot take a phase's id).",
    });
  });

  it('allows a name that is taken only in another namespace', () => {
    const renamed = applyRename(RENAME_PLAN.replace('- id: a\n', '- id: |a\n'), 'adoption');
    expect(renamed).toContain('- id: adoption\n        name: Build a');
    expect(renamed).toContain('"5d after adoption"');
  });

  it('renames every declaration of a duplicated id (references cannot tell them apart)', () => {
    const text = `crmplan: 1
people:
  - id: pm
  - id: pm
objectives:
  - {id: o, owner: pm}
`;
    expect(applyRename(text.replace('owner: pm', 'owner: |pm'), 'lead')).toBe(text.replaceAll('pm', 'lead'));
  });

  it('keeps CRLF line endings and positions right', () => {
    const text = RENAME_PLAN.replaceAll('\n', '\r\n');
    const renamed = applyRename(text.replace('- id: a\r\n', '- id: |a\r\n'), 'build-a');
    expect(renamed).toContain('depends_on: [build-a, b0]\r\n');
    expect(renamed).toContain('due: "5d after build-a" # five days after the build\r\n');
  });

  it('refuses an id written as a block scalar', () => {
    const { analysis, document, position } = planWithCursor(`crmplan: 1
people:
  - id: >-
      pm
  - {id: ceo, name: C}
plan: {name: P, start: 2027-01-04, manager: p|m}
`);
    // Prepare looks only at the id under the cursor; rename explains what stops it.
    expect(prepareRename(analysis, document, position)?.placeholder).toBe('pm');
    expect(rename(analysis, document, position, 'lead')).toEqual({
      ok: false,
      message: '`pm` is written as a block scalar at least once; rename it by hand.',
    });
  });

  it('refuses off an id', () => {
    const { analysis, document, position } = planWithCursor(RENAME_PLAN.replace('name: Build a', 'name: Bu|ild a'));
    const result = rename(analysis, document, position, 'x');
    expect(result.ok).toBe(false);
  });
});
