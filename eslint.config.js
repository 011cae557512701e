import tseslint from 'typescript-eslint';

/**
 * The layering of ../shared/docs/architecture.md, as imports each lib may make of the others
 * (`#libs/<name>`). Everything not listed is refused by `npm run lint`; no lib imports an app.
 */
export const LAYERS = {
  engine: [],
  calendar: [],
  config: [],
  persistence: [],
  mail: ['config'],
  core: ['engine', 'persistence'],
  runtime: ['calendar', 'config', 'core', 'engine', 'persistence'],
  files: ['config', 'core', 'engine', 'persistence', 'runtime'],
  documents: ['config', 'core', 'engine', 'files', 'persistence', 'runtime'],
  webhooks: ['config', 'core', 'engine', 'persistence', 'runtime'],
  scheduler: ['calendar', 'config', 'core', 'engine', 'mail', 'persistence', 'runtime', 'webhooks'],
  identity: ['config', 'core', 'engine', 'persistence', 'runtime'],
  audit: ['core', 'engine', 'files', 'persistence', 'runtime'],
  reports: ['core', 'engine', 'persistence', 'runtime'],
  observability: ['config', 'core', 'persistence', 'runtime', 'scheduler', 'webhooks'],
};

/** The engine is pure: no framework, database, queue or I/O imports either. */
const IMPURE = ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'node:*', 'fs', 'path', 'child_process', 'net', 'http'];

const layering = Object.entries(LAYERS).map(([lib, allowed]) => {
  const forbidden = Object.keys(LAYERS).filter((other) => other !== lib && !allowed.includes(other));
  return {
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Exact names, not patterns: a pattern starting with '#' is a comment in gitignore syntax.
          paths: forbidden.map((o) => ({ name: `#libs/${o}`, message: `libs/${lib} may import only ${allowed.map((a) => `#libs/${a}`).join(', ') || 'no other lib'} (see docs/architecture.md).` })),
          patterns: [
            { group: ['**/apps/**', '../../*/src/**'], message: 'A lib never imports an app, nor another lib by a relative path: use #libs/<name>.' },
            ...(lib === 'engine' ? [{ group: IMPURE, message: 'The engine is pure: no framework, database, queue or I/O.' }] : []),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layering,
  {
    files: ['libs/engine/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The engine takes time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The engine takes time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The engine is deterministic.' },
      ],
    },
  },
  {
    // SQL and the database driver live in libs/persistence: the rest of the code names the database
    // `Database` and a transaction `Tx` (from '#libs/persistence') and reads through repositories.
    // typescript-eslint's copy of the rule, so that it adds to the layering's `no-restricted-imports`
    // above instead of replacing it for the same files.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    ignores: [
      'libs/persistence/**',
      // The migrations run by persistence's runner: raw SQL in TypeORM's MigrationInterface (type imports only).
      'migrations/**',
      // Tests and benchmarks create and drop throwaway databases (pg) and read the rows the product
      // wrote with SQL of their own (the DataSource an app holds) to check them.
      'test/**',
      'bench/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', 'pg', 'pg/*', 'pg-*'],
              message: 'SQL and the driver stay in libs/persistence: use Database, Tx and a repository from #libs/persistence.',
            },
          ],
        },
      ],
    },
  },
);
