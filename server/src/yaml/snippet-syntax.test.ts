import { describe, expect, it } from 'vitest';
import { choice, escapeSnippet, placeholder, previewSnippet } from './snippet-syntax.js';

describe('snippet syntax', () => {
  it('escapes what the snippet grammar reads: $, } and \\', () => {
    expect(escapeSnippet('a}$\\')).toBe('a\\}\\$\\\\');
    expect(escapeSnippet('cost: $1.2M {x}')).toBe('cost: \\$1.2M {x\\}');
  });

  it('writes a placeholder with its text escaped, and an empty one as ${n} so a digit after it stays text', () => {
    expect(placeholder(1, 'TODO')).toBe('${1:TODO}');
    expect(placeholder(2, '$5}')).toBe('${2:\\$5\\}}');
    expect(placeholder(3, '')).toBe('${3}');
    // `$1` then `5d` would be tab stop 15; `${1}5d` is tab stop 1 then the text 5d.
    expect(previewSnippet(`${placeholder(1, '')}5d`)).toBe('5d');
  });

  it('writes a choice with , and | escaped too; one option is a placeholder, none a tab stop', () => {
    expect(choice(2, ['medium', 'low', 'high'])).toBe('${2|medium,low,high|}');
    expect(choice(1, ['a,b', 'c|d'])).toBe('${1|a\\,b,c\\|d|}');
    expect(choice(4, ['pm'])).toBe('${4:pm}');
    expect(choice(5, [])).toBe('${5}');
  });

  it('previews what a snippet inserts with every tab stop at its default', () => {
    expect(previewSnippet('id: ${1:task-id}\nkind: ${2|build,test|}\ndepends_on: [$3]\nowner: ${4}$0')).toBe(
      'id: task-id\nkind: build\ndepends_on: []\nowner: ',
    );
    expect(previewSnippet('{person: $1, load: ${2:100%}\\}')).toBe('{person: , load: 100%}');
    expect(previewSnippet(`cost: ${placeholder(1, '$1.2M')} ${choice(2, ['a,b', 'c|d'])}`)).toBe('cost: $1.2M a,b');
    expect(previewSnippet(escapeSnippet('a \\ $ }'))).toBe('a \\ $ }');
  });
});
