import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crmplan } from '../cli/cli-process.js';

// The built CLI (dist/cli.js, `npm run build` first), as a user runs it: the
// bundle carries csv-parse and fast-xml-parser, export and import meet in files.
describe('dist/cli.js export --format mspdi, then import', () => {
  it('writes MS Project XML and reads it back into a plan that checks, with the same schedule', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'crmplan-import-process-'));
    writeFileSync(path.join(folder, 'plan.crmplan.yaml'), readFileSync(path.join(__dirname, '..', '..', 'samples', 'five-phase-project.crmplan.yaml')));
    const exported = crmplan(['export', 'plan.crmplan.yaml', '--format', 'mspdi', '--output', 'plan.xml'], folder);
    expect(exported.status).toBe(0);
    const imported = crmplan(['import', 'plan.xml', '--output', 'back.crmplan.yaml'], folder);
    expect([imported.status, imported.stderr]).toEqual([0, 'crmplan: wrote back.crmplan.yaml\n']);
    const check = crmplan(['check', 'back.crmplan.yaml', '--format', 'json'], folder);
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    const finish = (file: string): string => JSON.parse(crmplan(['schedule', file, '--format', 'json'], folder).stdout).finish;
    expect(finish('back.crmplan.yaml')).toBe(finish('plan.crmplan.yaml'));
    const refused = crmplan(['import', 'plan.xml', '--output', 'back.crmplan.yaml'], folder);
    expect([refused.status, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe("crmplan: --output 'back.crmplan.yaml' already exists; crmplan import never overwrites a file\n");
  });
});
