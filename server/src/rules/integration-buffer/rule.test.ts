import { describe, expect, it } from 'vitest';
import { runFixture } from '../../testing/fixtures.js';

const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: build
    tasks:
      - id: erp-sync
        name: ERP integration
        kind: integration
        complexity: high # expect: integration-buffer
        duration: 2w
      - {id: uat, name: UAT, kind: uat, duration: 1w, depends_on: [erp-sync]}
      - {id: docs, name: Docs, duration: 1w, depends_on: [{task: erp-sync, lag: 3d}]}
      - id: email-sync
        name: Email integration with a buffer before UAT
        kind: integration
        complexity: high
        duration: 1w
      - {id: email-uat, name: Email UAT, kind: uat, duration: 2d, depends_on: [{task: email-sync, lag: 2d}]}
      - id: shop-sync
        name: Shop integration, followed only start-to-start
        kind: integration
        complexity: high
        duration: 1w
      - {id: shop-docs, name: Shop docs, duration: 2d, depends_on: [{task: shop-sync, type: SS}]}
      - id: calendar-sync
        name: Calendar integration with nothing after it
        kind: integration
        complexity: high
        duration: 1w
      - id: simple-sync
        name: Low complexity is not reported
        kind: integration
        complexity: low
        duration: 1w
      - {id: simple-uat, name: Simple UAT, kind: uat, duration: 1d, depends_on: [simple-sync]}
      - id: ledger-sync
        name: Its successor waits longer for something else
        kind: integration
        complexity: high
        duration: 1d
      - {id: ledger-uat, name: Ledger UAT, kind: uat, duration: 1d, depends_on: [ledger-sync, docs]}
  - id: integrate
    tasks:
      - id: billing-sync
        name: Ends its phase, which go-live waits for
        kind: integration
        complexity: high # expect: integration-buffer
        duration: 2w
      - {id: billing-map, name: Billing mapping, kind: data-mapping, duration: 1w}
  - id: launch
    depends_on: [integrate]
    tasks:
      - {id: go-live, name: Go live, kind: go-live, milestone: true}
      - {id: comms, name: Launch mail, duration: 1d, depends_on: [{task: billing-sync, lag: -1d}]}
`;

describe('integration-buffer', () => {
  it('reports high-complexity integrations followed at once by other work, on the complexity value', () => {
    const { actual, expected, findings } = runFixture(PLAN, { rules: ['integration-buffer'] });
    expect(actual).toEqual(expected);
    expect(findings.map((finding) => PLAN.slice(finding.span.start, finding.span.end))).toEqual(['high', 'high']);
  });

  it('names the successors and carries the dependency items a quick-fix would add a lag to', () => {
    const { findings } = runFixture(PLAN, { rules: ['integration-buffer'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      "High-complexity integration 'erp-sync' has no buffer before what follows it: 'uat' starts as soon as it finishes on 2027-01-15, so any slip in it delays that task. Add a lag or a buffer task.",
      // Through the phase it ends, and with a negative lag: less than no buffer.
      "High-complexity integration 'billing-sync' has no buffer before what follows it: 'go-live' and 'comms' start as soon as it finishes on 2027-01-15, so any slip in it delays them. Add a lag or a buffer task.",
    ]);
    expect(findings[0]?.data).toMatchObject({ rule: 'integration-buffer', taskId: 'erp-sync', taskIndex: 0, successors: ['uat'] });
    const billing = findings[1]?.data;
    if (billing?.rule !== 'integration-buffer') throw new Error('unexpected data');
    expect(billing.successors).toEqual(['go-live', 'comms']);
    expect(billing.dependencySpans.map((span) => PLAN.slice(span.start, span.end))).toEqual([
      'integrate',
      '{task: billing-sync, lag: -1d}',
    ]);
  });

  it('is silent without a plan start and on a cycle', () => {
    const text = `crmplan: 1
plan: {name: P}
phases:
  - id: p
    tasks:
      - {id: a, name: A, kind: integration, complexity: high, duration: 1w}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
`;
    expect(runFixture(text, { rules: ['integration-buffer'] }).actual).toEqual([]);
    const cycle = `crmplan: 1
plan: {name: P, start: 2027-01-04}
phases:
  - id: p
    tasks:
      - {id: a, name: A, kind: integration, complexity: high, duration: 1w, depends_on: [b]}
      - {id: b, name: B, duration: 1d, depends_on: [a]}
      - {id: c, name: C, duration: 1d, depends_on: [a]}
`;
    expect(runFixture(cycle, { rules: ['integration-buffer'] }).actual).toEqual([]);
  });
});
