import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SetBaselineResult } from '../../server/src/shared/protocol.js';
import { LspTestClient, SERVER_PATH } from './lsp-test-client.js';

// Mon 2027-01-04: kickoff Jan 4; go-live (milestone) Jan 5.
const PLAN = `crmplan: 1
plan: {name: P, start: 2027-01-04} # the start
phases:
  - id: p
    tasks:
      - {id: kickoff, name: Kickoff, duration: 1d}
      - {id: go-live, name: Go-live, milestone: true, depends_on: [kickoff]}
# the end
`;

let clients: LspTestClient[] = [];
beforeAll(() => {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.shutdown()));
  clients = [];
});

describe('crmplan/setBaseline over stdio', () => {
  it('answers the text edit that appends the baseline block, for the version it was computed on', async () => {
    const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
    clients.push(client);
    await client.initialize();
    const uri = 'file:///tmp/protocol/baseline.crmplan.yaml';
    await client.open(uri, PLAN, 4);
    const answer = await client.request<SetBaselineResult>('crmplan/setBaseline', { uri, date: '2027-01-02' });
    expect(answer).toMatchObject({ uri, version: 4, summary: 'Baseline set on 2027-01-02: 1 task and 1 milestone, finish 2027-01-05.' });
    if ('refused' in answer) throw new Error(answer.refused);
    const document = TextDocument.create(uri, 'crmplan', 4, PLAN);
    // After the last entry, before the comment that ends the file.
    expect(TextDocument.applyEdits(document, [...answer.edits])).toBe(
      `${PLAN.replace('# the end\n', '')}baseline:
  date: 2027-01-02
  finish: 2027-01-05
  tasks:
    kickoff: {start: 2027-01-04, finish: 2027-01-04}
    go-live: {start: 2027-01-05, finish: 2027-01-05}
# the end
`,
    );
  });

  it('refuses a plan with errors, a bad date and a document that is not open', async () => {
    const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
    clients.push(client);
    await client.initialize();
    const uri = 'file:///tmp/protocol/broken.crmplan.yaml';
    await client.open(uri, PLAN.replace('[kickoff]', '[nowhere]'), 1);
    expect(await client.request<SetBaselineResult>('crmplan/setBaseline', { uri, date: '2027-01-02' })).toEqual({
      uri,
      version: 1,
      refused: 'the plan has 1 error; fix them before setting a baseline',
    });
    expect(await client.request<SetBaselineResult>('crmplan/setBaseline', { uri, date: 'tomorrow' })).toMatchObject({ refused: expect.stringMatching(/not a date/) });
    await expect(client.request('crmplan/setBaseline', { uri: 'file:///tmp/protocol/never.crmplan.yaml', date: '2027-01-02' })).rejects.toThrow(/not open/);
  });
});
