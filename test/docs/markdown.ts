import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** What the doc tests read markdown and the package's file list with. */

export const ROOT = path.resolve(__dirname, '..', '..');

const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

/** The text with fenced code blocks blanked out, line breaks kept. */
export function withoutFences(markdown: string): string {
  return markdown.replace(/^( {0,3})(`{3,}(?=[^`\n]*$)|~{3,})[^\n]*\n[\s\S]*?(?:^\1\2[`~]*[ \t]*$|(?![\s\S]))/gm, blank);
}

/** The text with fenced code blocks and inline code spans blanked out, line breaks kept. */
export function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every ATX heading, with GitHub's `-1`, `-2` suffixes for repeats. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of withoutFences(markdown).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = slug(match[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

export interface Link {
  readonly target: string;
  readonly line: number;
}

/** Every inline link and image target (`[text](target)`, `![alt](target)`) outside code. */
export function links(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const result: Link[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    result.push({ target: match[1] ?? '', line });
  }
  return result;
}

/** Whether a link leaves the document set: a URL with a scheme, or a protocol-relative one. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** The files Git tracks, `/`-separated and relative to the repository. */
export function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
}

/** A `.vscodeignore` glob as a regular expression over `/`-separated paths. */
function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] ?? '';
    if (char === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Which of `files` the `.vscodeignore` keeps: it ignores everything (`**`) and lists what
 * ships with `!`; the last pattern that matches a file decides, as in vsce.
 */
export function keptByVscodeignore(files: readonly string[]): string[] {
  const rules = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ keep: line.startsWith('!'), pattern: globRegExp(line.replace(/^!/, '')) }));
  return files.filter((file) => {
    let kept = true;
    for (const rule of rules) if (rule.pattern.test(file)) kept = rule.keep;
    return kept;
  });
}

/** The tracked files that go into the .vsix. */
export function shippedFiles(): string[] {
  return keptByVscodeignore(trackedFiles());
}
