// Lint: typescript-eslint's recommended rules plus the architecture's import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports each world may not make (see ../shared/guide/architecture.md, "Modules"). */
const boundaries = [
  {
    files: ['lib/**/*.{ts,tsx}'],
    patterns: [
      { group: ['**/entrypoints/**', '**/components/**'], message: 'lib/ knows none of the worlds: no entrypoints/ or components/.' },
      { group: ['wxt/browser', 'wxt/utils/*'], message: 'lib/ is plain TypeScript: pass browser APIs in from the entry point.' },
    ],
  },
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    patterns: [
      { group: ['**/lib/notes/**', '!**/lib/notes/types', 'dexie'], message: 'IndexedDB from a content script belongs to the page: notes live in the extension origin (only lib/notes/types is shared).' },
      { group: ['virtual:nexus-lens/*'], message: 'The claim index stays in the background; content scripts get matches by message.' },
    ],
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    patterns: [
      { group: ['**/lib/notes/**', '!**/lib/notes/types', '**/lib/messaging/**', 'dexie', 'wxt/browser'], message: 'Components are presentational: props in, callbacks out (only lib/notes/types is shared).' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
