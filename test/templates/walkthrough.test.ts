import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedFiles } from '../docs/markdown.js';

const ROOT = path.resolve(__dirname, '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('the New Plan command and the walkthrough in package.json', () => {
  it('contribute "CRM Plan: New Plan from Template...", also under File > New File, and hide the test-only command', () => {
    const command = manifest.contributes.commands.find((entry) => entry.command === 'crmplan.newPlanFromTemplate');
    expect(command).toMatchObject({ title: 'New Plan from Template...', category: 'CRM Plan' });
    expect(manifest.contributes.menus['file/newFile']).toContainEqual(expect.objectContaining({ command: 'crmplan.newPlanFromTemplate' }));
    expect(manifest.contributes.menus['commandPalette']).toContainEqual({ command: 'crmplan.newPlan.describe', when: 'false' });
  });

  it('walk from a new plan to the timeline, a quick fix and crmplan check in CI, each step done by its command', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs;
    expect(others).toEqual([]);
    expect(walkthrough?.steps.map((step) => step.id)).toEqual(['newPlan', 'timeline', 'quickFix', 'ci']);
    const ours = new Set(manifest.contributes.commands.map((entry) => entry.command));
    for (const step of walkthrough!.steps) {
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]!);
      expect(links.length, step.id).toBeGreaterThan(0);
      // Clicking the step's button completes it.
      for (const link of links) expect(step.completionEvents, step.id).toContain(`onCommand:${link}`);
      for (const event of step.completionEvents ?? []) {
        const name = event.replace(/^onCommand:/, '');
        if (name.startsWith('crmplan.')) expect(ours, event).toContain(name);
      }
    }
  });

  it('show pages that exist and ship in the .vsix', () => {
    const shipped = new Set(shippedFiles());
    for (const step of manifest.contributes.walkthroughs[0]!.steps) {
      const page = step.media.markdown;
      expect(page, step.id).toMatch(/^docs\/walkthrough\/[a-z-]+\.md$/);
      expect(existsSync(path.join(ROOT, page!)), page).toBe(true);
      expect(shipped, page).toContain(page);
    }
  });
});
