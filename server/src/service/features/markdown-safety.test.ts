import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { complete } from './completion.js';
import { planWithCursor } from './feature-test-support.js';
import { hover } from './hover.js';

/**
 * Plan text stays text in the editor's markdown: hover and completion
 * documentation, rendered by a real markdown renderer with HTML on, hold
 * no tag, link or formatting that the plan wrote.
 */

const markdown = new MarkdownIt({ html: true, linkify: false });
const HOSTILE_ID = 'x``<img src=x onerror=alert(7)>``y';
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04, manager: pm}
people:
  - {id: pm, name: "*Dana* <img src=x onerror=alert(1)>", role: "Role [click me](javascript:alert(1))", email: "<script>x</script>"}
phases:
  - id: build
    name: "**Bold** <b>phase</b>"
    tasks:
      - {id: "${HOSTILE_ID}", name: "Name\\n\\n# Heading", duration: 1d, owner: pm}
      - {id: next, name: "[link](https://evil.example)", duration: 1d, depends_on: []}
`;

function rendered(value: string): string {
  return markdown.render(value);
}

/** No element the plan's text could have made: images, scripts, links, headings, emphasis, bold tags. */
function expectOnlyText(html: string): void {
  expect(html).not.toMatch(/<(img|script|a|h[1-6]|em|b)\b|href=/i);
}

describe('plan text in hover markdown', () => {
  it('keeps an id with backticks and HTML inside its code span', () => {
    const fixture = planWithCursor(PLAN.replace(`id: "${HOSTILE_ID}"`, `id: "x|${HOSTILE_ID.slice(1)}"`));
    const result: Hover | null = hover(fixture.analysis, fixture.document, fixture.position, { ruleDocsBase: 'file:///docs/' });
    const html = rendered((result?.contents as MarkupContent).value);
    expect(html).not.toMatch(/<img|<h1/i);
    expect(html).toContain('<code>x``&lt;img src=x onerror=alert(7)&gt;``y</code>');
  });

  it('shows names, roles and emails as text', () => {
    const fixture = planWithCursor(PLAN.replace('{id: pm,', '{id: p|m,'));
    const result = hover(fixture.analysis, fixture.document, fixture.position, { ruleDocsBase: 'file:///docs/' });
    const html = rendered((result?.contents as MarkupContent).value);
    expectOnlyText(html);
    expect(html).toContain('*Dana*');
  });
});

describe('plan text in completion documentation', () => {
  it('shows people, tasks and phases as text', () => {
    const owner = planWithCursor(PLAN.replace('duration: 1d, depends_on: []', 'duration: 1d, owner: |, depends_on: []'));
    const people = complete(owner.analysis, owner.document, owner.position, { today: '2027-01-04' }).items;
    const work = planWithCursor(PLAN.replace('depends_on: []', 'depends_on: [|]'));
    const tasks = complete(work.analysis, work.document, work.position, { today: '2027-01-04' }).items;
    const documented = [...people, ...tasks].filter((item: CompletionItem) => typeof item.documentation === 'object');
    expect(documented.length).toBeGreaterThan(1);
    for (const item of documented) {
      const html = rendered((item.documentation as MarkupContent).value);
      expectOnlyText(html);
    }
    expect(documented.map((item) => (item.documentation as MarkupContent).value).join('\n')).toContain('\\*Dana\\*');
  });
});
