import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.kafka/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx', 'lib/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One import style: `@/` from the project root across folders, `./` within one.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: "import across folders with '@/…'" }] },
      ],
    },
  },
);
