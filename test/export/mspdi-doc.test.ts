import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/src/cli/run-cli.js';

// The MS Project XML section of docs/export.md shows real output: every block
// marked `<!-- mspdi excerpt of: crmplan ... -->` is whole lines of what that
// command prints.
const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'export.md'), 'utf8');
const EXCERPTS = [...PAGE.matchAll(/<!-- mspdi excerpt of: crmplan (.+?) -->\n```\w*\n([\s\S]*?)^```$/gm)].map((match) => ({
  args: match[1]!.split(' '),
  text: match[2]!,
}));

describe('docs/export.md#ms-project-xml', () => {
  it('has excerpts of the mspdi export', () => {
    expect(EXCERPTS.length).toBeGreaterThanOrEqual(3);
    expect(EXCERPTS.every((excerpt) => excerpt.args.join(' ').endsWith('--format mspdi'))).toBe(true);
  });

  for (const [index, excerpt] of EXCERPTS.entries()) {
    it(`excerpt ${index + 1} is what crmplan ${excerpt.args.join(' ')} prints`, async () => {
      let stdout = '';
      const status = await runCli(excerpt.args, { cwd: ROOT, stdout: (text) => (stdout += text), stderr: () => undefined });
      expect(status).toBe(0);
      expect(`\n${stdout}`).toContain(`\n${excerpt.text}`);
    });
  }
});
