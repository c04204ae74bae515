// One lint config for every workspace. Type-aware rules catch what review would:
// floating promises, unsafe `any` flowing in from untyped boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.strapi/**',
      '**/.data/**',
      '**/.tmp/**',
      'reports/**',
      'cms/types/**',
      // Generated; held to the schemas by its drift test instead.
      'shared-types/src/generated/**',
      'cms/src/seed/generated/**',
      'site/src/env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Explicit projects: cms has a build tsconfig (what Strapi compiles) and a check one with tests.
        project: [
          './tsconfig.json',
          './cms/tsconfig.test.json',
          './cms/src/admin/tsconfig.json',
          './shared-types/tsconfig.json',
          './scripts/tsconfig.json',
          './testing/tsconfig.json',
          './deploy/tsconfig.json',
          './site/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // No `any` anywhere: boundaries take `unknown` and parse it with zod.
      '@typescript-eslint/no-explicit-any': 'error',
      // Unused arguments named `_x` are placeholders in callbacks with fixed signatures.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A forgotten await loses errors silently; the publisher and seed must never do that.
      '@typescript-eslint/no-floating-promises': 'error',
      // Event handlers (http, child_process) legitimately take async callbacks.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // Template literals with numbers are fine for log lines.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Strapi's loose internals are typed once, in cms/src/strapi/internals.ts; a double cast
    // anywhere else in the CMS's code means a shape that file should describe.
    files: ['cms/src/**/*.ts', 'cms/src/**/*.tsx', 'cms/config/**/*.ts', 'cms/scripts/**/*.ts'],
    ignores: ['cms/src/strapi/internals.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression[typeAnnotation.type="TSUnknownKeyword"]',
          message: 'Type Strapi internals in cms/src/strapi/internals.ts instead of casting through unknown here.',
        },
      ],
    },
  },
  {
    // Plain JS config files are not part of any tsconfig: lint them without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
