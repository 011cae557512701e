import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startTestApp, type TestApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { freePort, startNode } from './support/process.js';

// Built by the test run's global setup (test/setup/global-setup.ts runs scripts/build.mjs).
const CLI = 'dist/apps/cli/src/main.js';

/** Runs the CLI as a process in `cwd`, with only the given environment; stdout and stderr apart. */
function phoihop(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: options.cwd ?? process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...options.env };
  const child = spawn(process.execPath, [resolve(CLI), ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** A database with nothing in it (not the migrated template): what a mistaken migration would fill. */
async function emptyDatabase(): Promise<{ url: string; tables: () => Promise<number>; drop: () => Promise<void> }> {
  const adminUrl = process.env.PHOIHOP_TEST_ADMIN_URL!;
  const name = `phoihop_test_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async tables() {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
      await c.end();
      return rows[0].n;
    },
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

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
    expect((await cli(['units', 'load', 'workflows/seed/ward.json'])).output).toContain('loaded 17 org units');
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

/**
 * Issue 21, item 8: `--help` read as a file name, `migrate --help` migrating a database. Every command
 * runs in an empty directory with no DATABASE_URL (the embedded default would create ./.data there)
 * and a server that counts what it is asked: help and refused arguments leave all three untouched.
 */
describe('phoihop --help, and refused arguments: nothing is touched', () => {
  let cwd: string;
  let server: Server;
  let requests = 0;
  let env: Record<string, string>;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'phoihop-cli-help-'));
    server = createServer((req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const port = (server.address() as { port: number }).port;
    env = { PHOIHOP_TOKEN: 'php_cli_test', PHOIHOP_SERVER: `http://127.0.0.1:${port}`, PHOIHOP_PASSWORD: 'Bao-mat-2026-an-phong', EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    await rm(cwd, { recursive: true, force: true });
  });
  const untouched = async () => {
    expect(await readdir(cwd)).toEqual([]);
    expect(requests).toBe(0);
  };

  const commands: Array<[string, string[]]> = [
    ['migrate', ['migrate', '--help']],
    ['migrate', ['migrate', '-h']],
    ['migrate', ['migrate', '--plan', 'plan.json', '--dry-run', '--help']],
    ['validate', ['validate', '--help']],
    ['validate', ['validate', 'a.json', '-h', '--strict']],
    ['simulate', ['simulate', '--help']],
    ['diagram', ['diagram', 'a.json', '--help']],
    ['publish', ['publish', '--help']],
    ['publish', ['publish', 'a.json', '--server', 'http://127.0.0.1:9', '-h']],
    ['units load', ['units', 'load', '--help']],
    ['units load', ['units', 'load', 'workflows/seed/ward.json', '-h']],
    ['user create', ['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'phuong-an-phong', '--help']],
    ['audit verify', ['audit', 'verify', '--help']],
    ['audit export', ['audit', 'export', '--format', 'csv', '-h']],
    ['backup', ['backup', '--out', 'sao-luu.gz', '--help']],
    ['restore', ['restore', '--in', 'sao-luu.gz', '--force', '--help']],
    ['restore', ['help', 'restore']],
    ['audit export', ['help', 'audit', 'export']],
  ];

  it.each(commands)('phoihop %s: %j prints its usage, options and exit codes', async (name, args) => {
    const { code, stdout, stderr } = await phoihop(args, { cwd, env });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^phoihop ${name} — `));
    expect(stdout).toContain(`Usage:\n  phoihop ${name}`);
    expect(stdout).toContain('Options:');
    expect(stdout).toContain('-h, --help');
    expect(stdout).toMatch(/\nExit codes:\n {2}0 {2}.+\n {2}1 {2}[^]+\n {2}2 {2}usage error/);
    await untouched();
  });

  it.each([
    ['audit', ['audit', '--help']],
    ['user', ['user', '-h']],
    ['units', ['units', '--help']],
  ])('phoihop %s --help lists its sub-commands', async (name, args) => {
    const { code, stdout } = await phoihop(args, { cwd, env });
    expect(code).toBe(0);
    expect(stdout).toContain(`Commands:`);
    expect(stdout).toContain(`Run "phoihop ${name} COMMAND --help"`);
    await untouched();
  });

  it('phoihop, phoihop help and phoihop --help list every command and the exit codes', async () => {
    for (const args of [[], ['help'], ['--help'], ['-h']]) {
      const { code, stdout, stderr } = await phoihop(args, { cwd, env });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      for (const name of ['migrate', 'validate', 'simulate', 'diagram', 'publish', 'units load', 'user create', 'audit verify', 'audit export', 'backup', 'restore']) expect(stdout).toContain(`  ${name} `);
      expect(stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 {2}usage error/);
    }
    await untouched();
  });

  it.each<[string[], string]>([
    [['validate', '--bogus', 'a.json'], 'unknown option "--bogus"'],
    [['validate', '-x', 'a.json'], 'unknown option "-x"'],
    [['validate'], 'missing FILE'],
    [['migrate', '--force'], 'unknown option "--force"'],
    [['migrate', '--dry-run'], '--dry-run goes with --plan FILE'],
    [['migrate', 'now'], 'unexpected argument "now"'],
    [['publish', 'a.json', '--replace'], 'unknown option "--replace"'],
    [['publish'], 'missing FILE'],
    [['diagram', 'a.json', '--lang', 'fr'], '--lang must be vi or en, not "fr"'],
    [['simulate', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['units', 'load'], 'missing FILE'],
    [['units', 'unload', 'a.json'], 'unknown command "unload"'],
    [['user', 'create', '--username', 'quan-tri', '--role', 'admin', '--unit', 'phuong-an-phong', '--admin'], 'unknown option "--admin"'],
    [['user', 'create', '--username', 'quan-tri', '--unit', 'phuong-an-phong'], '--role ROLE is required'],
    [['audit'], 'say which: verify, export'],
    [['audit', 'verify', '--public-key', 'khoa.pem'], '--public-key goes with --checkpoint FILE'],
    [['audit', 'export', '--from', 'hom-qua'], '--from must be a date or a time'],
    [['audit', 'export', '--format', 'xml'], '--format must be ndjson or csv, not "xml"'],
    [['backup', '--out'], '--out needs a value (FILE)'],
    [['backup', '--out', '--force'], '--out needs a value (FILE)'],
    [['backup', '--out', 'sao-luu.gz', '--format', 'pg_dump'], 'only the built-in format is written here'],
    [['restore', '--in', 'sao-luu.gz', '--yes'], 'unknown option "--yes"'],
    [['restore', '--check'], '--in FILE is required'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['--verbose'], 'unknown option "--verbose"'],
  ])('phoihop %j exits 2: %s', async (args, message) => {
    const { code, stdout, stderr } = await phoihop(args, { cwd, env });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
    expect(stderr).toMatch(/Run "phoihop [a-z ]*--help" for more\.|Run "phoihop help" for more\./);
    await untouched();
  });

  it('migrate --help leaves the database of DATABASE_URL as it was; migrate itself fills it', async () => {
    const empty = await emptyDatabase();
    try {
      for (const args of [['migrate', '--help'], ['migrate', '-h'], ['help', 'migrate'], ['migrate', '--bogus']]) {
        const { code } = await phoihop(args, { cwd, env: { ...env, DATABASE_URL: empty.url } });
        expect(code).toBe(args.includes('--bogus') ? 2 : 0);
        expect(await empty.tables()).toBe(0);
      }
      // The same database, the same way, without --help: the check above would have seen it.
      const migrated = await phoihop(['migrate'], { cwd, env: { ...env, DATABASE_URL: empty.url, LOG_LEVEL: 'error' } });
      expect(migrated).toMatchObject({ code: 0, stdout: expect.stringContaining('applied:') });
      expect(await empty.tables()).toBeGreaterThan(5);
    } finally {
      await empty.drop();
    }
    await untouched();
  });
});

describe('phoihop validate prints the design warnings; --strict makes them fail', () => {
  let dir: string;
  let warned: string;
  let clean: string;
  let broken: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'phoihop-cli-validate-'));
    // The fixture's TRA_LAI is a human event without a schema: valid, with a design warning.
    const source = JSON.parse(await readFile('test/fixtures/workflows/test-approval.json', 'utf8'));
    await writeFile((warned = join(dir, 'canh-bao.json')), JSON.stringify(source));
    source.events.TRA_LAI.schema = { type: 'object', additionalProperties: false, properties: { lyDo: { type: 'string', maxLength: 500 } } };
    source.fields.lyDo = { label: { vi: 'Lý do trả lại', en: 'Reason for returning' } };
    await writeFile((clean = join(dir, 'sach.json')), JSON.stringify(source));
    source.machine.states.tiepNhan.on.CHUYEN.target = 'khongCo';
    await writeFile((broken = join(dir, 'hong.json')), JSON.stringify(source));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a warning with its pointer and code, and exits 0', async () => {
    const { code, stdout } = await phoihop(['validate', warned]);
    expect(code).toBe(0);
    expect(stdout).toContain(`✓ ${warned} (1 warning)`);
    expect(stdout).toContain('/events/TRA_LAI  warning [human_event_without_schema] "TRA_LAI" has no "schema"');
  });

  it('with --strict, a file with warnings fails (exit 1); one without passes', async () => {
    const strict = await phoihop(['validate', '--strict', warned]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`✗ ${warned}: 1 warning (--strict: warnings fail)`);
    expect(strict.stdout).toContain('warning [human_event_without_schema]');
    expect(await phoihop(['validate', clean, '--strict'])).toMatchObject({ code: 0, stdout: `✓ ${clean}\n` });
    expect((await phoihop(['validate', clean, warned, '--strict'])).code).toBe(1);
  });

  it('simulate names each transition never taken and why', async () => {
    // A branch for more than 1,000 signatories on a form that accepts at most 500: never taken.
    const source = JSON.parse(await readFile('test/fixtures/workflows/test-approval.json', 'utf8'));
    source.events.CHUYEN.schema.properties.soNguoiKy = { type: 'integer', minimum: 1, maximum: 500 };
    source.machine.states.tiepNhan.on.CHUYEN = [
      { target: 'daDuyet', guard: { type: 'compare', params: { left: { path: 'payload.soNguoiKy' }, op: '>', right: { value: 1000 } } } },
      source.machine.states.tiepNhan.on.CHUYEN,
    ];
    const file = join(dir, 'nhanh-khong-toi.json');
    await writeFile(file, JSON.stringify(source));
    const { code, stdout } = await phoihop(['simulate', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/never taken: tiepNhan --CHUYEN--> daDuyet \(guard_outside_form\): .*soNguoiKy/);
  });

  it('an invalid file fails, warnings or not; the others are still checked', async () => {
    const { code, stdout } = await phoihop(['validate', broken, warned, join(dir, 'khong-co.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`✗ ${broken}: 1 problem`);
    expect(stdout).toContain('/machine/states/tiepNhan/on/CHUYEN/target');
    expect(stdout).toContain(`✓ ${warned} (1 warning)`);
    expect(stdout).toContain(`✗ ${join(dir, 'khong-co.json')}: ENOENT`);
  });
});

describe('phoihop diagram: readable guards and deadlines; --collapse and --depth fold compound states', () => {
  const FILE = 'workflows/complaint.json';

  it('diagram --collapse draws a compound state as one node, its children\'s transitions attached to it', async () => {
    const full = await phoihop(['diagram', FILE]);
    expect(full).toMatchObject({ code: 0, stderr: '' });
    expect(full.stdout).toContain('xuLy_phanLoai --> chuyenDon : Phân loại đơn [có vai trò can-bo-xu-ly-don và ketQua = “khong-thuoc-tham-quyen”]');
    expect(full.stdout).toMatch(/note right of xuLy_giaiQuyet : ⏱ .*30 ngày kể từ ngayThuLy → Quá hạn giải quyết/);

    const folded = await phoihop(['diagram', FILE, '--collapse', 'xuLy', '--lang', 'en']);
    expect(folded).toMatchObject({ code: 0, stderr: '' });
    expect(folded.stdout).toMatch(/^stateDiagram-v2\n/);
    expect(folded.stdout).toMatch(/state "[^"]+ \(…\)" as xuLy\n/);
    expect(folded.stdout).not.toContain('xuLy_');
    expect(folded.stdout).toContain('xuLy --> chuyenDon : Classify the letter [has role can-bo-xu-ly-don and ketQua = “khong-thuoc-tham-quyen”]');
    expect(folded.stdout.split('\n').length).toBeLessThan(full.stdout.split('\n').length);
    // --depth 1 folds every top-level compound state: here the same.
    expect((await phoihop(['diagram', FILE, '--depth', '1', '--lang', 'en'])).stdout).toBe(folded.stdout);
    expect((await phoihop(['diagram', FILE, '--collapse', 'xuLy.giaiQuyet'])).stdout).toBe((await phoihop(['diagram', FILE, '--collapse=giaiQuyet'])).stdout);

    for (const [args, message] of [
      [['--collapse', 'xuLy,khongCo'], `--collapse: ${FILE} has no state "khongCo"`],
      [['--depth', '0'], '--depth must be a whole number from 1, not "0"'],
    ] as const) {
      const refused = await phoihop(['diagram', FILE, ...args]);
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toContain(message);
    }
  });
});

describe('phoihop publish and validate --server against the running API', () => {
  let t: TestApp;
  let dir: string;
  let base: Record<string, any>;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    const server = await t.app.listen(0, '127.0.0.1');
    const token = (await t.http.post('/api/v1/me/tokens').send({ name: 'CLI' }).expect(201)).body.token;
    env = { PHOIHOP_TOKEN: token, PHOIHOP_SERVER: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
    dir = await mkdtemp(join(tmpdir(), 'phoihop-cli-publish-'));
    base = JSON.parse(await readFile('test/fixtures/workflows/test-approval.json', 'utf8'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const definition = (key: string, title: string): Record<string, any> => ({ ...structuredClone(base), key, title: { vi: title, en: title } });
  const file = async (name: string, source: unknown) => {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(source, null, 2));
    return path;
  };
  const versions = async (key: string) => {
    const res = await t.http.get(`/api/v1/definitions/${key}`);
    return res.status === 404 ? [] : (res.body.items as Array<{ version: number; status: string; title: { vi: string } }>).map((v) => [v.version, v.status, v.title.vi]);
  };

  it('publishes the draft already on the server when it is the file (no 409 DUPLICATE)', async () => {
    const source = definition('cli-draft', 'Bản nháp');
    expect((await t.http.post('/api/v1/definitions').send({ source }).expect(201)).body).toMatchObject({ version: 1, status: 'draft' });
    const { code, stdout, stderr } = await phoihop(['publish', await file('ban-nhap.json', source)], { env });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('cli-draft v1: the draft on the server is');
    expect(stdout).toContain('warning [human_event_without_schema]');
    expect(stdout).toMatch(/published cli-draft v1 \(checksum [0-9a-f]{64}\)/);
    expect(await versions('cli-draft')).toEqual([[1, 'published', 'Bản nháp']]);
  });

  it('leaves a different draft alone unless --replace-draft, which replaces and publishes it', async () => {
    await t.http.post('/api/v1/definitions').send({ source: definition('cli-draft', 'Sửa trên web') }).expect(201);
    const path = await file('tu-tep.json', definition('cli-draft', 'Từ tệp'));
    const refused = await phoihop(['publish', path], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`cli-draft already has a draft, v2, that differs from ${path}: nothing was changed`);
    expect(refused.stderr).toContain('--replace-draft');
    expect(await versions('cli-draft')).toEqual([
      [2, 'draft', 'Sửa trên web'],
      [1, 'published', 'Bản nháp'],
    ]);

    const replaced = await phoihop(['publish', '--replace-draft', path], { env });
    expect(replaced).toMatchObject({ code: 0, stdout: expect.stringContaining('published cli-draft v2') });
    expect(await versions('cli-draft')).toEqual([
      [2, 'published', 'Từ tệp'],
      [1, 'published', 'Bản nháp'],
    ]);
    // With no draft, a file is a new draft published at once, as before.
    expect((await phoihop(['publish', path], { env })).stdout).toContain('published cli-draft v3');
  });

  it('sends no invalid file; removes a draft it made that the server then refused to publish', async () => {
    const invalid = definition('cli-hong', 'Hỏng');
    invalid.machine.states.tiepNhan.on.CHUYEN.target = 'khongCo';
    const bad = await phoihop(['publish', await file('hong.json', invalid)], { env });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('/machine/states/tiepNhan/on/CHUYEN/target');
    expect(bad.stderr).toContain('nothing was sent to publish');
    expect(await versions('cli-hong')).toEqual([]);

    // Valid, but its only way out of the first state is a guard that never holds: a reachable dead end.
    const unsafe = definition('cli-ket', 'Kẹt');
    unsafe.machine.states.tiepNhan.on.CHUYEN.guard = { type: 'compare', params: { left: { value: 1 }, op: '==', right: { value: 2 } } };
    const stuck = await phoihop(['publish', await file('ket.json', unsafe)], { env });
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toContain('422 DEFINITION_UNSAFE');
    expect(stuck.stderr).toContain('(the draft v1 made from');
    expect(await versions('cli-ket')).toEqual([]);
  });

  it('validate --server prints the server\'s check, warnings only it knows included', async () => {
    const path = await file('kiem-tra.json', definition('cli-kiem-tra', 'Kiểm tra'));
    const { code, stdout } = await phoihop(['validate', '--server', env.PHOIHOP_SERVER, path], { env: { PHOIHOP_TOKEN: env.PHOIHOP_TOKEN } });
    expect(code).toBe(0);
    expect(stdout).toContain('warning [human_event_without_schema]');
    // No user of this app holds the workflow's roles: the server says so, the file alone cannot.
    expect(stdout).toContain('/roles/chu-tich  warning [role_not_held]');
    expect((await phoihop(['validate', '--strict', '--server', env.PHOIHOP_SERVER, path], { env: { PHOIHOP_TOKEN: env.PHOIHOP_TOKEN } })).code).toBe(1);
    const noToken = await phoihop(['validate', '--server', env.PHOIHOP_SERVER, path]);
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringContaining('set PHOIHOP_TOKEN') });
  });
});
