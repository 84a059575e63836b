import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const noServerImports = {
  patterns: [
    { group: ['@/server', '@/server/*', '**/server/*', '../server', '../../server'], message: 'components/ and lib/ must not import server/: server code must not reach the browser.' },
  ],
};

// The simulator and the benchmarks are tools beside the product: its code never depends on them (tests may).
const noToolImports = {
  patterns: [
    { group: ['**/sim', '**/sim/**', '@/server/sim/**', '**/bench', '**/bench/**', '@/server/bench/**'], message: 'product code must not import the simulator or the benchmarks (server/sim, server/bench); tests and server/scripts may.' },
  ],
};

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'public/**', 'bench-results/**', '.meshglass/**'] },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', noServerImports] },
  },
  {
    files: ['server/**/*.ts', 'app/**/*.{ts,tsx}', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['server/sim/**', 'server/bench/**', 'server/scripts/**', '**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'app/api/v1/route-test-support.ts'],
    rules: { 'no-restricted-imports': ['error', noToolImports] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
];

export default config;
