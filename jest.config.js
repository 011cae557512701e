// Jest runs in native ESM mode (NestJS 12 ships as ESM only), so `npm test` sets
// NODE_OPTIONS=--experimental-vm-modules. swc transforms TypeScript with decorator metadata.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// The web app's components (apps/web/**/*.spec.tsx, in jsdom: see docs/web.md): TSX with React's
// automatic runtime, as Vite builds them.
const swcTsx = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

// Two packages the Fastify plugins use ship as ES modules only and are loaded with require(),
// which Node 20.19+ does but Jest's module loader does not: swc turns them into CommonJS when
// required (and leaves them ES modules when imported).
const REQUIRED_ESM = '/node_modules/(@fastify/static|@fastify/cookie|light-my-request)/node_modules/(content-disposition|cookie)/';

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx$': ['@swc/jest', swcTsx], '^.+\\.ts$': ['@swc/jest', swc], [`${REQUIRED_ESM}.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: [`^(?!.*${REQUIRED_ESM}).*/node_modules/`],
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^#migrations$': '<rootDir>/migrations/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The web app imports its stylesheet from main.tsx only; a component test never needs it.
    '\\.css$': '<rootDir>/apps/web/test/empty.js',
  },
  setupFiles: ['<rootDir>/test/setup/reflect.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testMatch: ['<rootDir>/{apps,libs,workflows,migrations}/**/*.spec.{ts,tsx}', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
