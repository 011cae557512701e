import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { IdentityService } from '#libs/identity';
import type { FileStoreSettings } from '#libs/config';
import { createApp } from '../apps/api/src/create-app.js';
import { benchDatabase, flag, fmt, machine } from './support.js';

/**
 * npm run bench:files [-- --small 20 --large 5] — attachments through the real HTTP app (in this
 * process) on PostgreSQL and on a directory store: upload and download MB/s for 1 MB and 20 MB
 * files, next to a plain file copy on the same disk and a raw `pg` insert of the same bytes; then
 * the resident memory while 10 uploads of 20 MB run at once (the clients stream from disk, so the
 * figure is the server's streaming, not buffers of the bench).
 */
const SMALL = flag('small', 20);
const LARGE = flag('large', 5);
const MB = 1024 * 1024;

function pdfBytes(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n');
  return Buffer.concat([head, randomBytes(size - head.length - 6), Buffer.from('\n%%EOF')]);
}

/** POSTs a file from disk as multipart/form-data, streamed. */
function upload(port: number, token: string, path: string, size: number): Promise<{ id: string }> {
  const boundary = `----phoihop${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tai-lieu.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/files', headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + size + tail.length } },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks).toString('utf8')}`))));
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

function download(port: number, token: string, id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: `/api/v1/files/${id}/content`, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(String(res.statusCode)))));
    })
      .on('error', reject)
      .end();
  });
}

const mbps = (bytes: number, ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);

async function timed(times: number, work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await work();
  return performance.now() - t0;
}

async function main() {
  const db = await benchDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-bench-'));
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  console.log(`bench:files — ${machine()}; ${db.label}; files in ${dir}`);
  const small = join(dir, 'small.pdf');
  const large = join(dir, 'large.pdf');
  await writeFile(small, pdfBytes(1 * MB));
  await writeFile(large, pdfBytes(20 * MB));

  // The floor: the same bytes copied on the same disk, and inserted raw into PostgreSQL.
  const copyMs = { small: await timed(SMALL, () => copyFile(small, join(dir, 'copy-small'))), large: await timed(LARGE, () => copyFile(large, join(dir, 'copy-large'))) };
  await admin.query(`CREATE TABLE IF NOT EXISTS bench_raw (id serial PRIMARY KEY, data bytea)`);
  const bytes = { small: pdfBytes(1 * MB), large: pdfBytes(20 * MB) };
  const pgMs = {
    small: await timed(SMALL, () => admin.query(`INSERT INTO bench_raw (data) VALUES ($1)`, [bytes.small])),
    large: await timed(LARGE, () => admin.query(`INSERT INTO bench_raw (data) VALUES ($1)`, [bytes.large])),
  };
  await admin.query(`DROP TABLE bench_raw`);
  console.log(`\n  baseline           1 MB: copy ${mbps(MB * SMALL, copyMs.small)} MB/s, raw pg insert ${mbps(MB * SMALL, pgMs.small)} MB/s`);
  console.log(`                    20 MB: copy ${mbps(20 * MB * LARGE, copyMs.large)} MB/s, raw pg insert ${mbps(20 * MB * LARGE, pgMs.large)} MB/s`);

  const stores: Array<[string, FileStoreSettings]> = [
    ['postgres', { kind: 'postgres' }],
    ['fs', { kind: 'fs', directory: join(dir, 'store') }],
  ];
  for (const [label, store] of stores) {
    const name = `bench_files_${label}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(db.url);
    url.pathname = `/${name}`;
    const app = await createApp({
      auth: { jwtSecret: randomBytes(32).toString('hex'), accessTtlSeconds: 3600, maxFailures: 5, lockoutWindowMs: 60_000 },
      databaseUrl: url.toString(),
      poolSize: 20,
      runMigrations: true,
      logLevel: 'error',
      webDir: false,
      files: { store, maxBytes: 25 * MB },
    });
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    await app.get(IdentityService).createUser({ username: 'do-hieu-nang', displayName: 'Đo hiệu năng', password: 'Bao-Cao-Toc-Do-2026-xyz', memberships: [] });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'do-hieu-nang', password: 'Bao-Cao-Toc-Do-2026-xyz' }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;

    // Fresh bytes per upload, so that de-duplication does not make the figures.
    const fresh = async (path: string, size: number) => {
      await writeFile(path, pdfBytes(size));
      return path;
    };
    const ids: Record<'small' | 'large', string[]> = { small: [], large: [] };
    let upMs = { small: 0, large: 0 };
    for (const [kind, size, times] of [['small', MB, SMALL], ['large', 20 * MB, LARGE]] as const) {
      for (let i = 0; i < times; i++) {
        const path = await fresh(join(dir, `up-${kind}`), size);
        const t0 = performance.now();
        ids[kind].push((await upload(port, token, path, size)).id);
        upMs = { ...upMs, [kind]: upMs[kind] + performance.now() - t0 };
      }
    }
    let i = 0;
    const downSmall = await timed(SMALL, () => download(port, token, ids.small[i++ % ids.small.length]));
    i = 0;
    const downLarge = await timed(LARGE, () => download(port, token, ids.large[i++ % ids.large.length]));
    console.log(`\n  ${label.padEnd(9)}  1 MB: upload ${mbps(MB * SMALL, upMs.small)} MB/s, download ${mbps(MB * SMALL, downSmall)} MB/s (${SMALL} files)`);
    console.log(`            20 MB: upload ${mbps(20 * MB * LARGE, upMs.large)} MB/s, download ${mbps(20 * MB * LARGE, downLarge)} MB/s (${LARGE} files)`);

    // 10 uploads of 20 MB at once: resident memory before, at its peak, after.
    const paths = await Promise.all(Array.from({ length: 10 }, (_, k) => fresh(join(dir, `par-${k}`), 20 * MB)));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    await Promise.all(paths.map((p) => upload(port, token, p, 20 * MB)));
    const ms = performance.now() - t0;
    clearInterval(sampler);
    console.log(`            10 × 20 MB at once: ${mbps(200 * MB, ms)} MB/s in all; RSS ${fmt(before / MB)} MB before, peak ${fmt(peak / MB)} MB (+${fmt((peak - before) / MB)} MB)`);
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin.end();
  await rm(dir, { recursive: true, force: true });
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
