import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { COMMENT_BODY_LIMIT, COMMENT_MARKER, commentBody } from '../../action/sticky-comment.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { HIGHLIGHT_MARKER, MAX_LABEL_LENGTH } from '../../server/src/render/gantt-mermaid.js';
import { buildTimeline } from '../../server/src/render/timeline-model.js';
import { LanguageService } from '../../server/src/service/language-service.js';
import { crmplan, ROOT } from '../cli/cli-process.js';

/**
 * Every output that writes plan text into markdown or Mermaid, fed the
 * hostile-names plan: the markdown (hover, completion documentation,
 * `crmplan diff --format markdown` = the pull-request comment,
 * `crmplan gantt --format markdown`) rendered by markdown-it with HTML and
 * linkify on holds no tag, link or mention the plan wrote, and no table row
 * that a `|` split; the Mermaid text, read by Mermaid's own gantt parser,
 * holds exactly the plan's task and phase names.
 */

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'hostile-names.crmplan.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');
const RULE_DOCS = 'https://crmplan.invalid/docs/rules/';
const markdown = new MarkdownIt({ html: true, linkify: true });

/** What markdown itself makes of crmplan's own formatting; anything else came from the plan. */
const ALLOWED_TAGS: ReadonlySet<string> = new Set(['p', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'details', 'summary', 'blockquote']);
/** Attributes markdown-it writes: table alignment, a fence's language, crmplan's own links. */
const ALLOWED_ATTRIBUTE = /^(?:style="text-align:(?:left|right|center)"|class="language-[a-z]+"|href="([^"]*)")$/;

function expectNoPlanMarkup(html: string, where: string): void {
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, name, attributes] = [match[0], match[1]!.toLowerCase(), match[2]!.trim()];
    expect(ALLOWED_TAGS.has(name), `${where}: tag ${tag}`).toBe(true);
    if (attributes === '' || tag.startsWith('</')) continue;
    const attribute = ALLOWED_ATTRIBUTE.exec(attributes);
    expect(attribute, `${where}: attributes of ${tag}`).not.toBeNull();
    // The only links are crmplan's own: rule pages, never a link the plan wrote.
    if (attribute?.[1] !== undefined) expect(attribute[1], `${where}: link ${tag}`).toMatch(/^https:\/\/crmplan\.invalid\/docs\/rules\/[a-z-]+\.md$/);
  }
}

/** The text a reader sees: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** GitHub notifies `@name` and links `#12`: in a comment, neither may stand as written. */
function expectNoMentions(html: string, where: string): void {
  const text = visibleText(html);
  expect(text, where).not.toMatch(/(?:^|[^\w`])@[A-Za-z0-9]/m);
  expect(text, where).not.toMatch(/(?:^|\s)#\d/m);
}

/** Every row of every table has the header's number of cells: no `|` of the plan split one. */
function expectWholeTables(html: string, where: string): void {
  for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
    const rows = [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => (row[1]!.match(/<t[hd][ >]/g) ?? []).length);
    expect(new Set(rows).size, `${where}: cells per row ${rows.join(',')}`).toBe(1);
  }
}

/** Positions (line, character) of every occurrence of `needle` in the fixture. */
function positionsOf(needle: string): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  TEXT.split('\n').forEach((line, index) => {
    for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) positions.push({ line: index, character: at + 1 });
  });
  return positions;
}

const analysis = analyzePlan(TEXT);
const taskNames = analysis.model.tasks.map((task) => task.name?.value ?? '');

describe('hostile names in the editor markdown (hover, completion)', () => {
  const service = new LanguageService({ ruleDocsBase: RULE_DOCS });
  const document = TextDocument.create('file:///hostile/hostile-names.crmplan.yaml', 'crmplan', 1, TEXT);

  it('hover on every id, name, owner and dependency: only crmplan markup, plan text as text', () => {
    const probes = ['id: ', 'name: ', 'owner: ', 'depends_on: [', '{id: '].flatMap(positionsOf);
    expect(probes.length).toBeGreaterThan(80);
    let shown = 0;
    for (const position of probes) {
      const hover = service.hover(document, position);
      if (!hover) continue;
      shown++;
      const html = markdown.render((hover.contents as MarkupContent).value);
      expectNoPlanMarkup(html, `hover at ${position.line}:${position.character}`);
    }
    expect(shown).toBeGreaterThan(40);
    // The names are there, as text.
    const taskHover = service.hover(document, { ...positionsOf('id: img-markdown')[0]!, character: positionsOf('id: img-markdown')[0]!.character + 5 });
    expect(visibleText(markdown.render((taskHover!.contents as MarkupContent).value))).toContain('<img src=x onerror=alert(2)> **bold** _em_ ~~gone~~');
  });

  it('completion documentation of people, tasks and phases', () => {
    const at = (needle: string, offset: number) => ({ ...positionsOf(needle)[0]!, character: positionsOf(needle)[0]!.character - 1 + offset });
    const lists = [service.completion(document, at('owner: mention', 7)), service.completion(document, at('depends_on: [mention-task]', 13))];
    const documented = lists.flatMap((list) => list.items).filter((item) => typeof item.documentation === 'object');
    expect(documented.length).toBeGreaterThan(20);
    for (const item of documented) {
      const html = markdown.render((item.documentation as MarkupContent).value);
      expectNoPlanMarkup(html, `completion ${item.label}`);
    }
    const person = documented.find((item) => item.label === 'mention');
    expect(visibleText(markdown.render((person!.documentation as MarkupContent).value))).toContain('@dana-team <img src=x onerror=alert(6)>');
  });
});

describe('hostile names in the GitHub markdown (crmplan diff = the pull-request comment, crmplan gantt --format markdown)', () => {
  let diffMarkdown = '';
  let ganttMarkdown = '';
  // HEAD renames, removes, adds, moves and re-owns hostile tasks, so each part of the diff shows plan text.
  const head = TEXT.replace("name: '@everyone and @crmplan/team, see #12'", "name: '@here <img src=y onerror=alert(8)> | #13'")
      .replace(/\n {6}- id: heading\n[\s\S]*?depends_on: \[second-directive\]\n/, '\n')
      .replace('depends_on: [heading]', 'depends_on: [second-directive]')
      .replace("name: 'a | table | breaker |'\n        duration: 2d", "name: 'a | table | breaker |'\n        duration: 9d\n        owner: mention")
      .concat("      - {id: added, name: '@new [x](javascript:alert(9)) <img src=z onerror=alert(10)> |', duration: 1d, depends_on: [escapes]}\n");
  beforeAll(() => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-escaping-'));
    const headFile = path.join(folder, 'hostile-names.crmplan.yaml');
    writeFileSync(headFile, head);
    const diff = crmplan(['diff', FIXTURE, headFile, '--format', 'markdown']);
    expect(diff.stderr).toBe('');
    diffMarkdown = diff.stdout;
    const gantt = crmplan(['gantt', FIXTURE, '--format', 'markdown']);
    expect(gantt.status).toBe(0);
    ganttMarkdown = gantt.stdout;
  });

  it('the diff comment: no tag, link or mention of the plan, whole tables, the names as text', () => {
    const html = markdown.render(diffMarkdown);
    expectNoPlanMarkup(html, 'diff');
    // Code blocks (the chart) notify nobody.
    expectNoMentions(html.replace(/<pre>[\s\S]*?<\/pre>/g, ''), 'diff');
    expectWholeTables(html, 'diff');
    const text = visibleText(html);
    // Renamed, added and moved tasks are all in it, readable.
    for (const name of ['<img src=y onerror=alert(8)>', '[x](javascript:alert(9)) <img src=z onerror=alert(10)>', 'a | table | breaker |']) {
      expect(text.replace(/\u200b/g, '')).toContain(name);
    }
  });

  it("the action's pull-request comment, also when cut to GitHub's size limit", () => {
    const whole = commentBody(diffMarkdown, 'https://github.com/o/r/actions/runs/1');
    // Long enough to be cut, at many places inside escapes, tables and the chart.
    const repeated = Array.from({ length: Math.ceil(COMMENT_BODY_LIMIT / diffMarkdown.length) + 3 }, () => diffMarkdown).join('\n');
    const cuts = [whole, ...[0, 7, 13, 29, 101].map((extra) => commentBody(repeated.slice(extra), undefined))];
    for (const [index, body] of cuts.entries()) {
      expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
      const html = markdown.render(body).replace(COMMENT_MARKER, '');
      expectNoPlanMarkup(html.replace(/<a href="https:\/\/github\.com\/o\/r\/actions\/runs\/1">/g, ''), `comment ${index}`);
      expectNoMentions(html.replace(/<pre>[\s\S]*?<\/pre>/g, ''), `comment ${index}`);
    }
  });

  it('the gantt markdown: a heading of text and one mermaid block', () => {
    const html = markdown.render(ganttMarkdown);
    expectNoPlanMarkup(html, 'gantt');
    expectNoMentions(html.replace(/<pre>[\s\S]*?<\/pre>/g, ''), 'gantt heading');
    expect(html.match(/<pre><code class="language-mermaid">/g)).toHaveLength(1);
    expect(visibleText(html.split('<pre>')[0]!)).toContain('<script>window.__pwned=true</script> Plan');
  });

  it('the Mermaid blocks hold exactly the plan\'s task and phase names (read by Mermaid\'s gantt parser)', async () => {
    const blocks = [ganttMarkdown, diffMarkdown].map((text) => /```mermaid\n([\s\S]*?)\n```/.exec(text)?.[1]);
    expect(blocks[0]).toBeDefined();
    const timeline = buildTimeline(analysis)!;
    for (const block of blocks.filter((text): text is string => text !== undefined)) {
      const parsed = await parseGantt(block);
      const names = parsed.tasks.map((task) => mermaidText(task.task));
      // Each chart draws some of the plan's tasks (the diff's, the changed ones): every bar is a plan name as written.
      expect(names.length).toBeGreaterThan(5);
      const planNames = [...taskNames, ...analyzePlan(head).model.tasks.map((task) => task.name?.value ?? '')].map(labelOf);
      for (const name of names) expect(planNames, name).toContain(name);
      for (const section of new Set(parsed.tasks.map((task) => mermaidText(task.section)))) {
        // A phase name used twice gets ` (2)` in its section, so that Mermaid keeps two sections.
        expect(timeline.phases.map((phase) => labelOf(phase.label)), section).toContain(section.replace(/ \(\d+\)$/, ''));
      }
    }
    // The whole plan's chart has every dated task, and the plan's name as its title.
    const whole = await parseGantt(blocks[0]!);
    expect(whole.tasks).toHaveLength(timeline.tasks.filter((task) => task.start !== null).length);
    expect(mermaidText(whole.title ?? '')).toBe(labelOf(analysis.model.plan.name!.value));
    expect(whole.title?.replace(/#\d+;/g, '')).not.toMatch(/[<>:;%{}]/);
  });
});

/** A name as the chart shows it: one line, trimmed, cut to the label length Mermaid gets (render/gantt-mermaid.ts). */
function labelOf(name: string): string {
  const oneLine = name.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(oneLine);
  return codePoints.length > MAX_LABEL_LENGTH ? `${codePoints.slice(0, MAX_LABEL_LENGTH - 1).join('').trimEnd()}\u2026` : oneLine || '(no name)';
}

/** Mermaid's entity codes (`#60;`) decoded as its renderer does, and crmplan's highlight marker dropped. */
function mermaidText(text: string): string {
  return text
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(HIGHLIGHT_MARKER, '')
    .trim();
}

interface ParsedGantt {
  readonly tasks: readonly { readonly task: string; readonly section: string }[];
  readonly title: string | undefined;
}

/** Mermaid's own gantt grammar (jison) and database, without a browser. */
async function parseGantt(text: string): Promise<ParsedGantt> {
  const chunks = path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'chunks', 'mermaid.core');
  const chunk = readdirSync(chunks).find((name) => /^ganttDiagram-\w+\.mjs$/.test(name));
  if (!chunk) throw new Error(`no gantt diagram module in ${chunks}`);
  const module = (await import(path.join(chunks, chunk))) as {
    diagram: { parser: { yy: unknown; parse(text: string): void }; db: { clear(): void; getTasks(): { task: string; section: string }[] } };
  };
  const { parser, db } = module.diagram;
  parser.yy = db;
  db.clear();
  // Mermaid sanitizes the title with DOMPurify, which needs a browser: the title line is read apart.
  const lines = text.split('\n');
  parser.parse(lines.filter((line) => !line.startsWith('title ')).join('\n'));
  return { tasks: db.getTasks(), title: lines.find((line) => line.startsWith('title '))?.slice('title '.length) };
}
