import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-types';
import { TASK_KINDS } from '../../model/types.js';
import { RULE_NAMES } from '../../rules/index.js';
import { complete, type CompletionOptions } from './completion.js';
import { previewSnippet } from '../../yaml/snippet-syntax.js';
import { plan, planWithCursor } from './feature-test-support.js';
import { analyzePlan } from '../../analysis/analyze-plan.js';
import { PLAN_TEMPLATES, planFromTemplate, templateName } from '../../shared/plan-templates.js';

const TODAY = '2027-02-10'; // a Wednesday

function completeAt(textWithCursor: string, options: CompletionOptions = {}) {
  const fixture = planWithCursor(textWithCursor);
  const list = complete(fixture.analysis, fixture.document, fixture.position, { today: TODAY, ...options });
  const item = (label: string): CompletionItem => {
    const found = list.items.find((candidate) => candidate.label === label);
    if (!found) throw new Error(`no item ${label} among ${list.items.map((candidate) => candidate.label).join(', ')}`);
    return found;
  };
  const edit = (label: string): TextEdit => {
    const textEdit = item(label).textEdit;
    if (!textEdit || !('range' in textEdit)) throw new Error(`${label} has no plain textEdit`);
    return textEdit;
  };
  /** The document after accepting the item, with every tab stop at its default. */
  const apply = (label: string): string => {
    const { range, newText } = edit(label);
    const start = fixture.document.offsetAt(range.start);
    const end = fixture.document.offsetAt(range.end);
    const inserted = item(label).insertTextFormat === InsertTextFormat.Snippet ? previewSnippet(newText) : newText;
    return fixture.text.slice(0, start) + inserted + fixture.text.slice(end);
  };
  /** The text the item replaces. */
  const replaced = (label: string): string => {
    const { range } = edit(label);
    return fixture.document.getText(range);
  };
  return { ...fixture, list, labels: list.items.map((candidate) => candidate.label), item, edit, apply, replaced };
}

/** The task and phase ids offered (the `{task, lag}` snippets aside). */
function references(result: { list: { items: CompletionItem[] } }): string[] {
  return result.list.items.filter((item) => item.kind === CompletionItemKind.Reference).map((item) => String(item.label));
}

function docs(item: CompletionItem): string {
  return (item.documentation as MarkupContent | undefined)?.value ?? '';
}

const PEOPLE = `people:
  - id: pm
    name: Dana Lee
    role: Project Manager
  - id: ceo
    name: Margaret Ellison
    role: Executive Sponsor
  - id: admin
    name: Lucy Tran
`;

/** Discovery (kickoff -> requirements) then build (config, which waits for requirements). */
const PLAN = `crmplan: 1
plan:
  name: ConnectSphere CRM rollout
  start: 2027-01-04
  manager: pm
${PEOPLE}phases:
  - id: discovery
    owner: admin
    tasks:
      - id: kickoff
        name: Kickoff meeting
        kind: kickoff
        duration: 1d
      - id: requirements
        name: Requirements workshops
        duration: 2w
        depends_on: [kickoff]
  - id: build
    tasks:
      - id: config
        name: Configuration
        kind: configuration
        duration: 1w
        depends_on: [requirements]
`;

const TASK_KEYS = [
  'id',
  'name',
  'description',
  'kind',
  'owner',
  'duration',
  'milestone',
  'depends_on',
  'assign',
  'start',
  'deadline',
  'complexity',
  'status',
  'rollback',
  'progress',
  'actual_start',
  'actual_finish',
];

describe('completion on half-typed plans', () => {
  it('completes a key being typed under a task, without the keys it already has (half-typed: `own|`)', () => {
    const result = completeAt(`${PLAN}      - id: uat
        name: User acceptance testing
        own|
`);
    expect(result.labels).toEqual(TASK_KEYS.filter((key) => key !== 'id' && key !== 'name'));
    expect(result.replaced('owner')).toBe('own');
    expect(result.edit('owner').newText).toBe('owner: $1');
    expect(result.item('owner').kind).toBe(CompletionItemKind.Property);
    expect(result.item('owner').command?.command).toBe('editor.action.triggerSuggest');
    expect(result.apply('duration')).toContain('        duration: 1d\n');
  });

  it('completes in an unclosed flow list followed by more items (half-typed: `[kickoff, |`)', () => {
    const result = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on: [kickoff, |\n      - id: data\n        name: Data\n'));
    expect(result.labels.filter((label) => !label.startsWith('{'))).toEqual(['discovery', 'requirements']);
    expect(result.item('requirements').kind).toBe(CompletionItemKind.Reference);
  });

  it('offers the remaining keys on an empty line under a task at its indentation (half-typed: empty line)', () => {
    const result = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        |\n'));
    expect(result.labels).toEqual(TASK_KEYS.filter((key) => !['id', 'name', 'kind', 'duration', 'depends_on'].includes(key)));
    expect(result.replaced('owner')).toBe('');
  });

  it('works the same in a file with CRLF line ends, in the AST and by indentation', () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const key = completeAt(crlf(`${PLAN}      - id: uat\n        name: UAT\n        own|\n`));
    expect(key.labels).toEqual(TASK_KEYS.filter((name) => name !== 'id' && name !== 'name'));
    expect(key.replaced('owner')).toBe('own');
    const item = completeAt(crlf(PLAN.replace('  - id: build\n', '      |\n  - id: build\n')));
    expect(item.labels.slice(0, 2)).toEqual(['task', 'milestone']);
    expect(item.edit('task').newText.startsWith('- id: ${1:task-id}\n        name:')).toBe(true);
  });

  it('completes a value typed right after `key:` with the space it needs', () => {
    const result = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        owner:|\n'));
    expect(result.labels).toEqual(['pm', 'ceo', 'admin']);
    expect(result.apply('ceo')).toContain('        owner: ceo\n');
  });

  it('on a key that already has its colon, replaces the whole key and writes no second colon', () => {
    const result = completeAt(PLAN.replace('        kind: configuration\n', '        ki|nd: configuration\n'));
    expect(result.replaced('kind')).toBe('kind');
    expect(result.edit('kind').newText).toBe('kind');
    expect(result.labels).not.toContain('duration');
  });

  it('falls back to indentation where recovery misplaces the cursor: an empty line at the dashes of `tasks`', () => {
    const result = completeAt(PLAN.replace('  - id: build\n', '      |\n  - id: build\n'));
    expect(result.labels.slice(0, 2)).toEqual(['task', 'milestone']);
    // No dash written yet: the item brings its own.
    expect(result.apply('task')).toContain(`      - id: task-id
        name: Task name
        kind: kickoff
        owner: admin
        duration: 5d
        depends_on: [requirements]
  - id: build`);
    expect(result.edit('id').newText).toBe('- id: $1');
  });

  it('falls back to indentation inside an unclosed quote', () => {
    const result = completeAt(PLAN.replace('  name: ConnectSphere CRM rollout\n', '  name: "ConnectSphere\n  |\n'));
    expect(result.labels).toEqual(['organization', 'description', 'sponsor', 'calendar', 'budget', 'status_date']);
  });

  it('offers nothing in a comment or in free text', () => {
    expect(completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w  # about o|\n')).labels).toEqual([]);
    expect(completeAt(PLAN.replace('name: Configuration', 'name: Configuration of |')).labels).toEqual([]);
  });

  it('answers a typed space only where a value or an item starts', () => {
    const indenting = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        |\n'), { triggerCharacter: ' ' });
    expect(indenting.labels).toEqual([]);
    const value = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        owner: |\n'), { triggerCharacter: ' ' });
    expect(value.labels).toEqual(['pm', 'ceo', 'admin']);
    const text = completeAt(PLAN.replace('name: Configuration', 'name: Configuration |'), { triggerCharacter: ' ' });
    expect(text.labels).toEqual([]);
  });

  it('never throws at any offset of a plan, and every edit covers the cursor on its line', () => {
    const { analysis, document } = plan(PLAN);
    for (let offset = 0; offset <= PLAN.length; offset++) {
      const position = document.positionAt(offset);
      const list = complete(analysis, document, position, { today: TODAY });
      for (const item of list.items) {
        const textEdit = item.textEdit;
        if (!textEdit || !('range' in textEdit)) throw new Error(`${item.label} has no textEdit`);
        expect(textEdit.range.start.line).toBe(position.line);
        expect(textEdit.range.end.line).toBe(position.line);
        expect(textEdit.range.start.character).toBeLessThanOrEqual(position.character);
        expect(textEdit.range.end.character).toBeGreaterThanOrEqual(position.character);
      }
    }
  });

  it('never throws on half-typed lines: every line of a plan cut short', () => {
    const lines = PLAN.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (const keep of [2, 5, 9]) {
        const cut = [...lines.slice(0, line), (lines[line] ?? '').slice(0, keep) + '|', ...lines.slice(line + 1)].join('\n');
        expect(() => completeAt(cut)).not.toThrow();
      }
    }
  });

  it('never throws on the samples (a sparse sweep: a request costs a second parse of the file)', () => {
    const samples = path.resolve(__dirname, '../../../../samples');
    for (const file of readdirSync(samples).filter((name) => name.endsWith('.crmplan.yaml')).slice(0, 2)) {
      const { analysis, document } = plan(readFileSync(path.join(samples, file), 'utf8'));
      for (let line = 0; line < document.lineCount; line += 23) {
        for (const character of [6, Number.MAX_SAFE_INTEGER]) {
          expect(() => complete(analysis, document, { line, character }, { today: TODAY })).not.toThrow();
        }
      }
    }
  });
});

describe('keys', () => {
  it('at the top of an empty file: the templates first, then every section', () => {
    const result = completeAt('|');
    const templates = PLAN_TEMPLATES.map((template) => `new plan: ${template.title}`);
    expect(result.labels).toEqual([...templates, 'crmplan', 'plan', 'people', 'objectives', 'phases', 'risks', 'communications', 'baseline', 'rules']);
    const sortTexts = result.list.items.map((item) => item.sortText ?? '');
    expect([...sortTexts].sort()).toEqual(sortTexts);
    expect(result.edit('crmplan').newText).toBe('crmplan: 1');
    expect(result.edit('people').newText).toBe('people:\n  - $0');
    expect(result.item('plan').detail).toBe('plan (required)');
    expect(docs(result.item('rules'))).toContain('`off`');
  });

  it('in an empty file: each template, accepted as it is, is a whole plan starting next Monday with no findings', () => {
    for (const empty of ['|', '\n\n|\n', '# our new plan\n\n|', '---\n|', 'ne|']) {
      const result = completeAt(empty);
      for (const template of PLAN_TEMPLATES) {
        const label = `new plan: ${template.title}`;
        const item = result.item(label);
        expect(item.kind).toBe(CompletionItemKind.File);
        expect(item.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(item.detail).toBe(template.about);
        expect(docs(item)).toContain(template.source);
        const text = result.apply(label);
        expect(text).toContain(planFromTemplate(template, templateName(template), '2027-02-15'));
        expect(analyzePlan(text).findings, `${template.id} in ${JSON.stringify(empty)}`).toEqual([]);
      }
      // The tab stops: the name first, then the start.
      const body = result.edit(`new plan: ${PLAN_TEMPLATES[0]!.title}`).newText;
      expect(body).toContain('  name: ${1:New CRM rollout}\n  start: ${2:2027-02-15}\n');
    }
    expect(completeAt('ne|').replaced('new plan: Minimal plan')).toBe('ne');
  });

  it('offers the templates only in an empty file', () => {
    for (const written of ['crmplan: 1\n|', '|\ncrmplan: 1\n', `${PLAN}|\n`, 'plan:\n  |']) {
      expect(completeAt(written).labels.filter((label) => label.startsWith('new plan'))).toEqual([]);
    }
  });

  it('at the top level: the sections not written yet', () => {
    const result = completeAt(`${PLAN}|\n`);
    expect(result.labels).toEqual(['objectives', 'risks', 'communications', 'baseline', 'rules']);
  });

  it.each([
    ['plan', PLAN.replace('  manager: pm\n', '  manager: pm\n  |\n'), ['organization', 'description', 'sponsor', 'calendar', 'budget', 'status_date']],
    ['calendar', PLAN.replace('  manager: pm\n', '  manager: pm\n  calendar:\n    hours_per_day: 7\n    |\n'), ['workdays', 'holidays', 'country', 'region']],
    ['budget', PLAN.replace('  manager: pm\n', '  manager: pm\n  budget:\n    currency: USD\n    |\n'), ['total', 'contingency', 'lines']],
    ['a person', PLAN.replace('    name: Lucy Tran\n', '    name: Lucy Tran\n    |\n'), ['role', 'capacity', 'email', 'workdays', 'leave', 'country', 'region']],
    ['an objective', `${PLAN}objectives:\n  - id: adoption\n    metric: weekly active users\n    |\n`, ['statement', 'baseline', 'target', 'due', 'owner']],
    ['a phase', PLAN.replace('  - id: build\n', '  - id: build\n    |\n'), ['name', 'description', 'owner', 'depends_on']],
    ['a dependency', PLAN.replace('depends_on: [requirements]', 'depends_on: [{task: requirements, |}]'), ['lag', 'type']],
    ['an assignment', PLAN.replace('        duration: 1w\n', '        duration: 1w\n        assign:\n          - person: pm\n            |\n'), ['load']],
    ['a risk', `${PLAN}risks:\n  - id: adoption\n    title: Low adoption\n    likelihood: high\n    |\n`, ['description', 'impact', 'mitigation', 'owner']],
    ['a communication', `${PLAN}communications:\n  - id: steering\n    audience: Steering committee\n    |\n`, ['purpose', 'channel', 'frequency', 'owner']],
  ])('of %s, without the ones present', (_where, text, expected) => {
    expect(completeAt(text).labels).toEqual(expected);
  });

  it('carry their schema description and a snippet for the value', () => {
    const result = completeAt(`${PLAN}      - id: uat\n        name: UAT\n        |\n`);
    const kind = result.item('kind');
    expect(kind.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(kind.textEdit && 'range' in kind.textEdit ? kind.textEdit.newText : '').toBe(`kind: \${1|${TASK_KINDS.join(',')}|}`);
    expect(docs(kind)).toContain('best-practice rules');
    expect(kind.detail).toBe('task kind');
    expect(result.edit('status').newText).toBe('status: ${1|planned,in-progress,done,blocked|}');
    expect(result.edit('milestone').newText).toBe('milestone: ${1|true,false|}');
    expect(result.edit('start').newText).toBe('start: $1');
    expect(result.apply('assign')).toContain('        assign:\n          - \n');
    expect(result.item('assign').insertTextMode).toBe(InsertTextMode.asIs);
    const duration = completeAt(`${PLAN}      - id: uat\n        name: UAT\n        du|\n`);
    expect(duration.edit('duration').newText).toBe('duration: ${1:1d}');
    expect(duration.item('duration').detail).toBe('duration');
    expect(completeAt(`${PLAN}      - id: uat\n        |\n`).item('name').detail).toBe('text (required)');
    expect(docs(duration.item('duration'))).toContain('Required unless the task is a milestone');
  });

  it('of `rules:` are the rule names not set yet, with their default severity', () => {
    const result = completeAt(`${PLAN}rules:\n  no-pilot: off\n  |\n`);
    expect(result.labels).toEqual(RULE_NAMES.filter((rule) => rule !== 'no-pilot'));
    expect(result.item('low-contingency').detail).toBe('rule severity · default: info');
    expect(result.edit('low-contingency').newText).toBe('low-contingency: ${1|off,error,warning,info,hint|}');
    expect(docs(result.item('low-contingency'))).toContain('contingency');
  });
});

describe('whole items', () => {
  it('a task: id, name, kind, owner, duration and depends_on on the task above, aligned after `- `', () => {
    const result = completeAt(PLAN.replace('  - id: build\n', '      - |\n  - id: build\n'));
    expect(result.labels.slice(0, 2)).toEqual(['task', 'milestone']);
    const task = result.item('task');
    expect(task.kind).toBe(CompletionItemKind.Snippet);
    expect(task.insertTextMode).toBe(InsertTextMode.asIs);
    expect(result.edit('task').newText).toContain('owner: ${4|admin,pm,ceo|}');
    expect(result.apply('task')).toContain(`      - id: task-id
        name: Task name
        kind: kickoff
        owner: admin
        duration: 5d
        depends_on: [requirements]
  - id: build`);
    expect(docs(task)).toContain('```yaml\nid: task-id\nname: Task name\n');
    expect(result.apply('milestone')).toContain('        milestone: true\n');
    // The keys of a task come after the snippets, for a dash that starts with `id:`.
    expect(result.labels).toContain('id');
  });

  it('a person with id, name, role and capacity', () => {
    const result = completeAt(PLAN.replace('  - id: admin\n', '  - |\n  - id: admin\n'));
    expect(result.apply('person')).toContain(`  - id: person-id
    name: Full name
    role: Role
    capacity: 100%
  - id: admin`);
  });

  it('an objective with every SMART field, due 30 days after the go-live', () => {
    const withGoLive = PLAN.replace('        depends_on: [requirements]\n', '        depends_on: [requirements]\n      - {id: launch, name: Launch, kind: go-live, milestone: true, depends_on: [config]}\n');
    const result = completeAt(`${withGoLive}objectives:\n  - |\n`);
    expect(result.labels[0]).toBe('SMART objective');
    expect(result.apply('SMART objective')).toContain(`objectives:
  - id: objective-id
    statement: What will be achieved, with a number
    metric: How it is measured
    baseline: 0%
    target: 85%
    due: 30d after launch
    owner: pm
`);
  });

  it('a risk with likelihood, impact, mitigation and owner', () => {
    const result = completeAt(`${PLAN}risks:\n  - |\n`);
    expect(result.edit('risk').newText).toBe(
      'id: ${1:risk-id}\n    title: ${2:The risk in a few words}\n    likelihood: ${3|low,medium,high|}\n    impact: ${4|low,medium,high|}\n' +
        '    mitigation: ${5:What makes it less likely or less harmful}\n    owner: ${6|pm,ceo,admin|}',
    );
  });

  it('a communication', () => {
    const result = completeAt(`${PLAN}communications:\n  - st|\n`);
    expect(result.replaced('communication')).toBe('st');
    expect(result.apply('communication')).toContain(`communications:
  - id: communication-id
    audience: Steering committee
    purpose: Status and decisions
    channel: Meeting
    frequency: monthly
    owner: pm
`);
  });

  it('under a list key with nothing yet: the item brings its dash', () => {
    const result = completeAt(`${PLAN}risks:\n  |\n`);
    expect(result.apply('risk')).toContain('risks:\n  - id: risk-id\n    title: The risk in a few words\n');
  });

  it('follows a file indented with 4 spaces', () => {
    const fourSpaces = (planLine: string, tasksLine: string, tail = ''): string => `crmplan: 1
plan:
    name: Four spaces
    start: 2027-01-04
${planLine}people:
    -   id: pm
        name: Dana Lee
phases:
    -   id: discovery
        tasks:
            -   id: kickoff
                name: Kickoff
                duration: 1d
${tasksLine}${tail}`;
    const task = completeAt(fourSpaces('', '            - |\n'));
    expect(task.apply('task')).toContain(`            - id: task-id
              name: Task name
              kind: kickoff
              owner: pm
              duration: 5d
              depends_on: [kickoff]
`);
    const phase = completeAt(fourSpaces('', '', '    - |\n'));
    expect(phase.apply('phase')).toContain(`    - id: phase-id
      name: Phase name
      owner: pm
      tasks:
          - id: task-id
            name: Task name
            duration: 5d
`);
    const calendar = completeAt(fourSpaces('    cal|\n', ''));
    expect(calendar.edit('calendar').newText).toBe('calendar:\n        $0');
    const lists = completeAt(fourSpaces('', '', '|\n'));
    expect(lists.edit('risks').newText).toBe('risks:\n    - $0');
  });
});

describe('values', () => {
  it('person ids for owner, person, sponsor and manager, with name and role', () => {
    const owner = completeAt(PLAN.replace('    owner: admin\n', '    owner: |\n'));
    expect(owner.labels).toEqual(['pm', 'ceo', 'admin']);
    expect(owner.item('ceo').detail).toBe('Margaret Ellison · Executive Sponsor');
    expect(owner.item('admin').detail).toBe('Lucy Tran');
    expect(owner.item('pm').kind).toBe(CompletionItemKind.Reference);
    expect(completeAt(PLAN.replace('  manager: pm\n', '  manager: pm\n  sponsor: c|\n')).replaced('ceo')).toBe('c');
    expect(completeAt(PLAN.replace('  manager: pm\n', '  manager: |\n')).labels).toEqual(['pm', 'ceo', 'admin']);
    const person = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        assign:\n          - {person: |, load: 50%}\n'));
    expect(person.labels).toEqual(['pm', 'ceo', 'admin']);
  });

  describe('task and phase ids', () => {
    /** a <- b <- c in one phase, d alone, and a second phase that waits for the first. */
    const CHAIN = `crmplan: 1
plan:
  name: Chain
  start: 2027-03-01
${PEOPLE}phases:
  - id: build
    tasks:
      - id: a
        name: A
        duration: 1w
        depends_on: [|]
      - id: b
        name: B
        duration: 1d
        depends_on: [a]
      - id: d
        name: D
        duration: 2w
  - id: later
    depends_on: [b]
    tasks:
      - id: c
        name: C
        duration: 1d
      - id: e
        name: E
        duration: 1d
`;

    it('never the task itself, nor anything that (transitively) waits for it, nor its own phase', () => {
      // b waits for a; c waits for b through its phase; later contains c; build contains a.
      expect(references(completeAt(CHAIN))).toEqual(['d']);
    });

    it('shows the phase and the scheduled dates', () => {
      const result = completeAt(CHAIN.replace('        depends_on: [|]\n', '').replace('        name: E\n        duration: 1d\n', '        name: E\n        duration: 1d\n        depends_on: [|]\n'));
      expect(references(result)).toEqual(['build', 'a', 'b', 'd', 'c']);
      expect(result.item('d').detail).toBe('phase build · Mar 1 -> Mar 12');
      expect(result.item('build').detail).toBe('phase (3 tasks) · Mar 1 -> Mar 12');
      expect(result.item('c').detail).toBe('phase later · Mar 9');
      expect(docs(result.item('d'))).toBe('**D**\n\n2w\n\n2027-03-01 -> 2027-03-12');
    });

    it("for a phase's own depends_on: not its tasks, nor what waits for them", () => {
      const result = completeAt(CHAIN.replace('        depends_on: [|]\n', '').replace('    depends_on: [b]\n', '    depends_on: [b, |]\n'));
      // b is listed already; c and e are the phase's own tasks.
      expect(references(result)).toEqual(['build', 'a', 'd']);
    });

    it('as a block list item, an item of `{task: }`, and after `due: 30d after`', () => {
      const block = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on:\n          - requirements\n          - |\n'));
      expect(block.labels).toEqual(['{task, lag}', '{task, type: SS}', 'discovery', 'kickoff']);
      expect(block.item('{task, lag}').command?.command).toBe('editor.action.triggerSuggest');
      const flowMap = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on:\n          - {task: k|, lag: 1d}\n'));
      expect(flowMap.labels).toEqual(['discovery', 'kickoff', 'requirements']);
      expect(flowMap.replaced('kickoff')).toBe('k');
      const due = completeAt(`${PLAN}objectives:\n  - id: adoption\n    due: 30d after |\n`);
      expect(due.labels).toEqual(['discovery', 'kickoff', 'requirements', 'build', 'config']);
      const after = completeAt(`${PLAN}objectives:\n  - id: adoption\n    due: 30d |\n`);
      expect(after.labels).toEqual(['after']);
    });

    it('on the line under `depends_on:` with no dash yet', () => {
      const result = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on:\n          |\n'));
      expect(result.apply('kickoff')).toContain('        depends_on:\n          - kickoff\n');
    });
  });

  it('task kinds, with what each means', () => {
    const result = completeAt(PLAN.replace('kind: configuration', 'kind: data-m|'));
    expect(result.labels).toEqual([...TASK_KINDS]);
    expect(result.replaced('data-migration')).toBe('data-m');
    expect(result.item('data-migration').kind).toBe(CompletionItemKind.EnumMember);
    expect(docs(result.item('data-cleansing'))).toContain('`migration-without-cleansing`');
    expect(result.item('other').detail).toBe('default');
  });

  it('durations, and the two units for a typed number', () => {
    const result = completeAt(PLAN.replace('duration: 1w', 'duration: |'));
    expect(result.labels).toEqual(['1d', '2d', '3d', '5d', '1w', '2w', '3w', '4w', '6w', '8w']);
    expect(result.item('2w').detail).toBe('2 weeks = 10 working days');
    expect(result.item('1d').detail).toBe('1 working day');
    const typed = completeAt(PLAN.replace('duration: 1w', 'duration: 4|'));
    expect(typed.labels).toEqual(['4d', '4w']);
    expect(typed.replaced('4w')).toBe('4');
    const lag = completeAt(PLAN.replace('depends_on: [requirements]', 'depends_on: [{task: requirements, lag: |}]'));
    expect(lag.item('-1d').detail).toBe('overlap the predecessor by 1 working day');
  });

  it('loads and capacities, with the hours a day they mean', () => {
    const result = completeAt(PLAN.replace('        duration: 1w\n', '        duration: 1w\n        assign:\n          - {person: pm, load: |}\n'));
    expect(result.labels).toEqual(['100%', '75%', '50%', '25%', '10%', '40h/w', '20h/w', '16h/w', '8h/w', '4h/w']);
    expect(result.item('50%').detail).toBe('4h a working day');
    expect(result.item('8h/w').detail).toBe('1.6h a working day');
    expect(completeAt(PLAN.replace('    name: Lucy Tran\n', '    name: Lucy Tran\n    capacity: |\n')).labels).toContain('40h/w');
  });

  it.each([
    ['status', PLAN.replace('duration: 1w', 'duration: 1w\n        status: |'), ['planned', 'in-progress', 'done', 'blocked']],
    ['complexity', PLAN.replace('duration: 1w', 'duration: 1w\n        complexity: |'), ['low', 'medium', 'high']],
    ['likelihood', `${PLAN}risks:\n  - id: r\n    likelihood: |\n`, ['low', 'medium', 'high']],
    ['impact', `${PLAN}risks:\n  - {id: r, impact: |}\n`, ['low', 'medium', 'high']],
    ['type', PLAN.replace('depends_on: [requirements]', 'depends_on: [{task: requirements, type: |}]'), ['FS', 'SS']],
    ['workdays', PLAN.replace('  manager: pm\n', '  manager: pm\n  calendar:\n    workdays: [mon, tue, |]\n'), ['wed', 'thu', 'fri', 'sat', 'sun']],
    ['a rule', `${PLAN}rules:\n  no-pilot: |\n`, ['error', 'warning', 'info', 'hint', 'off']],
  ])('enum values: %s', (_key, text, expected) => {
    const result = completeAt(text);
    expect(result.labels).toEqual(expected);
    for (const item of result.list.items) expect(item.kind).toBe(CompletionItemKind.EnumMember);
  });

  it('marks the default severity of the rule and explains each', () => {
    const result = completeAt(`${PLAN}rules:\n  no-pilot: |\n`);
    expect(result.item('hint').detail).toBe('default for this rule');
    expect(docs(result.item('off'))).toBe('Do not report this rule in this plan.');
    expect(docs(result.item('error'))).toContain('CLI exits with status 1');
  });

  describe('dates', () => {
    it('plan.start: today and the next Monday', () => {
      const result = completeAt(PLAN.replace('  start: 2027-01-04', '  start: |'));
      expect(result.labels).toEqual(['2027-02-10', '2027-02-15']);
      expect(result.item('2027-02-15').detail).toBe('next Monday');
      expect(docs(result.item('2027-02-10'))).toBe('Wednesday, Feb 10, 2027');
    });

    it("a task's start: today, the plan start, and the day after each predecessor finishes", () => {
      const result = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on: [requirements, kickoff]\n        start: |\n'));
      // kickoff is Jan 4; requirements (2w) runs Jan 5 - Jan 18.
      expect(result.labels).toEqual(['2027-02-10', '2027-01-04', '2027-01-19', '2027-01-05']);
      expect(result.item('2027-01-19').detail).toBe('after requirements');
      expect(result.item('2027-01-04').detail).toBe('plan start');
      expect(result.item('2027-01-19').kind).toBe(CompletionItemKind.Value);
    });

    it("a task's deadline: its computed finish too", () => {
      const result = completeAt(PLAN.replace('        depends_on: [requirements]\n', '        depends_on: [requirements]\n        deadline: |\n'));
      expect(result.item('2027-01-25').detail).toBe('computed finish');
    });

    it("holidays, and an objective's due (with the plan's finish and the `after` form)", () => {
      const holidays = completeAt(PLAN.replace('  manager: pm\n', '  manager: pm\n  calendar:\n    holidays: [2027-05-31, |]\n'));
      expect(holidays.labels).toEqual(['{date, name}', '2027-02-10', '2027-01-04']);
      const due = completeAt(`${PLAN}objectives:\n  - id: adoption\n    due: |\n`);
      expect(due.labels).toEqual(['30d after …', '2027-02-10', '2027-01-04', '2027-01-25']);
      expect(due.item('2027-01-25').detail).toBe('plan finish');
      expect(due.edit('30d after …').newText).toBe('${1:30d} after ${2|discovery,kickoff,requirements,build,config|}');
    });
  });

  it("a person's leave: the one-line {from, to, note} item, which opens the dates at its first tab stop", () => {
    const result = completeAt(PLAN.replace('    name: Lucy Tran\n', '    name: Lucy Tran\n    leave:\n      - |\n'));
    expect(result.labels[0]).toBe('{from, to, note}');
    expect(result.edit('{from, to, note}').newText).toBe('{from: $1, to: $2, note: ${3:vacation}}');
    expect(result.item('{from, to, note}').command?.command).toBe('editor.action.triggerSuggest');
  });

  it('examples for free-text keys that have usual values', () => {
    expect(completeAt(PLAN.replace('  manager: pm\n', '  manager: pm\n  budget:\n    contingency: |\n')).labels).toEqual(['10%', '15%']);
    expect(completeAt(`${PLAN}communications:\n  - id: s\n    frequency: |\n`).labels).toEqual(['weekly', 'monthly', 'at each milestone']);
  });

  it('nothing for text values', () => {
    expect(completeAt(PLAN.replace('name: Configuration', 'name: |')).labels).toEqual([]);
  });
});
