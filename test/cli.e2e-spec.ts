import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startNode } from './support/process.js';

const CLI = 'dist/apps/cli/src/main.js';

describe('phoihop CLI on a real deployment database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const p = startNode(CLI, { DATABASE_URL: db.url, ...env }, args);
    const { code } = await p.exited;
    return { code, output: p.output() };
  };

  it('loads the ward units and creates the first admin, who can then sign in', async () => {
    expect((await cli(['units', 'load', 'workflows/seed/ward.json'])).output).toContain('loaded 13 org units');
    const noUnit = await cli(['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'khong-co'], { PHOIHOP_PASSWORD: 'Bao-mat-2026-an-phong' });
    expect(noUnit.code).toBe(1);
    expect(noUnit.output).toContain('no org unit "khong-co"');
    const weak = await cli(['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'phuong-an-phong'], { PHOIHOP_PASSWORD: 'abc' });
    expect(weak.code).toBe(2);
    expect(weak.output).toContain('password must be at least 10 characters');

    const ok = await cli(['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'phuong-an-phong', '--display-name', 'Quản trị viên'], {
      PHOIHOP_PASSWORD: 'Bao-mat-2026-an-phong',
    });
    expect(ok.code).toBe(0);
    expect(ok.output).toContain('created quan-tri');
    expect((await cli(['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'phuong-an-phong'], { PHOIHOP_PASSWORD: 'Bao-mat-2026-an-phong' })).code).toBe(1);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT u.display_name, u.password_hash, r.role, r.unit_key FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.username = 'quan-tri'`,
    );
    await client.end();
    expect(rows).toEqual([expect.objectContaining({ display_name: 'Quản trị viên', role: 'admin', unit_key: 'phuong-an-phong' })]);
    expect(rows[0].password_hash).not.toContain('Quan-tri');
    expect(await bcrypt.compare('Bao-mat-2026-an-phong', rows[0].password_hash)).toBe(true);
  });
});
