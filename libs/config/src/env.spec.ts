import { describe, expect, it } from '@jest/globals';
import { EnvironmentError, loadEnvironment } from './env.js';

describe('loadEnvironment', () => {
  it('applies defaults when nothing is set', () => {
    const env = loadEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SKIP_MIGRATIONS).toBe(false);
  });

  it('converts numbers and booleans', () => {
    const env = loadEnvironment({ PORT: '8080', SKIP_MIGRATIONS: 'true', DATABASE_URL: 'postgres://u:p@localhost:5432/db' });
    expect(env.PORT).toBe(8080);
    expect(env.SKIP_MIGRATIONS).toBe(true);
    expect(env.DATABASE_URL).toBe('postgres://u:p@localhost:5432/db');
  });

  it('names every bad value at once', () => {
    let caught: unknown;
    try {
      loadEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SKIP_MIGRATIONS: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvironmentError);
    const problems = (caught as EnvironmentError).problems.join('\n');
    expect(problems).toContain('PORT must be a whole number (got "eighty")');
    expect(problems).toContain('DATABASE_URL must be a postgres://');
    expect(problems).toContain('SKIP_MIGRATIONS must be true or false');
  });
});
