// Flat config: typescript-eslint's recommended rules; `any` is an error in the
// core (server/) and tolerated nowhere else either.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of server/src, in the direction data flows; a module may
 * import from its own layer and the ones before it, never after (see
 * docs/architecture.md). `edits` (text edits over YAML nodes) comes before
 * `rules` because each rule's folder holds its fix; `fixes` gathers them.
 * Tests and test support may reach anywhere.
 */
const LAYERS = ['util', 'parse', 'yaml', 'model', 'schema', 'schedule', 'edits', 'rules', 'fixes', 'analysis', 'render', 'diff', 'export', 'import', 'shared', 'service', 'lsp', 'cli'];

function layerRules() {
  return LAYERS.map((layer, index) => {
    const later = LAYERS.slice(index + 1).filter((other) => !(layer === 'lsp' && other === 'cli'));
    const forbidden = layer === 'cli' ? ['lsp'] : later;
    return {
      files: [`server/src/${layer}/**/*.ts`],
      ignores: ['**/*.test.ts', '**/*-test-support.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.length === 0 ? [] : [
              {
                regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
                message:
                  layer === 'cli'
                    ? 'cli/ and lsp/ are both entry points over the service: neither imports the other.'
                    : `${layer}/ comes before ${forbidden.join(', ')} in parse -> model -> ... -> lsp/cli: move the shared code down, or the import up.`,
              },
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  ...layerRules(),
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+server/',
              message: 'The client imports what it shares with the server by name (@crmplan/shared/...), never server internals by path.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly' },
    },
  },
);
