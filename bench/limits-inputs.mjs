// The hostile inputs of bench/limits.mjs, shared with the test that checks
// their findings (test/cli/limits-inputs.test.ts).
const HEAD = 'crmplan: 1\nplan:\n  name: Hostile\n  start: 2027-01-04\nphases:\n  - id: p\n    name: P\n    tasks:\n      - {id: a, name: A, duration: 1d}\n';

/** Each hostile input of the limits benchmark, by name: a function that makes its text. */
export const LIMIT_INPUTS = {
  /** A plan of 50 MB: one long comment-free list of tasks. */
  'a 50 MB file': () => {
    const lines = [HEAD];
    let size = HEAD.length;
    for (let task = 0; size < 50 * 1024 * 1024; task++) {
      const line = `      - {id: t${task}, name: Task number ${task} of a very large plan, duration: 1d, depends_on: [a]}\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  },
  /** 10,000 nested flow sequences in a task's tags, and 10,000 nested block sequences (`- - - x`). */
  'a 10,000-level nesting': () =>
    `${HEAD}      - {id: deep, name: Deep, duration: 1d, tags: ${'['.repeat(10_000)}x${']'.repeat(10_000)}}\n` +
    `risks:\n  - ${'- '.repeat(10_000)}x\n`,
  /** Nine levels of ten aliases each: 10^9 nodes if expanded. */
  'a billion-laughs document': () => {
    const lines = ['crmplan: 1', 'plan: {name: Laughs, start: 2027-01-04}', 'x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level <= 9; level++) lines.push(`x${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]`);
    lines.push('phases:', '  - id: p', '    name: *l9', '    tasks:', '      - {id: a, name: *l9, duration: 1d, tags: *l9}');
    return `${lines.join('\n')}\n`;
  },
  /** `depends_on` written one item a line, 750,000 lines (8.6 MB, within the 10 MB limit). */
  'a 750,000-line list': () => `${HEAD}      - id: b\n        name: B\n        duration: 1d\n        depends_on:\n${'        - a\n'.repeat(750_000)}`,
  /** 100 tasks whose `depends_on` lists have 9,999 items each (each under the 10,000 limit, a million in all; 1.9 MB). */
  '100 lists of 9,999 items': () =>
    `${HEAD}${Array.from({ length: 100 }, (_, task) => `      - {id: f${task}, name: F, duration: 1d, depends_on: [${Array.from({ length: 9_999 }, () => 'a').join(',')}]}\n`).join('')}`,
  /** `depends_on` with three million elements (about 9 MB). */
  'a 3,000,000-element flow sequence': () => `${HEAD}      - {id: b, name: B, duration: 1d, depends_on: [${Array.from({ length: 3_000_000 }, () => 'a').join(',')}]}\n`,
};

