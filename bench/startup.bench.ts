import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, freePort, machine } from './support.js';

/**
 * npm run bench:startup — the embedded default as a user runs it: first start (initdb, migrations,
 * workflows, demo accounts), then the second start timed from spawn to /ready, then the idle
 * resident memory of the all-in-one Node process after --idle seconds (PostgreSQL's own processes
 * are reported apart).
 */
const IDLE_SECONDS = flag('idle', 20);
const MAIN = 'dist/apps/api/src/main.js';

async function startAndWait(env: Record<string, string>): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/ready`).then((r) => r.status === 200, () => false);
    if (ok) return { child, ms: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Resident memory of every process whose parent chain leads to `root` (PostgreSQL's postmaster and its children). */
async function postgresRssMb(dataDir: string): Promise<number> {
  const pidFile = await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '');
  const postmaster = Number(pidFile.split('\n')[0]);
  if (!postmaster) return 0;
  const { readdir } = await import('node:fs/promises');
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.split(') ')[1]?.split(' ')[1]);
    if (Number(entry) === postmaster || ppid === postmaster) total += await rssMb(Number(entry)).catch(() => 0);
  }
  return total;
}

async function main() {
  console.log(`bench:startup on ${machine()}`);
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-startup-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const env = { DATA_DIR: dir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), DEMO_PASSWORD: 'Demo-password-2026', LOG_LEVEL: 'warn' };
  try {
    const first = await startAndWait(env);
    console.log(`first start (initdb, migrations, workflows, accounts) to ready: ${(first.ms / 1000).toFixed(2)} s`);
    await stop(first.child);
    const second = await startAndWait(env);
    console.log(`second start to ready:                                   ${(second.ms / 1000).toFixed(2)} s  (aim < 5 s)`);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    console.log(`idle RSS of the all-in-one process after ${IDLE_SECONDS} s:            ${(await rssMb(second.child.pid!)).toFixed(0)} MB  (aim < 300 MB)`);
    console.log(`PostgreSQL processes (apart):                            ${(await postgresRssMb(dir)).toFixed(0)} MB`);
    await stop(second.child);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
