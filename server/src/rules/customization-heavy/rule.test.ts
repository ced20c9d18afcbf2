import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

describe('customization-heavy', () => {
  it('reports once, on the kind of the largest customization task, with the others related', () => {
    const text = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: build
    tasks:
      - {id: config, name: Configure modules, kind: configuration, duration: 2w}
      - {id: custom-ui, name: Custom quote screen, kind: customization, duration: 4d}
      - id: custom-triggers
        name: Custom triggers
        kind: customization # expect: customization-heavy
        duration: 1w
      - {id: custom-api, name: Custom API, kind: customization, duration: 3d}
      - {id: ms, name: Milestone, kind: customization, milestone: true}
`;
    const { actual, expected, findings } = runFixture(text, { rules: ['customization-heavy'] });
    expect(actual).toEqual(expected);
    const finding = findings.find((f) => f.rule === 'customization-heavy');
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe('customization');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain(
      "Customization outweighs configuration: 12 working days of custom work in 4 tasks against 10 working days of configuration (the largest is 'custom-triggers').",
    );
    expect(finding?.related?.map((related) => related.message)).toEqual([
      "Also customization: 'custom-ui' (4 working days).",
      "Also customization: 'custom-api' (3 working days).",
      "Also customization: 'ms' (0 working days).",
    ]);
    expect(finding?.data).toEqual({
      rule: 'customization-heavy',
      customizationDays: 12,
      configurationDays: 10,
      customizationTasks: ['custom-triggers', 'custom-ui', 'custom-api', 'ms'],
    });
  });

  it("counts weeks in the calendar's workdays", () => {
    const text = `crmplan: 1
plan:
  name: P
  start: 2027-01-04
  calendar: {workdays: [mon, tue, wed, thu]}
phases:
  - id: build
    tasks:
      - {id: config, name: Configure, kind: configuration, duration: 9d}
      - id: custom
        name: Customize
        kind: customization
        duration: 2w
`;
    // 2w is 8 working days in a four-day week: less than 9, so silent.
    expect(runFixture(text, { rules: ['customization-heavy'] }).actual).toEqual([]);
    const longer = text
      .replace('duration: 9d', 'duration: 7d')
      .replace('kind: customization', 'kind: customization # expect: customization-heavy');
    const result = runFixture(longer, { rules: ['customization-heavy'] });
    expect(result.actual).toEqual(result.expected);
    expect(result.actual).toHaveLength(1);
    expect(result.findings.find((f) => f.rule === 'customization-heavy')?.message).toContain(
      '8 working days of custom work in 1 task against 7 working days',
    );
  });

  it('is silent without customization and when configuration is at least as large', () => {
    const texts = [
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: build
    tasks:
      - {id: config, name: Configure, kind: configuration, duration: 1w}
`,
      `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: build
    tasks:
      - {id: config, name: Configure, kind: configuration, duration: 1w}
      - {id: custom, name: Customize, kind: customization, duration: 5d}
`,
    ];
    for (const text of texts) expect(runFixture(text, { rules: ['customization-heavy'] }).actual).toEqual([]);
  });
});
