import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, keptByVscodeignore, trackedFiles } from './markdown.js';

// crmplan is read by people who install it: no file of the product may point at the
// research material it was built from (../shared/, the roadmaps' file names), which
// exists only next to this repository. docs/sources.md names those roadmaps instead.

/** A roadmap file's name: three digits, an underscore, 16 hex digits, `.txt`. */
const SEED_FILE = /\b\d{3}_[0-9a-f]{16}\.txt\b/;
/** A relative path through a folder named `shared`, as in `../shared/seeds/`. */
const SHARED_PATH = /(?:\.\.\/)+shared\b[^\s'"`),\]]*/g;

/** Whether `reference`, read from `file`'s folder, names something inside the repository. */
function resolvesInside(file: string, reference: string): boolean {
  const target = path.resolve(ROOT, path.dirname(file), reference);
  if (path.relative(ROOT, target).startsWith('..')) return false;
  // A TypeScript import names the .js it compiles to.
  return [target, target.replace(/\.js$/, '.ts')].some((candidate) => existsSync(candidate));
}

/** What in `text` (the content of `file`) refers to something outside the repository. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    const seed = SEED_FILE.exec(line);
    if (seed) found.push(`${where}: seed file name ${seed[0]}`);
    for (const match of line.matchAll(SHARED_PATH)) {
      if (!resolvesInside(file, match[0])) found.push(`${where}: ${match[0]} is outside the repository`);
    }
  });
  return found;
}

/** Tracked files outside test/, plus the built files that ship in the .vsix. */
function productFiles(): string[] {
  const tracked = trackedFiles().filter((file) => !file.startsWith('test/'));
  const dist = path.join(ROOT, 'dist');
  const built = existsSync(dist)
    ? readdirSync(dist, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    : [];
  return [...new Set([...tracked, ...keptByVscodeignore(built)])];
}

function isText(file: string): boolean {
  const absolute = path.join(ROOT, file);
  if (!statSync(absolute).isFile() || /\.(png|jpe?g|gif|ico|vsix|woff2?)$/i.test(file)) return false;
  return !readFileSync(absolute).subarray(0, 8000).includes(0);
}

describe('no file of the product refers to anything outside the repository', () => {
  it('has no ../shared path or seed file name in any tracked file outside test/, nor in what ships', () => {
    const files = productFiles().filter(isText);
    expect(files).toContain('README.md');
    expect(files).toContain('docs/sources.md');
    const found = files.flatMap((file) => outsideReferences(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds a seed file name and a ../shared path, and lets an import inside the repository pass', () => {
    expect(outsideReferences('docs/rules/x.md', 'Seed `../shared/seeds/001_1d92a067d7ee8a57.txt`, "Data Migration Timeline"')).toEqual([
      'docs/rules/x.md:1: seed file name 001_1d92a067d7ee8a57.txt',
      'docs/rules/x.md:1: ../shared/seeds/001_1d92a067d7ee8a57.txt is outside the repository',
    ]);
    expect(outsideReferences('README.md', 'The contract (`../shared/crmplan-format.md`)')).toEqual([
      'README.md:1: ../shared/crmplan-format.md is outside the repository',
    ]);
    expect(outsideReferences('server/src/cli/run-cli.ts', "import { CRMPLAN_VERSION } from '../shared/version.js';")).toEqual([]);
  });
});
