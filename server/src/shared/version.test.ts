import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRMPLAN_VERSION } from './version.js';

describe('CRMPLAN_VERSION', () => {
  it('is the version in package.json (what the .vsix and the CHANGELOG carry)', () => {
    const manifestPath = path.resolve(__dirname, '..', '..', '..', 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    expect(CRMPLAN_VERSION).toBe(manifest.version);
  });
});
