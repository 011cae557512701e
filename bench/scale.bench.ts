import 'reflect-metadata';
import { caseSummary, foldForSearch, searchText, type WorkflowDefinition } from '#libs/engine';
import { createDataSource, decodeCursor, HistoryRepository, InstancesRepository, runMigrations, searchTerms, TasksRepository } from '#libs/persistence';
// The product's own word splitting (runtime's InstanceQueries), by path: the bench needs no Nest module.
import { searchWords } from '#libs/runtime';
import { backfillSearch } from '../migrations/1765238400000-search.js';
import { benchDatabase, flag, fmt, machine } from './support.js';

/**
 * npm run bench:scale [-- --instances 1000000 --tasks 200000 --history 10] — loads a city-sized
 * database server-side (INSERT … SELECT generate_series, the fastest bulk path PostgreSQL has from
 * inside; the rows never cross the wire), then times the reads people wait for: an approver's
 * inbox first page, one instance's history, and a filtered instance list (first and second page),
 * the search a clerk types (a citizen's name without diacritics, over cases and over the inbox),
 * and prints the plans PostgreSQL chose. `--backfill 1` also times the search migration's backfill
 * over every case. With DATABASE_URL, a database it loaded before is timed again without loading it
 * (the migrations run first, so a new index is built over the kept rows): keep one for repeated runs.
 */
const INSTANCES = flag('instances', 1_000_000);
const TASKS = flag('tasks', 200_000);
const HISTORY_PER_INSTANCE = flag('history', 10);
const RUNS = flag('runs', 300);
const BACKFILL = flag('backfill', 0) === 1;

const KEYS = ['complaint', 'denunciation', 'petition', 'information-exchange', 'proposal-appraisal'];
const STATES = ['phanLoai', 'xuLy', 'giaiQuyet', 'kiemTra', 'luuHoSo'];
const ROLES = ['can-bo-tiep-dan', 'can-bo-xu-ly-don', 'chu-tich', 'pho-chu-tich', 'thanh-tra', 'truong-ban-xddd', 'chuyen-vien', 'truong-phong', 'mttq'];
const UNITS = ['bxdd', 'dang-uy-ubnd', 'ubnd', 'van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi', 'bo-phan-tiep-cong-dan', 'thanh-tra', 'mttq'];

/**
 * Citizens as a ward's register has them: family names at their national frequencies (Nguyễn about
 * 38 %), common middle and given names, addresses on Hải Phòng's streets, and the subjects of
 * complaints, petitions and proposals. Each case picks one of each by a hash of its number.
 */
const FAMILY: Array<[string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 1], ['Phan', 4], ['Vũ', 3], ['Võ', 1], ['Đặng', 2],
  ['Bùi', 2], ['Đỗ', 1], ['Hồ', 1], ['Ngô', 1], ['Dương', 1], ['Lý', 1], ['Đào', 1], ['Đoàn', 1], ['Đinh', 1], ['Lương', 1],
  ['Trịnh', 1], ['Mai', 1], ['Cao', 1], ['Tạ', 1], ['Vương', 1],
];
const FAMILY_NAMES = FAMILY.flatMap(([name, weight]) => Array.from({ length: weight }, () => name));
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Thanh', 'Xuân', 'Hoàng', 'Kim', 'Đình', 'Công', 'Bảo', 'Gia', 'Hải', 'Mạnh', 'Thúy', 'Khánh', 'Thế', 'Anh', 'Việt', 'Diệu'];
const GIVEN = [
  'An', 'Anh', 'Bình', 'Cường', 'Chi', 'Dũng', 'Dung', 'Đức', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hòa', 'Hùng', 'Hương',
  'Huy', 'Huyền', 'Khoa', 'Lan', 'Linh', 'Long', 'Lộc', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phong', 'Phúc',
  'Phương', 'Quân', 'Quang', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thủy', 'Trang', 'Trung', 'Tuấn', 'Tú', 'Vân', 'Việt', 'Yến',
];
const STREETS = [
  'Lạch Tray', 'Trần Nguyên Hãn', 'Lê Lợi', 'Điện Biên Phủ', 'Tô Hiệu', 'Văn Cao', 'Lê Thánh Tông', 'Đà Nẵng', 'Hai Bà Trưng', 'Cầu Đất',
  'Chùa Vẽ', 'Ngô Quyền', 'Lê Hồng Phong', 'Nguyễn Văn Linh', 'Trường Chinh', 'Đình Đông', 'Hàng Kênh', 'Cát Bi', 'Máy Tơ', 'Mê Linh',
  'Phạm Văn Đồng', 'Quán Toan', 'Lũng Đông', 'Đằng Hải', 'Thiên Lôi',
];
const WARDS = ['An Phong', 'Lê Chân', 'Ngô Quyền', 'Hải An', 'Kiến An', 'Hồng Bàng', 'Dương Kinh', 'Đồ Sơn'];
const SUBJECTS = [
  'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất',
  'Khiếu nại quyết định thu hồi đất nông nghiệp',
  'Kiến nghị sửa chữa đường ngõ xuống cấp',
  'Phản ánh tiếng ồn công trình xây dựng ban đêm',
  'Tố cáo lấn chiếm vỉa hè kinh doanh',
  'Đề nghị hỗ trợ hộ cận nghèo',
  'Kiến nghị lắp đặt đèn chiếu sáng ngõ',
  'Phản ánh rác thải tồn đọng tại tổ dân phố',
  'Khiếu nại mức bồi thường giải phóng mặt bằng',
  'Đề nghị xác nhận tình trạng hôn nhân',
  'Tố cáo cán bộ gây phiền hà trong giải quyết hồ sơ',
  'Kiến nghị về ngập úng khi mưa lớn',
];
/** What the bench's definitions say people read: the summary line and the searched fields, as a shipped complaint's would. */
const PRESENTATION = {
  summary: '{hoTen}: {noiDung}',
  fields: { hoTen: { label: { vi: 'Họ và tên', en: 'Name' }, search: true }, diaChi: { label: { vi: 'Địa chỉ', en: 'Address' }, search: true }, noiDung: { label: { vi: 'Nội dung', en: 'Subject' }, search: true } },
};
const folded = (xs: string[]) => xs.map(foldForSearch);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function main() {
  console.log(`bench:scale on ${machine()}; ${fmt(INSTANCES)} instances, ${fmt(TASKS)} open tasks, ${fmt(INSTANCES * HISTORY_PER_INSTANCE)} history rows`);
  const db = await benchDatabase();
  const ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  try {
    await runMigrations(ds);
    // As the search migration builds them: the terms function parallel-safe for the build only.
    const buildSearchIndexes = async () => {
      await ds.query(`CREATE INDEX instance_search_created ON instance_search (created_at DESC, instance_id DESC)`);
      await ds.query(`ALTER FUNCTION phoihop_search_terms(text) PARALLEL SAFE`);
      await ds.query(`CREATE INDEX instance_search_terms ON instance_search USING gin (phoihop_search_terms(search_text))`);
      await ds.query(`ALTER FUNCTION phoihop_search_terms(text) PARALLEL UNSAFE`);
    };
    let t0 = performance.now();
    // With DATABASE_URL, a database this bench loaded before is timed again as it is (saves the load).
    const [{ loaded }] = await ds.query(`SELECT count(*)::int AS loaded FROM workflow_instances`);
    if (loaded > 0) {
      // The migrations may have built new expression indexes over the kept rows: their statistics.
      await ds.query(`ANALYZE tasks`);
      console.log(`reusing the ${fmt(loaded)} instances already loaded`);
    } else await load();
    async function load() {
      const defIds: string[] = [];
      for (const key of KEYS) {
        const [{ id }] = await ds.query(
          `INSERT INTO workflow_definitions (key, version, status, title, source, checksum) VALUES ($1, 1, 'published', '{"vi":"a","en":"a"}', $2::jsonb, 'x') RETURNING id`,
          [key, JSON.stringify({ key, ...PRESENTATION })],
        );
        defIds.push(id);
      }
      // Instances over a year, 1 in 4 finished, spread over five workflows and five states. Each is a
      // citizen's case (name, address, subject), with the summary and the folded search text the
      // writers store: built here from folded copies of the same word lists (checked below against
      // the engine's own functions on a sample). In slices, each case and its search row by one statement.
      const lists = [FAMILY_NAMES, MIDDLE, GIVEN, STREETS, WARDS, SUBJECTS];
      // The search indexes are built after the load, as the search migration builds them after its backfill.
      await ds.query(`DROP INDEX instance_search_created`);
      await ds.query(`DROP INDEX instance_search_terms`);
      const SLICE = 100_000;
      for (let from = 1; from <= INSTANCES; from += SLICE) {
        await ds.query(
          `WITH gen AS MATERIALIZED (
             SELECT gen_random_uuid() AS id, g, now() - make_interval(secs => g * (31536000.0 / $1::int)) AS created_at, p.*
               FROM generate_series($18::int, least($18::int + $19::int - 1, $1::int)) g
               CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(g || 'h')) % cardinality($6::text[]) AS h, 1 + abs(hashtext(g || 'm')) % cardinality($7::text[]) AS m,
                                          1 + abs(hashtext(g || 'g')) % cardinality($8::text[]) AS n, 1 + abs(hashtext(g || 's')) % cardinality($9::text[]) AS s,
                                          1 + abs(hashtext(g || 'w')) % cardinality($10::text[]) AS w, 1 + abs(hashtext(g || 'n')) % cardinality($11::text[]) AS c,
                                          1 + abs(hashtext(g || 'a')) % 200 AS so, 1 + abs(hashtext(g || 'b')) % 150 AS ngo) k
               CROSS JOIN LATERAL (SELECT ($6::text[])[k.h] || ' ' || ($7::text[])[k.m] || ' ' || ($8::text[])[k.n] AS ho_ten,
                                          'Số ' || k.so || ' ngõ ' || k.ngo || ' phố ' || ($9::text[])[k.s] || ', phường ' || ($10::text[])[k.w] AS dia_chi,
                                          ($11::text[])[k.c] AS noi_dung,
                                          ($12::text[])[k.h] || ' ' || ($13::text[])[k.m] || ' ' || ($14::text[])[k.n] AS f_ho_ten,
                                          'so ' || k.so || ' ngo ' || k.ngo || ' pho ' || ($15::text[])[k.s] || ', phuong ' || ($16::text[])[k.w] AS f_dia_chi,
                                          ($17::text[])[k.c] AS f_noi_dung) p
           ), cases AS (
             INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, business_key, status, state_value, state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at, completed_at, summary)
             SELECT id, ($2::uuid[])[1 + g % 5], ($3::text[])[1 + g % 5], 1, 'HS-' || g,
                    CASE WHEN g % 4 = 0 THEN 'done' ELSE 'active' END,
                    to_jsonb(($4::text[])[1 + (g / 5) % 5]), ARRAY[($4::text[])[1 + (g / 5) % 5]],
                    jsonb_build_object('hoTen', ho_ten, 'diaChi', dia_chi, 'noiDung', noi_dung), '{}', $5::int + 1, md5(g::text), 'can-bo-' || (g % 300),
                    created_at, now(), CASE WHEN g % 4 = 0 THEN now() END, ho_ten || ': ' || noi_dung
               FROM gen
           )
           INSERT INTO instance_search (instance_id, created_at, search_text)
           SELECT id, created_at, 'hs-' || g || ' ' || f_ho_ten || ': ' || f_noi_dung || ' ' || f_ho_ten || ' ' || f_dia_chi || ' ' || f_noi_dung FROM gen`,
          [INSTANCES, defIds, KEYS, STATES, HISTORY_PER_INSTANCE, ...lists, ...lists.map(folded), from, SLICE],
        );
      }
      console.log(`instances and their search rows loaded in ${secs(t0)} s`);
      t0 = performance.now();
      await buildSearchIndexes();
      console.log(`search indexes built in ${secs(t0)} s`);
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
      await ds.query(`VACUUM ANALYZE instance_search`);
      const [size] = await ds.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
      console.log(`vacuumed and analysed in ${secs(t0)} s; database ${size.size}`);
    }

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
    // Someone who is a candidate of no task of the ward's: a walk of the open tasks due first finds nothing to stop at.
    const stranger = { username: 'thu-ky-1', memberships: [{ role: 'thu-ky', unit: 'ubnd' }] };
    line('  the same, a candidate of no task', await time(() => tasks.inbox(ds.manager, { ...stranger, bucket: 'all', limit: 21 })), 50);
    const [now, soon] = [new Date(), new Date(Date.now() + 2 * 86_400_000)];
    line("inbox counts (the approver's buckets)", await time(() => tasks.counts(ds.manager, approver.username, approver.memberships, now, soon)), 50);

    const sampleIds: string[] = (await ds.query(`SELECT id FROM workflow_instances TABLESAMPLE SYSTEM (1) LIMIT 500`)).map((r: { id: string }) => r.id);
    const history = new HistoryRepository();
    line(`one instance's history (${HISTORY_PER_INSTANCE} rows)`, await time((i) => history.listByInstance(ds.manager, sampleIds[i % sampleIds.length], { afterSeq: 0, limit: 101 })), 10);

    const instances = new InstancesRepository();
    const filter = (i: number) => ({ definitionKey: KEYS[i % 5], status: 'active' as const, state: STATES[i % 5], limit: 20 });
    line('filtered instance list (first page)', await time((i) => instances.list(ds.manager, filter(i))), 50);
    const cursors = await Promise.all(KEYS.map(async (_, i) => (await instances.list(ds.manager, filter(i))).nextCursor ?? undefined));
    line('filtered instance list (second page)', await time((i) => instances.list(ds.manager, { ...filter(i), cursor: cursors[i % 5] ? decodeCursor(cursors[i % 5]!) : undefined })), 50);
    line('business key lookup', await time((i) => instances.list(ds.manager, { businessKey: `HS-${1 + ((i * 7919) % INSTANCES)}`, limit: 20 })), 50);

    // Search. First, the rows built in SQL read as the engine's own functions would write them.
    const definition = PRESENTATION as unknown as WorkflowDefinition;
    const sample: Array<{ business_key: string; context: Record<string, any>; summary: string; search_text: string }> = await ds.query(
      `SELECT i.business_key, i.context, i.summary, s.search_text FROM workflow_instances i TABLESAMPLE SYSTEM (1) REPEATABLE (20) JOIN instance_search s ON s.instance_id = i.id LIMIT 300`,
    );
    for (const r of sample) {
      if (caseSummary(definition, r.context) !== r.summary || searchText(definition, r.business_key, r.context) !== r.search_text) {
        throw new Error(`the bench's search text differs from the engine's for ${r.business_key}: ${r.search_text} / ${searchText(definition, r.business_key, r.context)}`);
      }
    }
    // A clerk looks a citizen up by name, typed without diacritics: the names of sampled cases.
    const names = sample.map((r) => foldForSearch(String(r.context.hoTen)));
    const nameWords = (i: number) => searchWords(names[i % names.length])!;
    const like = (n: string) => searchWords(n)!.map((w) => `strpos(search_text, '${w}') > 0`).join(' AND ');
    const matches = (await Promise.all(names.slice(0, 50).map(async (n) => (await ds.query(`SELECT count(*)::int AS n FROM instance_search WHERE ${like(n)}`))[0].n))).sort((a, b) => a - b);
    console.log(`\nsearch: ${fmt(INSTANCES)} cases; a citizen's full name matches ${matches[0]}–${matches[matches.length - 1]} cases (median ${matches[matches.length >> 1]})`);
    const clerk = { username: 'can-bo-7', memberships: [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }, { role: 'chu-tich', unit: 'ubnd' }] };
    // What PostgreSQL's planner makes of the plain query (its estimate multiplies the words' frequencies).
    const plain = (n: string) =>
      `SELECT instance_id FROM instance_search WHERE phoihop_search_terms(search_text) @> ARRAY[${searchTerms(searchWords(n)!).map((w) => `'${w}'`).join(', ')}]::text[]
          AND ${like(n)} ORDER BY created_at DESC, instance_id DESC LIMIT 21`;
    line('search: a name, no diacritics (all cases)', await time((i) => instances.list(ds.manager, { words: nameWords(i), limit: 20 })), 100);
    line('  reference: the same list without q', await time(() => instances.list(ds.manager, { limit: 20 })), 100);
    line('  reference: the plain query (planner)', await time((i) => ds.query(plain(names[i % names.length]))), 100);
    line('search: a name, as a clerk (visibility)', await time((i) => instances.list(ds.manager, { words: nameWords(i), visibleTo: clerk, limit: 20 })), 100);
    line("  reference: the clerk's list without q", await time(() => instances.list(ds.manager, { visibleTo: clerk, limit: 20 })), 100);
    line('search: a name and a subject word', await time((i) => instances.list(ds.manager, { words: searchWords(`${names[i % names.length]} dat`)!, limit: 20 })), 100);
    line('search: a common surname alone (nguyen)', await time(() => instances.list(ds.manager, { words: searchWords('nguyen')!, limit: 20 })), 100);
    line('search: a name nobody has', await time((i) => instances.list(ds.manager, { words: searchWords(`vuong dieu ${['xuan', 'khoa', 'oanh'][i % 3]}x`)!, limit: 20 })), 100);
    line('search: a business key', await time((i) => instances.list(ds.manager, { words: searchWords(`hs-${1 + ((i * 7919) % INSTANCES)}`)!, limit: 20 })), 100);
    line('inbox search: a name (approver)', await time((i) => tasks.inbox(ds.manager, { ...approver, bucket: 'all', words: nameWords(i), limit: 21 })), 100);
    line('  reference: the inbox without q', await time(() => tasks.inbox(ds.manager, { ...approver, bucket: 'all', limit: 21 })), 100);

    const explain = async (label: string, sql: string, params: unknown[], lines = 8) => {
      const rows = await ds.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`, params);
      console.log(`\nplan: ${label}\n  ${rows.map((r: Record<string, string>) => r['QUERY PLAN']).slice(0, lines).join('\n  ')}`);
    };
    await explain('history of one instance', `SELECT * FROM workflow_history WHERE instance_id = $1 AND seq > 0 ORDER BY seq LIMIT 101`, [sampleIds[0]]);
    let searched: { sql: string; params: unknown[] } | undefined;
    const capture = { query: (sql: string, params: unknown[]) => ((searched = { sql, params }), ds.query(sql, params)) } as unknown as typeof ds.manager;
    await instances.list(capture, { words: nameWords(0), limit: 20 });
    console.log(`\nsearch: "${names[0]}"`);
    await explain('search for a name (the list with q)', searched!.sql, searched!.params, 200);
    await explain('the plain query for the same name', plain(names[0]), [], 20);
    await explain(
      'filtered list',
      `SELECT id FROM workflow_instances WHERE definition_key = $1 AND status = 'active' AND state_paths @> ARRAY[$2::text] ORDER BY created_at DESC, id DESC LIMIT 21`,
      [KEYS[1], STATES[1]],
    );

    if (BACKFILL) {
      // The search migration's backfill over every case, as an upgrade of this database would run it.
      t0 = performance.now();
      await ds.query(`UPDATE workflow_instances SET summary = NULL`);
      await ds.query(`TRUNCATE instance_search`);
      await ds.query(`DROP INDEX instance_search_created`);
      await ds.query(`DROP INDEX instance_search_terms`);
      console.log(`\nbackfill: summaries and search rows cleared in ${secs(t0)} s`);
      t0 = performance.now();
      const written = await backfillSearch((sql, params) => ds.query(sql, params));
      console.log(`backfill: ${fmt(written)} cases computed and written in ${secs(t0)} s (${fmt(Math.round(written / ((performance.now() - t0) / 1000)))} per second)`);
      t0 = performance.now();
      await buildSearchIndexes();
      console.log(`backfill: indexes built in ${secs(t0)} s`);
      for (const r of await ds.query(`SELECT i.business_key, i.context, s.search_text FROM workflow_instances i TABLESAMPLE SYSTEM (1) JOIN instance_search s ON s.instance_id = i.id LIMIT 300`)) {
        if (searchText(definition, r.business_key, r.context) !== r.search_text) throw new Error(`backfill: ${r.business_key} differs`);
      }
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
