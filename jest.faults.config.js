// The fault-injection suite (npm run test:faults): real api and worker processes on loopback, with
// PostgreSQL, Redis, processes and the clock broken under load (test/faults, docs/reliability.md).
// Same transform and setup as jest.config.js; its own files; long timeouts; one file at a time.
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 240000,
  maxWorkers: 1,
};
