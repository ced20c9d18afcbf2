import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { COMMENT_BODY_LIMIT, COMMENT_MARKER, commentBody } from '../../action/sticky-comment.js';
import { analyzePlan } from '../../server/src/analysis/analyze-plan.js';
import { exportFormatNamed } from '../../server/src/export/formats.js';
import { HIGHLIGHT_MARKER, MAX_LABEL_LENGTH } from '../../server/src/render/gantt-mermaid.js';
import { buildTimeline } from '../../server/src/render/timeline-model.js';
import { LanguageService } from '../../server/src/service/language-service.js';
import { crmplan, ROOT } from '../cli/cli-process.js';

/**
 * Every output that writes plan text into markdown, Mermaid, XML or
 * TaskJuggler, fed the hostile-names plan: the markdown (hover, completion
 * documentation, `crmplan diff --format markdown` = the pull-request
 * comment, `crmplan status`, `crmplan gantt --format markdown`) rendered by markdown-it with
 * HTML and linkify on holds no tag, link or mention the plan wrote, and no
 * table row that a `|` split; the Mermaid text, read by Mermaid's own gantt
 * parser, holds exactly the plan's task and phase names; the MS Project XML
 * is well-formed and reads back (fast-xml-parser) to the plan's names; the
 * TaskJuggler file, read back by a tokenizer of its syntax, holds every
 * name as one string literal and nothing of the plan outside them.
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

describe('hostile names in the GitHub markdown (crmplan diff = the pull-request comment, crmplan status, crmplan gantt --format markdown)', () => {
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

  it('the status report (crmplan status, also the job summary): no tag, link or mention of the plan, whole tables', () => {
    const status = crmplan(['status', FIXTURE, '--as-of', '2027-02-01']);
    expect(status.status).toBe(0);
    const html = markdown.render(status.stdout);
    expectNoPlanMarkup(html, 'status');
    expectNoMentions(html, 'status');
    expectWholeTables(html, 'status');
    expect(visibleText(html).replace(/\u200b/g, '')).toContain('<script>window.__pwned=true</script> Plan');
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
      // The diff's chart draws a phase with no changed task as one summary bar: `<phase> (N tasks)`, `(N tasks, M not shown)`.
      const phaseLabels = timeline.phases.map((phase) => labelOf(phase.label));
      const summary = / \(\d+ tasks?(?:, \d+ not shown)?\)$/;
      const isSummaryBar = (name: string): boolean => summary.test(name) && phaseLabels.includes(name.replace(summary, ''));
      for (const name of names) if (!isSummaryBar(name)) expect(planNames, name).toContain(name);
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

describe('hostile names in the exports (MS Project XML, TaskJuggler)', () => {
  // More names that only TaskJuggler reads: a macro, an environment variable, a final backslash, comment and block syntax.
  const hostile = TEXT.concat(
    "      - {id: tjp-macro, name: '$(HOME) ${projectstart} $x', duration: 1d}\n",
    "      - {id: tjp-backslash, name: 'ends with a backslash \\', duration: 1d}\n",
    "      - {id: tjp-block, name: '\" } task evil \"x\" { # -8<- /* // ->8-', duration: 1d}\n",
  );
  const hostileAnalysis = analyzePlan(hostile);
  const { model } = hostileAnalysis;
  const exported = (format: string): string => {
    const result = exportFormatNamed(format)!.run(hostileAnalysis, { fileName: 'hostile-names.crmplan.yaml', options: new Map() });
    return result.content as string;
  };
  const planTexts = (): string[] => [
    model.plan.name?.value ?? '',
    ...model.phases.map((phase) => phase.name?.value ?? ''),
    ...model.tasks.map((task) => task.name?.value ?? ''),
    ...model.people.map((person) => person.name?.value ?? ''),
  ].filter((name) => name.trim() !== '');

  it('MS Project XML: well-formed, and every name reads back as the plan wrote it (less what XML 1.0 cannot hold)', () => {
    const xml = exported('mspdi');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => name === 'Task' || name === 'Resource' }).parse(xml) as {
      Project: { Title: string; Tasks: { Task: { Name?: string }[] }; Resources?: { Resource: { Name?: string }[] } };
    };
    const names = new Set([parsed.Project.Title, ...parsed.Project.Tasks.Task.map((task) => task.Name), ...(parsed.Project.Resources?.Resource ?? []).map((resource) => resource.Name)]);
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
    const asXmlHolds = (name: string): string => name.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
    for (const name of planTexts()) expect(names, name).toContain(asXmlHolds(name));
    // No element or attribute the plan wrote: every element name is one MSPDI has.
    for (const match of xml.matchAll(/<([A-Za-z][\w.-]*)/g)) expect(match[1], 'element').toMatch(/^(?:Project|[A-Z][A-Za-z]*)$/);
    expect(xml).not.toMatch(/<script|<img|<b>|<\/text>/i);
  });

  it('TaskJuggler: every name is one string literal that reads back as the plan wrote it, and nothing of the plan stands outside one', () => {
    const tjp = exported('tjp');
    const { strings, comments } = tjpTokens(tjp);
    // TaskJuggler expands `${...}` and `$(...)` even inside strings: none may be left.
    for (const value of strings) expect(value, 'a macro in a string').not.toMatch(/\$[{(]/);
    const values = new Set(strings.map((value) => value.replace(/\u200b/g, '')));
    // eslint-disable-next-line no-control-regex -- names are one line: control characters become spaces
    const asTjpHolds = (name: string): string => name.replace(/[\u0000-\u001f\u007f]/g, ' ');
    for (const name of planTexts()) expect(values, name).toContain(asTjpHolds(name));
    // Comments are crmplan's own sentences, which name only the exported file.
    for (const comment of comments) expect(comment, 'comment').toMatch(/^# [A-Za-z][\w ,;:.'()-]*(?:hostile-names\.crmplan\.yaml)?[\w ,;:.'()-]*$/);
  });
});

/**
 * TaskJuggler's syntax as far as an export needs it read back: double-quoted
 * strings (`\"` is a quote; a backslash before anything else stays),
 * `#` and `//` comments to the end of the line, words (keywords,
 * identifiers, dates, figures) and punctuation. Anything else (a
 * single-quoted or `-8<-` string, a block comment, a macro) throws: the
 * export never writes one, so one there came from the plan.
 */
function tjpTokens(text: string): { strings: string[]; comments: string[] } {
  const strings: string[] = [];
  const comments: string[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    if (rest.startsWith('#') || rest.startsWith('//')) {
      const comment = /^[^\n]*/.exec(rest)![0];
      comments.push(comment);
      at += comment.length;
      continue;
    }
    if (rest.startsWith('"')) {
      let value = '';
      let index = 1;
      while (index < rest.length && rest[index] !== '"') {
        if (rest[index] === '\\' && rest[index + 1] === '"') {
          value += '"';
          index += 2;
        } else {
          if (rest[index] === '\n') throw new Error(`a line break inside a string at ${at}`);
          value += rest[index];
          index++;
        }
      }
      if (index >= rest.length) throw new Error(`an open string at ${at}`);
      strings.push(value);
      at += index + 1;
      continue;
    }
    const word = /^(?:[A-Za-z_][A-Za-z0-9_.]*|\d{4}-\d{2}-\d{2}(?:-\d{2}:\d{2})?|\d+(?:\.\d+)?(?::\d{2})?(?:min|h|d|w|m|y|%)?|[{}[\],!+-])/.exec(rest);
    if (!word) throw new Error(`not TaskJuggler an export writes, at ${at}: ${JSON.stringify(rest.slice(0, 40))}`);
    at += word[0].length;
  }
  return { strings, comments };
}

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
