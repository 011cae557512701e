import 'reflect-metadata';
import { Writable } from 'node:stream';
import { AuditSearchService } from '#libs/audit';
import { createRuntime } from '#libs/runtime';
import { AuditRepository, createDataSource, HistorySearchRepository, runMigrations } from '#libs/persistence';
import { benchDatabase, flag, fmt, machine, seedInstances } from './support.js';

/**
 * npm run bench:export [-- --rows 1000000] — loads N history rows (10 per instance) with
 * INSERT … SELECT, then streams them all as CSV and as NDJSON through the same export the API and
 * CLI use, into a sink that drains like a slow network, printing rows/s and this process's peak RSS.
 */
const ROWS = flag('rows', 1_000_000);

async function main() {
  console.log(`bench:export on ${machine()}; ${fmt(ROWS)} history rows`);
  const db = await benchDatabase();
  const ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  try {
    await runMigrations(ds);
    const t0 = performance.now();
    await seedInstances(ds, 'bench-export', Math.ceil(ROWS / 10), 'xuLy');
    await ds.query(
      `INSERT INTO workflow_history (instance_id, seq, event_type, payload, actor_id, actor, from_state, to_state, at, request_id, comment, prev_hash, hash)
       SELECT i.id, s, 'CHUYEN_XU_LY', '{"ghiChu":"Chuyển Phòng Văn hóa - Xã hội xử lý theo thẩm quyền","soTrang":3}',
              'can-bo-tiep-dan', '{"id":"can-bo-tiep-dan","roles":["can-bo-tiep-dan"],"units":["bo-phan-tiep-cong-dan"]}',
              '"tiepNhan"', '"xuLy"', now() - make_interval(mins => s), 'req-' || s, 'Đã kiểm tra hồ sơ', repeat('0', 64), md5(i.id::text || s) || md5(s::text || i.id::text)
         FROM (SELECT id FROM workflow_instances WHERE definition_key = 'bench-export') i CROSS JOIN generate_series(1, 10) s`,
    );
    console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const search = new AuditSearchService(ds, new AuditRepository(), new HistorySearchRepository(), createRuntime(ds).confidential);
    for (const format of ['csv', 'ndjson'] as const) {
      global.gc?.();
      let peak = process.memoryUsage().rss;
      let bytes = 0;
      const sink = new Writable({
        highWaterMark: 1 << 20,
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          setImmediate(done); // a reader that takes its time, so backpressure is exercised
        },
      });
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const s = performance.now();
      const rows = await search.export({ definitionKey: 'bench-export' }, format, sink);
      const seconds = (performance.now() - s) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `${format.padEnd(7)} ${fmt(rows)} rows, ${fmt(bytes / 2 ** 20)} MiB in ${seconds.toFixed(1)} s: ${fmt(rows / seconds)} rows/s; peak RSS ${fmt(peak / 2 ** 20)} MB`,
      );
    }
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
