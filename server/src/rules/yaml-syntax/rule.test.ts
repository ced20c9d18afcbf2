import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

describe('yaml-syntax', () => {
  it('reports broken YAML at the line where it breaks and still checks the rest', () => {
    const result = runFixture(
      [
        'crmplan: 1',
        'plan:',
        '  name: Broken',
        '  start: 2027-01-04',
        'people:',
        '  - id: pm',
        '    name: "Dana',
        'phases:',
        '  - id: p1',
        '    tasks:',
        '      - {id: a, name: A, duration: 1d, depends_on: [nowhere]}',
        '',
      ].join('\n'),
      { rules: ['yaml-syntax'] },
    );
    expect(result.actual.length).toBeGreaterThan(0);
    expect(result.actual.every((entry) => entry.endsWith('yaml-syntax'))).toBe(true);
  });

  it('reports a half-typed key and keeps analysing the valid parts', () => {
    const text = [
      'crmplan: 1',
      'plan: {name: P, start: 2027-01-04}',
      'phases:',
      '  - id: p1',
      '    tasks:',
      '      - id: a',
      '        name: A',
      '        duration # expect: yaml-syntax',
      '      - id: b',
      '        name: B',
      '        duration: 1d',
      '        owner: nobody # expect: unknown-reference',
      '',
    ].join('\n');
    const result = runFixture(text, { rules: ['yaml-syntax', 'unknown-reference'] });
    expect(result.actual).toEqual(result.expected);
  });

  it('reports a duplicate key, a tab indentation and text that is not YAML at all', () => {
    expect(runFixture('crmplan: 1\ncrmplan: 1 # expect: yaml-syntax\n', { rules: ['yaml-syntax'] }).actual).toEqual([
      '2: yaml-syntax',
    ]);
    const notYaml = runFixture('{{{ this is : not : yaml ]]]\n', { rules: ['yaml-syntax'] });
    expect(notYaml.actual.length).toBeGreaterThan(0);
  });

  it('reports an alias whose anchor does not come before it, which the parser lets through', () => {
    const text = 'crmplan: 1\nplan: {name: *name, start: 2027-01-04} # expect: yaml-syntax\nlater: &name P\n';
    const result = runFixture(text, { rules: ['yaml-syntax'] });
    expect(result.actual).toEqual(result.expected);
    const finding = result.findings[0]!;
    expect(finding.message).toBe("YAML: Unknown alias '*name': no anchor '&name' comes before it.");
    expect(text.slice(finding.span.start, finding.span.end)).toBe('*name');
  });

  it('leaves many aliases and keys that are not text to the schema rule', () => {
    const aliases = `crmplan: 1\nplan: {name: P, start: 2027-01-04}\nlist:\n  - &item x\n${'  - *item\n'.repeat(5000)}`;
    const complexKeys = 'crmplan: 1\nplan: {name: P, start: 2027-01-04}\n? [a, b]\n: 1\n{c: 1}: 2\n';
    expect(runFixture(aliases, { rules: ['yaml-syntax'] }).actual).toEqual([]);
    expect(runFixture(complexKeys, { rules: ['yaml-syntax'] }).actual).toEqual([]);
  });

  it('is silent on valid YAML', () => {
    expect(runFixture('crmplan: 1\nplan: {name: P, start: 2027-01-04}\n', { rules: ['yaml-syntax'] }).actual).toEqual([]);
  });
});
