import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = __dirname;

interface OnEnterRule {
  beforeText: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}

interface LanguageConfiguration {
  comments: { lineComment: string };
  wordPattern: string;
  folding: { offSide?: boolean; markers?: unknown };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
}

const configuration = JSON.parse(
  readFileSync(path.join(here, '../../language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** What VS Code does with a wordPattern: the words of a line, in order. */
function words(line: string): string[] {
  return [...line.matchAll(new RegExp(configuration.wordPattern, 'g'))].map((match) => match[0]);
}

/** The action of the first onEnterRule whose beforeText matches, as VS Code picks it. */
function onEnter(line: string): OnEnterRule['action'] | undefined {
  return configuration.onEnterRules.find((rule) => new RegExp(rule.beforeText).test(line))?.action;
}

describe('language-configuration.json', () => {
  it('uses YAML comments and folds by indentation only', () => {
    expect(configuration.comments.lineComment).toBe('#');
    expect(configuration.folding).toEqual({ offSide: true });
  });

  it('keeps ids, dates, durations and loads one word each', () => {
    expect(words('  - id: data-migration.v2')).toEqual(['id', 'data-migration.v2']);
    expect(words('    depends_on: [data-backup, go-live]')).toEqual(['depends_on', 'data-backup', 'go-live']);
    expect(words('  start: 2027-01-04')).toEqual(['start', '2027-01-04']);
    expect(words('{task: data-backup, lag: -1d}')).toEqual(['task', 'data-backup', 'lag', '-1d']);
    expect(words('{person: pm, load: 50%} capacity: 8h/w')).toEqual(['person', 'pm', 'load', '50%', 'capacity', '8h/w']);
    expect(words('owner: pm.')).toEqual(['owner', 'pm']);
    expect(words('id: 2w-review')).toEqual(['id', '2w-review']);
  });

  it('indents after a key that opens a block, under the key of a "- key:" item', () => {
    expect(onEnter('phases:')).toEqual({ indent: 'indent' });
    expect(onEnter('    tasks:   # the work')).toEqual({ indent: 'indent' });
    expect(onEnter('  - tasks:')).toEqual({ indent: 'indent', appendText: '  ' });
    expect(onEnter('  - id: kickoff')).toEqual({ indent: 'none', appendText: '  ' });
    expect(onEnter('    name: Kickoff meeting')).toBeUndefined();
    expect(onEnter('      - data-cleansing')).toBeUndefined();
    expect(onEnter('  # phases:')).toBeUndefined();
    expect(onEnter('    owner: pm # note:')).toBeUndefined();
  });

  it('has indentation rules that agree with the onEnter rules', () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    expect(increase.test('phases:')).toBe(true);
    expect(increase.test('  - assign:')).toBe(true);
    expect(increase.test('    depends_on: [')).toBe(true);
    expect(increase.test('    name: Kickoff')).toBe(false);
    expect(increase.test('    owner: pm # note:')).toBe(false);
    expect(decrease.test('    ]')).toBe(true);
    expect(decrease.test('    },')).toBe(true);
  });
});
