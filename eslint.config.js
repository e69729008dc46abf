import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.ci/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // The scenario tables call expect inside shared check functions.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect*', '*.check', 'check*'] }],
      // Fakes implement async interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off'
    }
  },
  // A property holds for every generated case, and what it checks depends on the case.
  {
    files: ['__tests__/unit/properties.test.ts'],
    rules: { 'jest/no-conditional-expect': 'off' }
  },
  // Shared scenario checks hold expectations and are called from inside tests.
  { files: ['__tests__/helpers/**/*.ts'], rules: { 'jest/no-standalone-expect': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier
)
