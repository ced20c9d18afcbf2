import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient } from '../lsp/lsp-test-client.js';
import type { ExportFormatsResult, ExportResponse } from '../../server/src/shared/export-protocol.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { analyzeFile, ROOT, runExport } from './export-test-support.js';

const clients: LspTestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.shutdown();
});

async function startedClient(): Promise<LspTestClient> {
  const client = new LspTestClient(() => ({ validation: { delay: 0 } }));
  clients.push(client);
  await client.initialize();
  return client;
}

const SAMPLE = 'samples/connectsphere.crmplan.yaml';

describe('crmplan/export over stdio (dist/server.js)', () => {
  it('lists the registry and answers with the same text the CLI writes', async () => {
    const client = await startedClient();
    const { formats } = await client.request<ExportFormatsResult>('crmplan/exportFormats', {});
    expect(formats.map((format) => format.name)).toEqual(EXPORT_FORMATS.map((format) => format.name));
    expect(formats.find((format) => format.name === 'ics')).toEqual({
      name: 'ics',
      description: EXPORT_FORMATS.find((format) => format.name === 'ics')!.description,
      extension: 'ics',
      binary: false,
      options: [{ name: 'every-task', description: 'an event for every task, not only milestones and windows', flag: true }],
    });
    const uri = 'file:///tmp/protocol/connectsphere.crmplan.yaml';
    await client.open(uri, readFileSync(path.join(ROOT, SAMPLE), 'utf8'));
    for (const [format, options] of [['ics', { 'every-task': true }], ['csv', {}], ['jira-csv', {}]] as const) {
      const answer = await client.request<ExportResponse>('crmplan/export', { textDocument: { uri }, format, options });
      const expected = runExport(format, analyzeFile(SAMPLE), 'connectsphere.crmplan.yaml', Object.fromEntries(Object.keys(options).map((name) => [name, 'true'])));
      expect(answer).toEqual({ content: expected.content, encoding: 'utf8', omitted: expected.omitted, extension: format === 'ics' ? 'ics' : 'csv', errors: 0 });
    }
    const png = await client.request<ExportResponse>('crmplan/export', { textDocument: { uri }, format: 'png' });
    if (png.content === null) throw new Error(png.reason);
    expect(png.encoding).toBe('base64');
    expect(Buffer.from(png.content, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('answers InvalidParams for a bad format, option or document, and a reason for a plan without plan.start', async () => {
    const client = await startedClient();
    const uri = 'file:///tmp/protocol/nostart.crmplan.yaml';
    await client.open(uri, 'crmplan: 1\nplan: {name: No start}\n');
    const invalid = async (params: unknown): Promise<string> => {
      try {
        await client.request('crmplan/export', params);
      } catch (error) {
        expect((error as { code?: number }).code).toBe(-32602);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(await invalid({ format: 'ics' })).toMatch(/textDocument\.uri must be a string/);
    expect(await invalid({ textDocument: { uri }, format: 'xls' })).toMatch(/format must be one of ics, csv/);
    expect(await invalid({ textDocument: { uri }, format: 42 })).toMatch(/format must be one of/);
    expect(await invalid({ textDocument: { uri }, format: 'csv', options: { 'every-task': true } })).toMatch(/format 'csv' has no option 'every-task'/);
    expect(await invalid({ textDocument: { uri }, format: 'ics', options: ['every-task'] })).toMatch(/options must be an object/);
    expect(await invalid({ textDocument: { uri: 'file:///never-opened.crmplan.yaml' }, format: 'ics' })).toMatch(/not open/);
    const answer = await client.request<ExportResponse>('crmplan/export', { textDocument: { uri }, format: 'ics' });
    expect(answer).toEqual({ content: null, reason: expect.stringMatching(/plan\.start/) });
  });
});
