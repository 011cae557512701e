import { describe, expect, it } from '@jest/globals';
import { EnvironmentError, loadEnvironment, metricsAccess } from './env.js';

describe('loadEnvironment', () => {
  it('applies defaults when nothing is set', () => {
    const env = loadEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SKIP_MIGRATIONS).toBe(false);
    expect(env.EMBEDDED_PG_SHARED_BUFFERS).toBe('auto');
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
      loadEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SKIP_MIGRATIONS: 'maybe', EMBEDDED_PG_SHARED_BUFFERS: 'lots' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvironmentError);
    const problems = (caught as EnvironmentError).problems.join('\n');
    expect(problems).toContain('PORT must be a whole number (got "eighty")');
    expect(problems).toContain('DATABASE_URL must be a postgres://');
    expect(problems).toContain('SKIP_MIGRATIONS must be true or false');
    expect(problems).toContain('EMBEDDED_PG_SHARED_BUFFERS must be auto or a size such as 512MB or 2GB');
  });

  it('e-mail: SMTP_URL is smtp:// or smtps:// and needs MAIL_FROM; PUBLIC_URL defaults to the local server', () => {
    const none = loadEnvironment({});
    expect([none.SMTP_URL, none.MAIL_FROM, none.PUBLIC_URL]).toEqual([undefined, undefined, 'http://localhost:3000']);
    const env = loadEnvironment({ SMTP_URL: 'smtps://user:pass@mail.example:465', MAIL_FROM: '"Phối Hợp" <no-reply@anphong.gov.vn>', PUBLIC_URL: 'https://phoihop.anphong.gov.vn' });
    expect(env).toMatchObject({ SMTP_URL: 'smtps://user:pass@mail.example:465', MAIL_FROM: '"Phối Hợp" <no-reply@anphong.gov.vn>', PUBLIC_URL: 'https://phoihop.anphong.gov.vn' });
    expect(() => loadEnvironment({ SMTP_URL: 'http://user:secret@mail.example', MAIL_FROM: 'a@b.vn' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    // The URL may hold a password: it is never echoed.
    expect(() => loadEnvironment({ SMTP_URL: 'http://user:secret@mail.example', MAIL_FROM: 'a@b.vn' })).not.toThrow(/secret/);
    expect(() => loadEnvironment({ SMTP_URL: 'smtp://mail.example' })).toThrow(/MAIL_FROM is required when SMTP_URL is set/);
    expect(() => loadEnvironment({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'khong-phai-dia-chi' })).toThrow(/MAIL_FROM must be an address/);
    expect(() => loadEnvironment({ PUBLIC_URL: 'phoihop.vn' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
  });

  it('reads the optional settings that have no default, and checks them', () => {
    const env = loadEnvironment({ METRICS_PORT: '9464', WORKER_QUEUES: 'timers,children', CORS_ORIGINS: 'https://a.example,https://b.example', LOG_FORMAT: 'json' });
    expect(env).toMatchObject({ METRICS_PORT: 9464, WORKER_QUEUES: 'timers,children', CORS_ORIGINS: 'https://a.example,https://b.example', LOG_FORMAT: 'json' });
    expect(() => loadEnvironment({ WORKER_QUEUES: 'timers,mails' })).toThrow(/WORKER_QUEUES must list queues/);
    expect(loadEnvironment({ WORKER_QUEUES: 'emails' }).WORKER_QUEUES).toBe('emails');
    expect(() => loadEnvironment({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be pretty or json/);
    expect(() => loadEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadEnvironment({ RATE_LIMIT_WRITES_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_WRITES_PER_MINUTE must be at least 0/);
  });

  it('METRICS_TOKEN: long enough, never echoed; /metrics closed without it outside the embedded default', () => {
    expect(() => loadEnvironment({ METRICS_TOKEN: 'ngan' })).toThrow(/METRICS_TOKEN must be at least 16/);
    const refused = (() => {
      try {
        loadEnvironment({ METRICS_TOKEN: 'bi mat co dau cach' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refused).toContain('METRICS_TOKEN');
    expect(refused).not.toContain('bi mat');
    const db = 'postgres://phoihop:Mat-Khau-Rat-Dai-9@db/phoihop';
    expect(metricsAccess(loadEnvironment({ DATABASE_URL: db }))).toEqual({ token: undefined, openOnLoopback: false });
    expect(metricsAccess(loadEnvironment({ METRICS_TOKEN: 'prometheus-bi-mat-2026' }))).toEqual({ token: 'prometheus-bi-mat-2026', openOnLoopback: true });
  });
});
