/**
 * The script VS Code's Markdown preview runs for crmplan
 * (`contributes.markdown.previewScripts`, after mermaid.min.js): it draws
 * each `crmplan-gantt` block the markdown-it plugin wrote
 * (client/src/markdown/markdown-plugin.ts) with Mermaid, securityLevel
 * strict. The Mermaid text is read with `textContent` (the plugin
 * HTML-escaped it), so nothing of the plan is ever parsed as HTML here; a
 * chart Mermaid cannot draw leaves the text shown, with a note.
 */
import { baseMermaidConfig } from './view-state.js';

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}
declare const mermaid: MermaidApi | undefined;

let renders = 0;

async function drawCharts(): Promise<void> {
  if (typeof mermaid === 'undefined') return;
  mermaid.initialize(baseMermaidConfig(Array.from(document.body.classList)));
  for (const source of Array.from(document.querySelectorAll<HTMLPreElement>('.crmplan-gantt > pre.crmplan-gantt-source'))) {
    const box = source.parentElement!;
    try {
      const { svg } = await mermaid.render(`crmplan-gantt-${++renders}`, source.textContent ?? '');
      // Mermaid's SVG (strict: labels are text, no scripts or links) replaces the text.
      const template = document.createElement('template');
      template.innerHTML = svg;
      box.replaceChildren(template.content);
      box.classList.add('crmplan-gantt-drawn');
    } catch (error) {
      const note = document.createElement('p');
      note.textContent = `crmplan: Mermaid could not draw this timeline (${error instanceof Error ? error.message : String(error)}).`;
      box.append(note);
    }
  }
}

// On load, and each time the preview updates its content (VS Code's event for preview scripts).
window.addEventListener('vscode.markdown.updateContent', () => void drawCharts());
void drawCharts();
