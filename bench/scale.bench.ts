import 'reflect-metadata';
import { createDataSource, decodeCursor, HistoryRepository, InstancesRepository, runMigrations, TasksRepository } from '#libs/persistence';
import { benchDatabase, flag, fmt, machine } from './support.js';

/**
 * npm run bench:scale [-- --instances 1000000 --tasks 200000 --history 10] — loads a city-sized
 * database server-side (INSERT … SELECT generate_series, the fastest bulk path PostgreSQL has from
 * inside; the rows never cross the wire), then times the reads people wait for: an approver's
 * inbox first page, one instance's history, and a filtered instance list (first and second page),
 * and prints the plans PostgreSQL chose.
 */
const INSTANCES = flag('instances', 1_000_000);
const TASKS = flag('tasks', 200_000);
const HISTORY_PER_INSTANCE = flag('history', 10);
const RUNS = flag('runs', 300);

const KEYS = ['complaint', 'denunciation', 'petition', 'information-exchange', 'proposal-appraisal'];
const STATES = ['phanLoai', 'xuLy', 'giaiQuyet', 'kiemTra', 'luuHoSo'];
const ROLES = ['can-bo-tiep-dan', 'can-bo-xu-ly-don', 'chu-tich', 'pho-chu-tich', 'thanh-tra', 'truong-ban-xddd', 'chuyen-vien', 'truong-phong', 'mttq'];
const UNITS = ['bxdd', 'dang-uy-ubnd', 'ubnd', 'van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi', 'bo-phan-tiep-cong-dan', 'thanh-tra', 'mttq'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function main() {
  console.log(`bench:scale on ${machine()}; ${fmt(INSTANCES)} instances, ${fmt(TASKS)} open tasks, ${fmt(INSTANCES * HISTORY_PER_INSTANCE)} history rows`);
  const db = await benchDatabase();
  const ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  try {
    await runMigrations(ds);
    let t0 = performance.now();
    const defIds: string[] = [];
    for (const key of KEYS) {
      const [{ id }] = await ds.query(
        `INSERT INTO workflow_definitions (key, version, status, title, source, checksum) VALUES ($1, 1, 'published', '{"vi":"a","en":"a"}', '{}', 'x') RETURNING id`,
        [key],
      );
      defIds.push(id);
    }
    // Instances over a year, 1 in 4 finished, spread over five workflows and five states.
    await ds.query(
      `INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, business_key, status, state_value, state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at, completed_at)
       SELECT gen_random_uuid(), ($2::uuid[])[1 + g % 5], ($3::text[])[1 + g % 5], 1, 'HS-' || g,
              CASE WHEN g % 4 = 0 THEN 'done' ELSE 'active' END,
              to_jsonb(($4::text[])[1 + (g / 5) % 5]), ARRAY[($4::text[])[1 + (g / 5) % 5]],
              jsonb_build_object('nguoiGui', 'Công dân ' || g, 'noiDung', 'Nội dung hồ sơ số ' || g), '{}', $5::int + 1, md5(g::text), 'can-bo-' || (g % 300),
              now() - make_interval(secs => g * (31536000.0 / $1::int)), now(), CASE WHEN g % 4 = 0 THEN now() END
         FROM generate_series(1, $1::int) g`,
      [INSTANCES, defIds, KEYS, STATES, HISTORY_PER_INSTANCE],
    );
    console.log(`instances loaded in ${secs(t0)} s`);
    t0 = performance.now();
    await ds.query(
      `INSERT INTO workflow_history (instance_id, seq, event_type, payload, actor_id, actor, from_state, to_state, at, prev_hash, hash)
       SELECT i.id, s, CASE WHEN s = 1 THEN 'xstate.init' ELSE 'CHUYEN_BUOC' END, jsonb_build_object('ghiChu', 'Bước ' || s),
              i.started_by, jsonb_build_object('id', i.started_by, 'roles', jsonb_build_array('chuyen-vien'), 'units', jsonb_build_array('ubnd')),
              CASE WHEN s = 1 THEN NULL ELSE '"xuLy"'::jsonb END, '"xuLy"'::jsonb, i.created_at + make_interval(hours => s),
              md5(i.id::text || (s - 1)), md5(i.id::text || s)
         FROM workflow_instances i CROSS JOIN generate_series(1, $1::int) s`,
      [HISTORY_PER_INSTANCE],
    );
    console.log(`history loaded in ${secs(t0)} s`);
    t0 = performance.now();
    await ds.query(
      `INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, assignee, status, priority, due_at, created_seq, created_at)
       SELECT gen_random_uuid(), i.id, i.definition_key, i.state_paths[1], '{"vi":"Xử lý hồ sơ","en":"Handle the case"}',
              ARRAY[($2::text[])[1 + (abs(hashtext(i.id::text)) % $4::int)]],
              ARRAY[($3::text[])[1 + (abs(hashtext(i.id::text || 'u')) % $5::int)]],
              ARRAY['XONG'], CASE WHEN abs(hashtext(i.id::text)) % 20 = 0 THEN 'can-bo-' || (abs(hashtext(i.id::text || 'a')) % 300) END,
              'open', abs(hashtext(i.id::text || 'p')) % 4, now() + make_interval(hours => (abs(hashtext(i.id::text || 'd')) % 1440) - 720), 1, i.created_at
         FROM (SELECT id, definition_key, state_paths, created_at FROM workflow_instances WHERE status = 'active' LIMIT $1) i`,
      [TASKS, ROLES, UNITS, ROLES.length, UNITS.length],
    );
    console.log(`tasks loaded in ${secs(t0)} s`);
    t0 = performance.now();
    await ds.query(`VACUUM ANALYZE workflow_instances`);
    await ds.query(`VACUUM ANALYZE workflow_history`);
    await ds.query(`VACUUM ANALYZE tasks`);
    const [size] = await ds.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`vacuumed and analysed in ${secs(t0)} s; database ${size.size}`);

    const time = async (fn: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) await fn(i);
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await fn(i);
        times.push(performance.now() - s);
      }
      return times;
    };
    const line = (name: string, xs: number[], aim: number) =>
      console.log(`${name.padEnd(40)} p50 ${pct(xs, 50).toFixed(2)} ms  p95 ${pct(xs, 95).toFixed(2)} ms  max ${Math.max(...xs).toFixed(2)} ms  (aim p95 < ${aim} ms)`);

    const tasks = new TasksRepository();
    const approver = { username: 'can-bo-7', memberships: [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }, { role: 'chu-tich', unit: 'ubnd' }] };
    line('inbox first page (20 rows)', await time(() => tasks.inbox(ds.manager, { ...approver, bucket: 'all', limit: 21 })), 50);

    const sampleIds: string[] = (await ds.query(`SELECT id FROM workflow_instances TABLESAMPLE SYSTEM (1) LIMIT 500`)).map((r: { id: string }) => r.id);
    const history = new HistoryRepository();
    line(`one instance's history (${HISTORY_PER_INSTANCE} rows)`, await time((i) => history.listByInstance(ds.manager, sampleIds[i % sampleIds.length], { afterSeq: 0, limit: 101 })), 10);

    const instances = new InstancesRepository();
    const filter = (i: number) => ({ definitionKey: KEYS[i % 5], status: 'active' as const, state: STATES[i % 5], limit: 20 });
    line('filtered instance list (first page)', await time((i) => instances.list(ds.manager, filter(i))), 50);
    const cursors = await Promise.all(KEYS.map(async (_, i) => (await instances.list(ds.manager, filter(i))).nextCursor ?? undefined));
    line('filtered instance list (second page)', await time((i) => instances.list(ds.manager, { ...filter(i), cursor: cursors[i % 5] ? decodeCursor(cursors[i % 5]!) : undefined })), 50);
    line('business key lookup', await time((i) => instances.list(ds.manager, { businessKey: `HS-${1 + ((i * 7919) % INSTANCES)}`, limit: 20 })), 50);

    const explain = async (label: string, sql: string, params: unknown[]) => {
      const rows = await ds.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params);
      console.log(`\nplan: ${label}\n  ${rows.map((r: Record<string, string>) => r['QUERY PLAN']).slice(0, 8).join('\n  ')}`);
    };
    await explain('history of one instance', `SELECT * FROM workflow_history WHERE instance_id = $1 AND seq > 0 ORDER BY seq LIMIT 101`, [sampleIds[0]]);
    await explain(
      'filtered list',
      `SELECT id FROM workflow_instances WHERE definition_key = $1 AND status = 'active' AND state_paths @> ARRAY[$2::text] ORDER BY created_at DESC, id DESC LIMIT 21`,
      [KEYS[1], STATES[1]],
    );
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
