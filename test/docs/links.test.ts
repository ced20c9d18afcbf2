import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, anchors, isExternal, links, shippedFiles, trackedFiles } from './markdown.js';

// The README and the docs are read inside the installed extension (the Marketplace page,
// VS Code's extension view, a rule page opened from a diagnostic) and on GitHub. Packaging
// uses --no-rewrite-relative-links, so a relative link works only if its target ships too.

const shipped = shippedFiles();
/** vsce renames these three in the .vsix: a link to `CHANGELOG.md` does not resolve there. */
const VSCE_NAMES: Readonly<Record<string, string>> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
const shippedSet = new Set(shipped.map((file) => VSCE_NAMES[file] ?? file));
const REPOSITORY_NAMES = new Map(Object.entries(VSCE_NAMES).map(([name, renamed]) => [renamed, name]));
const markdownThatShips = shipped.filter((file) => file.endsWith('.md'));
const docsPages = trackedFiles().filter((file) => file.startsWith('docs/') && file.endsWith('.md'));

function anchorsOf(file: string): Set<string> {
  return anchors(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** What is wrong with each relative link of `file`, judged against `available`. */
function brokenLinks(file: string, available: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { target, line } of links(readFileSync(path.join(ROOT, file), 'utf8'))) {
    if (isExternal(target)) continue;
    const [rawPath = '', anchor] = target.split('#', 2);
    const here = VSCE_NAMES[file] ?? file;
    const linked = rawPath === '' ? here : path.posix.normalize(path.posix.join(path.posix.dirname(here), decodeURI(rawPath)));
    const where = `${file}:${line}: ${target}`;
    if (!available.has(linked)) {
      problems.push(`${where}: ${linked} is not a file that ships`);
    } else if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(REPOSITORY_NAMES.get(linked) ?? linked).has(anchor)) {
      problems.push(`${where}: ${linked} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

describe('links in the packaged documentation', () => {
  it('ships the README, every docs page and the images they show', () => {
    expect(markdownThatShips).toContain('README.md');
    expect(markdownThatShips).toEqual(expect.arrayContaining(docsPages));
    expect(shipped).toContain('docs/images/timeline-preview.png');
  });

  for (const file of markdownThatShips) {
    it(`${file}: every relative link resolves to a file that ships, every #anchor to a heading`, () => {
      expect(brokenLinks(file, shippedSet)).toEqual([]);
    });
  }

  it('finds a broken link, a link to a file that does not ship and a missing anchor', () => {
    expect(links('See [a](docs/a.md#x), ![b](b.png) and `[c](c.md)`.\n```\n[d](d.md)\n```\n')).toEqual([
      { target: 'docs/a.md#x', line: 1 },
      { target: 'b.png', line: 1 },
    ]);
    const available = new Set(['readme.md', 'docs/format.md']);
    expect(brokenLinks('README.md', available)).toEqual(
      expect.arrayContaining([expect.stringContaining('docs/ci.md is not a file that ships')]),
    );
    expect(shippedSet.has('changelog.md') && !shippedSet.has('CHANGELOG.md')).toBe(true);
  });

  it('computes GitHub anchors for headings with punctuation and repeats', () => {
    expect([...anchors('# Phase 2: Core Setup & Migration\n## `--docs-url` URL\n## Why\n## Why\n```\n# not a heading\n```\n')]).toEqual([
      'phase-2-core-setup--migration',
      '--docs-url-url',
      'why',
      'why-1',
    ]);
  });
});
