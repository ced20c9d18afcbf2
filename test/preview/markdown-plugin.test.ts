import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { crmplanMarkdownPlugin, type ChartLookup, type ChartRequest } from '../../client/src/markdown/markdown-plugin.js';

/** A chart source that answers from a table and records what was asked. */
function source(answers: Record<string, ChartLookup>): { asked: ChartRequest[]; chart(request: ChartRequest): ChartLookup } {
  const asked: ChartRequest[] = [];
  return {
    asked,
    chart(request) {
      asked.push(request);
      return answers[request.plan] ?? { state: 'pending' };
    },
  };
}

const ENV = { currentDocument: { toString: () => 'file:///work/repo/README.md' } };

describe('the Markdown preview plugin (crmplan-gantt blocks)', () => {
  it('writes a ready chart as escaped Mermaid text in a pre for the preview script, and leaves other fences to markdown-it', () => {
    const charts = source({ 'plans/rollout.crmplan.yaml': { state: 'ready', mermaid: 'gantt\ntitle A #38; B\nKickoff :crit, t0, 2027-01-04, 2027-01-04\n' } });
    const md = crmplanMarkdownPlugin(new MarkdownIt(), charts);
    const html = md.render('# Plan\n\n```crmplan-gantt\nplans/rollout.crmplan.yaml collapse-over=20\n```\n\n```js\nconst a = 1 < 2;\n```\n', ENV);
    expect(html).toBe(
      '<h1>Plan</h1>\n' +
        '<div class="crmplan-gantt" data-crmplan-plan="plans/rollout.crmplan.yaml"><pre class="crmplan-gantt-source">gantt\ntitle A #38; B\nKickoff :crit, t0, 2027-01-04, 2027-01-04\n</pre></div>\n' +
        '<pre><code class="language-js">const a = 1 &lt; 2;\n</code></pre>\n',
    );
    expect(charts.asked).toEqual([{ documentUri: 'file:///work/repo/README.md', plan: 'plans/rollout.crmplan.yaml', collapseOver: 20 }]);
  });

  it('shows a placeholder while the chart is being made, and why there is none', () => {
    const charts = source({ 'broken.crmplan.yaml': { state: 'unavailable', reason: 'the plan has no valid plan.start' } });
    const md = crmplanMarkdownPlugin(new MarkdownIt(), charts);
    expect(md.render('```crmplan-gantt\n"my plans/x.crmplan.yaml"\n```\n', ENV)).toBe(
      '<div class="crmplan-gantt crmplan-gantt-pending" data-crmplan-plan="my plans/x.crmplan.yaml"><p>Drawing the timeline of my plans/x.crmplan.yaml\u2026</p></div>\n',
    );
    expect(md.render('```crmplan-gantt\nbroken.crmplan.yaml\n```\n', ENV)).toBe(
      '<div class="crmplan-gantt crmplan-gantt-unavailable" data-crmplan-plan="broken.crmplan.yaml"><p>crmplan: no timeline for broken.crmplan.yaml: the plan has no valid plan.start</p></div>\n',
    );
    expect(md.render('```crmplan-gantt\n\n```\n', ENV)).toContain('the block names no plan');
    expect(md.render('```crmplan-gantt\nplan.crmplan.yaml zoom=3\n```\n', ENV)).toContain('unknown option &#39;zoom=3&#39; (options: collapse-over=N)');
    // Only well-formed blocks reach the source.
    expect(charts.asked.map((request) => request.plan)).toEqual(['my plans/x.crmplan.yaml', 'broken.crmplan.yaml']);
  });

  it('escapes hostile plan paths, reasons and chart text: no element or attribute of theirs reaches the HTML', () => {
    const hostile = "'\"><img/src=x/onerror=alert(1)>.crmplan.yaml";
    const charts = source({
      [hostile]: { state: 'unavailable', reason: '<script>alert(1)</script>' },
      'ok.crmplan.yaml': { state: 'ready', mermaid: 'gantt\n</pre><script>alert(2)</script>\n' },
    });
    const md = crmplanMarkdownPlugin(new MarkdownIt({ html: true }), charts);
    const html = md.render(`\`\`\`crmplan-gantt\n${hostile}\n\`\`\`\n\n\`\`\`crmplan-gantt\nok.crmplan.yaml\n\`\`\`\n`, ENV);
    expect(html).not.toMatch(/<img|<script|<\/pre><script/);
    expect(html).toContain('data-crmplan-plan="&#39;&quot;&gt;&lt;img/src=x/onerror=alert(1)&gt;.crmplan.yaml"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<pre class="crmplan-gantt-source">gantt\n&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n</pre>');
    // The only tags are the plugin's own.
    expect([...new Set([...html.matchAll(/<([a-z]+)/g)].map((match) => match[1]))].sort()).toEqual(['div', 'p', 'pre']);
  });

  it('draws the mermaid block under a crmplan:gantt marker from the plan as it is now, and the embedded text while that is being made', () => {
    const charts = source({ 'plans/now.crmplan.yaml': { state: 'ready', mermaid: 'gantt\nNow :t0, 2027-01-04, 2027-01-04\n' } });
    const md = crmplanMarkdownPlugin(new MarkdownIt({ html: true }), charts);
    const embedded = (plan: string) => `<!-- crmplan:gantt ${plan} -->\n\`\`\`mermaid\ngantt\nOld <b> :t0, 2027-01-04, 2027-01-04\n\`\`\`\n<!-- /crmplan:gantt -->\n`;
    expect(md.render(embedded('plans/now.crmplan.yaml collapse-over=3'), ENV)).toBe(
      '<!-- crmplan:gantt plans/now.crmplan.yaml collapse-over=3 -->\n' +
        '<div class="crmplan-gantt" data-crmplan-plan="plans/now.crmplan.yaml"><pre class="crmplan-gantt-source">gantt\nNow :t0, 2027-01-04, 2027-01-04\n</pre></div>\n' +
        '<!-- /crmplan:gantt -->\n',
    );
    expect(md.render(embedded('plans/later.crmplan.yaml'), ENV)).toContain(
      '<div class="crmplan-gantt" data-crmplan-plan="plans/later.crmplan.yaml"><pre class="crmplan-gantt-source">gantt\nOld &lt;b&gt; :t0, 2027-01-04, 2027-01-04\n</pre></div>',
    );
    expect(charts.asked.map(({ plan, collapseOver }) => [plan, collapseOver])).toEqual([['plans/now.crmplan.yaml', 3], ['plans/later.crmplan.yaml', undefined]]);
    // A mermaid block anywhere else is left to markdown-it.
    expect(md.render('```mermaid\ngantt\n```\n', ENV)).toBe('<pre><code class="language-mermaid">gantt\n</code></pre>\n');
  });

  it('passes no document when markdown-it is used without VS Code\'s env', () => {
    const charts = source({});
    crmplanMarkdownPlugin(new MarkdownIt(), charts).render('```crmplan-gantt\na.crmplan.yaml\n```\n');
    expect(charts.asked).toEqual([{ documentUri: undefined, plan: 'a.crmplan.yaml', collapseOver: undefined }]);
  });
});
