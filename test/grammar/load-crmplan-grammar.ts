import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const here = __dirname;
const repoRoot = path.resolve(here, '../..');

/**
 * VS Code's own YAML grammars (from VS Code 1.100.3, see vscode-yaml/README.md): the crmplan
 * grammar embeds `source.yaml`, and its patterns must win against exactly these rules, so a
 * simplified stand-in would not test what users see.
 */
const grammarFiles: Record<string, string> = {
  'source.crmplan': path.join(repoRoot, 'syntaxes/crmplan.tmLanguage.json'),
  'source.yaml': path.join(here, 'vscode-yaml/yaml.tmLanguage.json'),
  'source.yaml.1.0': path.join(here, 'vscode-yaml/yaml-1.0.tmLanguage.json'),
  'source.yaml.1.1': path.join(here, 'vscode-yaml/yaml-1.1.tmLanguage.json'),
  'source.yaml.1.2': path.join(here, 'vscode-yaml/yaml-1.2.tmLanguage.json'),
  'source.yaml.1.3': path.join(here, 'vscode-yaml/yaml-1.3.tmLanguage.json'),
  'source.yaml.embedded': path.join(here, 'vscode-yaml/yaml-embedded.tmLanguage.json'),
};

export interface LineTokens {
  line: string;
  tokens: textmate.IToken[];
}

export interface PlanTokenizer {
  tokenizeLines(lines: readonly string[]): LineTokens[];
}

let onigurumaLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigurumaLoaded ??= (async () => {
    const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigurumaLoaded;
}

export async function loadCrmplanGrammar(): Promise<PlanTokenizer> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      if (file === undefined) {
        throw new Error(`the crmplan grammar includes an unknown grammar: ${scopeName}`);
      }
      return textmate.parseRawGrammar(await readFile(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('source.crmplan');
  if (grammar === null) {
    throw new Error('source.crmplan did not load');
  }
  return {
    tokenizeLines(lines) {
      let state = textmate.INITIAL;
      return lines.map((line) => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        return { line, tokens: result.tokens };
      });
    },
  };
}
