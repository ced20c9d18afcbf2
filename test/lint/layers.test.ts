import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import-direction rule of eslint.config.mjs, on planted imports: an
 * import against util -> parse -> ... -> lsp|cli, or client code reaching
 * into server files, is an error; imports along the direction are not.
 */
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer imports', () => {
  it('refuses an import from a later layer', async () => {
    expect(await restricted('server/src/parse/planted.ts', "import type { PlanModel } from '../model/types.js';\nexport type X = PlanModel;\n")).toEqual([
      expect.stringMatching(/^'\.\.\/model\/types\.js' import is restricted.*parse\/ comes before [a-z, ]*\bmodel\b/),
    ]);
    expect(await restricted('server/src/render/planted.ts', "import { LanguageService } from '../service/language-service.js';\nexport const x = LanguageService;\n")).toHaveLength(1);
    expect(await restricted('server/src/service/features/planted.ts', "import { startServer } from '../../lsp/server.js';\nexport const x = startServer;\n")).toHaveLength(1);
  });

  it('puts the edit kit before the rules, whose folders hold their fixes', async () => {
    expect(await restricted('server/src/edits/planted.ts', "import type { RuleContext } from '../rules/types.js';\nexport type X = RuleContext;\n")).toEqual([
      expect.stringMatching(/edits\/ comes before [a-z, ]*\brules\b/),
    ]);
    expect(await restricted('server/src/rules/no-sponsor/planted.ts', "import { setMapValue } from '../../edits/text-edits.js';\nexport const x = setMapValue;\n")).toEqual([]);
    expect(await restricted('server/src/rules/no-sponsor/planted.ts', "import { quickFixes } from '../../fixes/index.js';\nexport const x = quickFixes;\n")).toHaveLength(1);
  });

  it('keeps the two entry points apart', async () => {
    expect(await restricted('server/src/cli/planted.ts', "import { startServer } from '../lsp/server.js';\nexport const x = startServer;\n")).toEqual([
      expect.stringContaining('neither imports the other'),
    ]);
  });

  it('refuses client code that imports server files by path', async () => {
    expect(await restricted('client/webview/planted.ts', "import type { Timeline } from '../../server/src/render/timeline-types.js';\nexport type Y = Timeline;\n")).toHaveLength(1);
  });

  it('accepts imports along the direction and by the shared name', async () => {
    expect(await restricted('server/src/rules/planted.ts', "import type { PlanModel } from '../model/types.js';\nexport type X = PlanModel;\n")).toEqual([]);
    expect(await restricted('server/src/lsp/planted.ts', "import { LanguageService } from '../service/language-service.js';\nexport const x = LanguageService;\n")).toEqual([]);
    expect(await restricted('client/webview/planted.ts', "import type { Timeline } from '@crmplan/shared/timeline.js';\nexport type Y = Timeline;\n")).toEqual([]);
  });
});
