import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github.js';
import { crmplan, ROOT } from './cli-process.js';

const GOLDEN_PLAN = 'test/cli/golden/ci-formats.crmplan.yaml';
const GOLDEN_OUTPUT = path.join(ROOT, 'test/cli/golden/ci-formats.github.txt');

interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

/**
 * Reads a line back as the Actions runner does (its ActionCommand parser):
 * `::name k=v,k=v::message`, then unescapes the values.
 */
function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (text: string): string =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter((text) => text !== '')) {
    const equals = pair.indexOf('=');
    properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1));
  }
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe('crmplan check --format github', () => {
  it('gives the golden workflow commands for a small plan, then a plain summary line, and exits 1 on errors', () => {
    const result = crmplan(['check', '--format', 'github', GOLDEN_PLAN]);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN_OUTPUT, result.stdout);
    expect(result.stdout).toBe(readFileSync(GOLDEN_OUTPUT, 'utf8'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('maps error, warning, info and hint to error, warning, notice and notice, with the text format positions', () => {
    const lines = crmplan(['check', '--format', 'github', GOLDEN_PLAN]).stdout.trimEnd().split('\n');
    const text = crmplan(['check', GOLDEN_PLAN]).stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(text[text.length - 1]);
    expect(lines[lines.length - 1]).toBe('1 plan checked: 1 error, 1 warning, 1 info, 1 hint');
    expect(parseWorkflowCommand(lines[lines.length - 1]!)).toBeUndefined();

    const commands = lines.slice(0, -1).map((line) => parseWorkflowCommand(line)!);
    expect(commands.map((command) => [command.command, command.properties['title']])).toEqual([
      ['notice', 'crmplan no-objectives'],
      ['notice', 'crmplan no-communication-plan'],
      ['warning', 'crmplan schema'],
      ['error', 'crmplan unknown-reference'],
    ]);
    const severities = ['info', 'hint', 'warning', 'error'];
    for (const [index, command] of commands.entries()) {
      // text: `path:line:col severity message [rule]`
      const { file, line, col } = command.properties;
      expect(text.some((textLine) => textLine.startsWith(`${file}:${line}:${col} ${severities[index]} `))).toBe(true);
    }
    // The rocket before `kickof` counts as two UTF-16 code units, as in the editor.
    expect(commands[3]!.properties).toMatchObject({ line: '22', col: '74', endLine: '22', endColumn: '80' });
  });

  it('escapes %, CR and LF in messages, and also : and , in properties, so the runner reads back the exact text', () => {
    const lines = crmplan(['check', '--format', 'github', GOLDEN_PLAN]).stdout.split('\n');
    const schema = lines.find((line) => line.includes('title=crmplan schema'))!;
    expect(schema).toBe(
      "::warning file=test/cli/golden/ci-formats.crmplan.yaml,line=10,col=3,endLine=10,endColumn=35,title=crmplan schema::Unknown key '100%25: odd, key%0Aon two lines%0D' in plan.",
    );
    expect(parseWorkflowCommand(schema)!.message).toBe("Unknown key '100%: odd, key\non two lines\r' in plan.");

    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-github-'));
    writeFileSync(path.join(folder, 'q3,v2: 100%.crmplan.yaml'), 'crmplan: 1\nplan: {name: A, start: 2027-01-04, sponsr: x}\n');
    const odd = crmplan(['check', '--format', 'github', '--rule', 'no-sponsor=off', '--rule', 'no-objectives=off', '--rule', 'no-communication-plan=off'], folder);
    const [command] = odd.stdout.split('\n');
    expect(command).toBe(
      "::warning file=q3%2Cv2%3A 100%25.crmplan.yaml,line=2,col=36,endLine=2,endColumn=42,title=crmplan schema::Unknown key 'sponsr' in plan. Did you mean 'sponsor'?",
    );
    expect(parseWorkflowCommand(command!)!.properties['file']).toBe('q3,v2: 100%.crmplan.yaml');
  });

  it('escapes as @actions/core does', () => {
    expect(escapeData('50% done:\r\nnext, then')).toBe('50%25 done:%0D%0Anext, then');
    expect(escapeProperty('50% done:\r\nnext, then')).toBe('50%25 done%3A%0D%0Anext%2C then');
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('exits 0 for clean plans and 1 for warnings over --max-warnings, like the text format', () => {
    const clean = crmplan(['check', '--format', 'github', 'samples']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('5 plans checked: no problems\n');

    const args = ['samples/with-problems/no-objectives.crmplan.yaml', '--max-warnings', '0'];
    const github = crmplan(['check', '--format', 'github', ...args]);
    const text = crmplan(['check', ...args]);
    expect(github.status).toBe(1);
    expect(text.status).toBe(1);
    expect(github.stderr).toBe(text.stderr);
    expect(github.stderr).toBe('crmplan: 1 warnings, more than --max-warnings 0\n');
    expect(github.stdout.split('\n')[0]).toMatch(/^::warning file=samples\/with-problems\/no-objectives\.crmplan\.yaml,line=\d+,/);
  });
});
