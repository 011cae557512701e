import 'reflect-metadata';
import { createDataSource, runMigrations, TasksRepository } from '#libs/persistence';
import { benchDatabase, flag, fmt, machine, seedInstances } from './support.js';

/**
 * npm run bench:inbox [-- --tasks 200000] — seeds N open tasks across the ward's units and roles
 * (about 1 in 20 already claimed by someone), then times, for a typical approver (two memberships),
 * the inbox's first page (mine + claimable, due-sorted, 20 rows) and the counts query, 300 times
 * each, and prints p50/p95/max and the plan PostgreSQL chose.
 */
const TASKS = flag('tasks', 200_000);
const RUNS = flag('runs', 300);

const ROLES = ['can-bo-tiep-dan', 'can-bo-xu-ly-don', 'chu-tich', 'pho-chu-tich', 'thanh-tra', 'truong-ban-xddd', 'pho-truong-ban-xddd', 'bi-thu-dang-uy-ubnd', 'van-phong-dang-uy-ubnd', 'chuyen-vien', 'truong-phong', 'mttq'];
const UNITS = ['bxdd', 'dang-uy-ubnd', 'van-phong-dang-uy-ubnd', 'ubnd', 'van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi', 'bo-phan-tiep-cong-dan', 'thanh-tra', 'mttq'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  console.log(`bench:inbox on ${machine()}; ${fmt(TASKS)} open tasks`);
  const db = await benchDatabase();
  const ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  try {
    await runMigrations(ds);
    const t0 = performance.now();
    await seedInstances(ds, 'bench-inbox', Math.ceil(TASKS / 10), 's');
    await ds.query(
      `INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, assignee, status, priority, due_at, created_seq, created_at)
       SELECT gen_random_uuid(), i.id, 'bench-inbox', 's' || g, '{"vi":"Xử lý hồ sơ","en":"Handle the case"}',
              ARRAY[($2::text[])[1 + (abs(hashtext(i.id::text || g)) % $4::int)]],
              CASE WHEN g % 3 = 0 THEN ARRAY[]::text[] ELSE ARRAY[($3::text[])[1 + (abs(hashtext(g || i.id::text)) % $5::int)]] END,
              ARRAY['XONG'],
              CASE WHEN abs(hashtext(i.id::text)) % 20 = 0 THEN 'nguoi-dung-' || (abs(hashtext(i.id::text || 'u')) % 500) END,
              'open', abs(hashtext(i.id::text || 'p')) % 4,
              now() + make_interval(hours => (abs(hashtext(i.id::text || g || 'd')) % 1440) - 720), 1, now()
         FROM (SELECT id FROM workflow_instances WHERE definition_key = 'bench-inbox') i CROSS JOIN generate_series(1, 10) g
        LIMIT $1`,
      [TASKS, ROLES, UNITS, ROLES.length, UNITS.length],
    );
    await ds.query(`ANALYZE tasks`);
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const repo = new TasksRepository();
    const approver = { username: 'nguoi-dung-7', memberships: [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }, { role: 'chu-tich', unit: 'ubnd' }] };
    const time = async (fn: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) await fn();
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await fn();
        times.push(performance.now() - s);
      }
      return times;
    };
    const now = new Date();
    const page = await time(() => repo.inbox(ds.manager, { ...approver, bucket: 'all', limit: 21 }));
    const counts = await time(() => repo.counts(ds.manager, approver.username, approver.memberships, now, new Date(now.getTime() + 3 * 86_400_000)));
    const sample = await repo.inbox(ds.manager, { ...approver, bucket: 'all', limit: 21 });
    const c = await repo.counts(ds.manager, approver.username, approver.memberships, now, new Date(now.getTime() + 3 * 86_400_000));
    const line = (name: string, xs: number[]) => console.log(`${name.padEnd(26)} p50 ${pct(xs, 50).toFixed(2)} ms  p95 ${pct(xs, 95).toFixed(2)} ms  max ${Math.max(...xs).toFixed(2)} ms`);
    line('inbox first page (20)', page);
    line('counts per bucket', counts);
    console.log(`the approver sees ${sample.length} rows on the page; counts ${JSON.stringify(c)}`);
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
