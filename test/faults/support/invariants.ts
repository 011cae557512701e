import pg from 'pg';
import type { LedgerEntry } from './load.js';

/**
 * What must hold after any fault, checked against the database and the api:
 *  - every acknowledged request is in the history exactly once (at the revision it reported), no
 *    request that was refused or never answered is, and no Idempotency-Key is on two rows;
 *  - every due timer fired exactly once (none pending past due, fired_seq unique, one history row
 *    per fired deadline and no deadline row without its timer);
 *  - every hash chain verifies (SQL over all instances; the api's replaying verify for the
 *    scenario's instances; the global ledger after a seal);
 *  - no open task is orphaned (on a finished instance, or on a state the instance is not in), none
 *    is duplicated and none is missing;
 *  - the outbox is drained.
 */

/** Rejections the load expects (the instance moved on or finished before the event arrived). */
const EXPECTED_REJECTIONS = new Set(['EVENT_NOT_ACCEPTED', 'INSTANCE_DONE']);

export interface CheckContext {
  databaseUrl: string;
  apiUrl: string;
  token: string;
  ledger: LedgerEntry[];
  /** The workers' clock is this far ahead (a clock jump); due-ness is judged by it. */
  clockOffsetMs?: number;
  /** A timer may be this late before it counts as missed. */
  graceMs?: number;
}

export interface Report {
  violations: string[];
  counts: Record<string, number>;
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const count = async (c: pg.Client, sql: string, params: unknown[] = []): Promise<number> => Number((await c.query(sql, params)).rows[0].n);

/**
 * Pending timers due more than `graceMs` ago by the workers' clock, and outbox rows committed more
 * than `graceMs` ago and still unpublished. (Timers keep coming due after the load stops — a deadline
 * fired opens the next state's — so a row or a timer younger than the grace is work in progress.)
 */
export async function backlog(c: pg.Client, clockOffsetMs = 0, graceMs = 0): Promise<{ overdue: number; unpublished: number }> {
  const dueBefore = new Date(Date.now() + clockOffsetMs - graceMs);
  return {
    overdue: await count(c, `SELECT count(*) AS n FROM timers WHERE status = 'pending' AND fire_at < $1`, [dueBefore]),
    unpublished: await count(c, `SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1)`, [graceMs / 1000]),
  };
}

/** Waits (up to `timeoutMs`) until no timer is overdue and the outbox is empty; returns how long it took. */
export async function settle(databaseUrl: string, clockOffsetMs = 0, timeoutMs = 60000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const b = await withClient(databaseUrl, (c) => backlog(c, clockOffsetMs)).catch(() => undefined);
    if (b && b.overdue === 0 && b.unpublished === 0) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return Date.now() - started;
}

async function api(ctx: CheckContext, method: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${ctx.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${ctx.token}` }, signal: AbortSignal.timeout(30000) });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

export async function checkInvariants(ctx: CheckContext): Promise<Report> {
  const violations: string[] = [];
  const counts: Record<string, number> = {};
  const fail = (what: string, rows?: unknown[]) => violations.push(rows?.length ? `${what}: ${JSON.stringify(rows.slice(0, 5))}` : what);

  await withClient(ctx.databaseUrl, async (c) => {
    // ---- the ledger: exactly once for acknowledged requests, never for refused ones
    const ledger = ctx.ledger;
    const keys = ledger.map((e) => e.key);
    const rows = (
      await c.query(`SELECT idempotency_key AS key, instance_id, seq, event_type FROM workflow_history WHERE idempotency_key = ANY($1)`, [keys])
    ).rows as Array<{ key: string; instance_id: string; seq: number; event_type: string }>;
    const byKey = new Map<string, typeof rows>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    let ackedOnce = 0;
    const missing: string[] = [];
    const doubled: string[] = [];
    const misplaced: unknown[] = [];
    const phantom: unknown[] = [];
    const unexpected: unknown[] = [];
    for (const e of ledger) {
      const found = byKey.get(e.key) ?? [];
      if (found.length > 1) doubled.push(e.key);
      if (e.outcome === 'acked') {
        if (found.length === 0) missing.push(e.key);
        else if (found.length === 1) {
          const r = found[0];
          const expectedSeq = e.op === 'start' ? 1 : e.revision;
          if (r.instance_id !== e.instanceId || r.seq !== expectedSeq || r.event_type !== e.eventType) {
            misplaced.push({ key: e.key, acked: { instance: e.instanceId, seq: expectedSeq, event: e.eventType }, row: r });
          } else ackedOnce++;
        }
      } else if (e.outcome === 'rejected') {
        if (found.length) phantom.push({ key: e.key, status: e.status, code: e.code, rows: found.length });
        if (!EXPECTED_REJECTIONS.has(e.code ?? '')) unexpected.push({ key: e.key, op: e.op, event: e.eventType, status: e.status, code: e.code });
      }
    }
    const unresolved = ledger.filter((e) => e.outcome === 'unresolved' || e.outcome === 'pending');
    counts.ackedKeys = ledger.filter((e) => e.outcome === 'acked').length;
    counts.ackedInHistoryOnce = ackedOnce;
    counts.rejectedKeys = ledger.filter((e) => e.outcome === 'rejected').length;
    counts.rowsForRejectedKeys = phantom.length;
    counts.unresolvedKeys = unresolved.length;
    if (missing.length) fail(`${missing.length} acknowledged requests are not in the history`, missing);
    if (doubled.length) fail(`${doubled.length} Idempotency-Keys of this load are on more than one history row`, doubled);
    if (misplaced.length) fail(`${misplaced.length} acknowledged requests are in the history elsewhere than acknowledged`, misplaced);
    if (phantom.length) fail(`${phantom.length} refused requests are in the history`, phantom);
    if (unexpected.length) fail(`${unexpected.length} requests were refused for an unexpected reason`, unexpected);
    if (unresolved.length) fail(`${unresolved.length} requests never got a definitive answer`, unresolved.map((e) => e.key));

    const dupKeys = (await c.query(`SELECT idempotency_key, count(*)::int AS n FROM workflow_history WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1 LIMIT 5`)).rows;
    if (dupKeys.length) fail('Idempotency-Keys on more than one history row (whole database)', dupKeys);

    // Counters: the context counts every acknowledged increment once (state, not only history).
    const counters = new Map<string, number>();
    const settled = new Set(ledger.filter((e) => e.definitionKey === 'test-counter' && e.op === 'start' && e.outcome === 'acked').map((e) => e.instanceId!));
    for (const e of ledger) {
      if (e.definitionKey !== 'test-counter' || e.op !== 'event') continue;
      if (e.outcome === 'unresolved' || e.outcome === 'pending') settled.delete(e.instanceId!);
      if (e.eventType === 'TANG' && e.outcome === 'acked') counters.set(e.instanceId!, (counters.get(e.instanceId!) ?? 0) + 1);
    }
    if (settled.size) {
      const ctxRows = (await c.query(`SELECT id, (context->>'dem')::int AS dem FROM workflow_instances WHERE id = ANY($1)`, [[...settled]])).rows as Array<{ id: string; dem: number }>;
      const wrong = ctxRows.filter((r) => r.dem !== (counters.get(r.id) ?? 0)).map((r) => ({ id: r.id, dem: r.dem, acked: counters.get(r.id) ?? 0 }));
      counts.countersChecked = ctxRows.length;
      counts.incrementsAcked = [...counters.values()].reduce((a, b) => a + b, 0);
      if (wrong.length) fail(`${wrong.length} counters differ from their acknowledged increments`, wrong);
    }

    // ---- timers: every due timer fired exactly once
    const { overdue, unpublished } = await backlog(c, ctx.clockOffsetMs ?? 0, ctx.graceMs ?? 5000);
    counts.overduePendingTimers = overdue;
    if (overdue) {
      const late = (await c.query(`SELECT id, kind, deadline_key, fire_at, job_id FROM timers WHERE status = 'pending' AND fire_at < $1 ORDER BY fire_at LIMIT 5`, [new Date(Date.now() + (ctx.clockOffsetMs ?? 0) - (ctx.graceMs ?? 5000))])).rows;
      fail(`${overdue} timers are pending past their due time`, late);
    }
    counts.unpublishedOutbox = unpublished;
    if (unpublished) {
      const rows = (await c.query(`SELECT id, instance_id, created_at FROM outbox WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1) ORDER BY id LIMIT 5`, [(ctx.graceMs ?? 5000) / 1000])).rows;
      fail(`${unpublished} outbox rows committed more than the grace ago are still unpublished`, rows);
    }
    const dupFired = (await c.query(`SELECT instance_id, fired_seq, count(*)::int AS n FROM timers WHERE status = 'fired' AND kind = 'deadline' GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 5`)).rows;
    if (dupFired.length) fail('two deadlines fired by one history row (fired_seq not unique)', dupFired);
    const noRow = (
      await c.query(
        `SELECT t.id, t.instance_id, t.fired_seq, t.deadline_key FROM timers t
           LEFT JOIN workflow_history h ON h.instance_id = t.instance_id AND h.seq = t.fired_seq
          WHERE t.status = 'fired' AND t.kind = 'deadline'
            AND (h.seq IS NULL OR h.actor_id <> 'system' OR h.payload->>'deadline' IS DISTINCT FROM t.deadline_key) LIMIT 5`,
      )
    ).rows;
    if (noRow.length) fail('fired deadlines without their history row', noRow);
    const orphanRows = (
      await c.query(
        `SELECT h.instance_id, h.seq, h.event_type FROM workflow_history h
          WHERE h.actor_id = 'system' AND h.payload ? 'deadline' AND h.payload ? 'dueAt'
            AND NOT EXISTS (SELECT 1 FROM timers t WHERE t.instance_id = h.instance_id AND t.fired_seq = h.seq AND t.kind = 'deadline' AND t.status = 'fired') LIMIT 5`,
      )
    ).rows;
    if (orphanRows.length) fail('deadline history rows that no fired timer accounts for (a deadline applied twice?)', orphanRows);
    const twice = (
      await c.query(
        `SELECT instance_id, payload->>'deadline' AS deadline, payload->>'dueAt' AS due, count(*)::int AS n FROM workflow_history
          WHERE actor_id = 'system' AND payload ? 'deadline' AND payload ? 'dueAt' GROUP BY 1, 2, 3 HAVING count(*) > 1 LIMIT 5`,
      )
    ).rows;
    if (twice.length) fail('a deadline applied more than once', twice);

    // This load's instances: how their timers ended.
    const ids = [...new Set(ledger.filter((e) => e.instanceId).map((e) => e.instanceId!))];
    const timerRows = (
      await c.query(`SELECT kind, status, count(*)::int AS n FROM timers WHERE instance_id = ANY($1) GROUP BY 1, 2`, [ids])
    ).rows as Array<{ kind: string; status: string; n: number }>;
    for (const r of timerRows) counts[`${r.kind}Timers_${r.status}`] = r.n;
    counts.instances = ids.length;

    // ---- hash chains (SQL, every instance)
    const brokenLinks = (
      await c.query(
        `SELECT h.instance_id, h.seq FROM workflow_history h
           LEFT JOIN workflow_history p ON p.instance_id = h.instance_id AND p.seq = h.seq - 1
          WHERE (h.seq = 1 AND h.prev_hash <> repeat('0', 64)) OR (h.seq > 1 AND p.hash IS DISTINCT FROM h.prev_hash) LIMIT 5`,
      )
    ).rows;
    if (brokenLinks.length) fail('history rows whose prev_hash is not the previous row\'s hash', brokenLinks);
    const heads = (
      await c.query(
        `SELECT i.id, i.revision, agg.n, agg.m FROM workflow_instances i
           CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(seq) AS m FROM workflow_history h WHERE h.instance_id = i.id) agg
           LEFT JOIN workflow_history last ON last.instance_id = i.id AND last.seq = i.revision
          WHERE agg.n <> i.revision OR agg.m <> i.revision OR last.hash IS DISTINCT FROM i.last_hash LIMIT 5`,
      )
    ).rows;
    if (heads.length) fail('instances whose revision or last hash disagrees with their history', heads);
    counts.historyRowsTotal = await count(c, `SELECT count(*) AS n FROM workflow_history`);

    // ---- tasks
    const onDone = (await c.query(`SELECT t.id, t.instance_id, t.state FROM tasks t JOIN workflow_instances i ON i.id = t.instance_id WHERE t.status = 'open' AND i.status = 'done' LIMIT 5`)).rows;
    if (onDone.length) fail('open tasks on finished instances', onDone);
    const offState = (
      await c.query(`SELECT t.id, t.instance_id, t.state, i.state_paths FROM tasks t JOIN workflow_instances i ON i.id = t.instance_id WHERE t.status = 'open' AND NOT (t.state = ANY (i.state_paths)) LIMIT 5`)
    ).rows;
    if (offState.length) fail('open tasks on a state their instance is not in', offState);
    const dupTasks = (await c.query(`SELECT instance_id, state, count(*)::int AS n FROM tasks WHERE status = 'open' GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 5`)).rows;
    if (dupTasks.length) fail('two open tasks for one state of one instance', dupTasks);
    const noTask = (
      await c.query(
        `SELECT i.id, i.state_paths FROM workflow_instances i WHERE i.definition_key = 'test-deadlines' AND i.status = 'active'
            AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open' AND t.state = ANY (i.state_paths)) LIMIT 5`,
      )
    ).rows;
    if (noTask.length) fail('active instances in a state with a task but no open task', noTask);
    counts.openTasks = await count(c, `SELECT count(*) AS n FROM tasks WHERE status = 'open' AND instance_id = ANY($1)`, [ids]);
  });

  // ---- hash chains through the api: hash recomputed and history replayed, for this load's instances
  const ids = [...new Set(ctx.ledger.filter((e) => e.instanceId).map((e) => e.instanceId!))];
  let verified = 0;
  let reread = 0;
  const bad: unknown[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map(async (id) => {
        // The endpoint reads the instance and its history in separate statements: a deadline firing
        // in between makes them disagree for that one read. Such a read is repeated (and counted).
        for (let attempt = 1; ; attempt++) {
          const { status, body } = await api(ctx, 'GET', `/api/v1/instances/${id}/history/verify`);
          if (status === 200 && body?.ok === true) {
            verified++;
            if (attempt > 1) reread++;
            return;
          }
          const racy = status === 200 && /revision .* but its history has|last hash does not match/.test(String(body?.broken?.reason));
          if (!racy || attempt === 3) {
            bad.push({ id, status, body });
            return;
          }
          await new Promise((r) => setTimeout(r, 300));
        }
      }),
    );
  }
  counts.chainsVerified = verified;
  counts.chainVerifyRereads = reread;
  if (bad.length) fail(`${bad.length} instance chains do not verify`, bad);
  const seal = await api(ctx, 'POST', '/api/v1/audit/seal');
  if (seal.status !== 200) fail('sealing the ledger failed', [seal]);
  const ledgerCheck = await api(ctx, 'GET', '/api/v1/audit/verify');
  counts.ledgerEntriesVerified = Number(ledgerCheck.body?.checked ?? 0);
  if (ledgerCheck.status !== 200 || ledgerCheck.body?.ok !== true) fail('the global ledger does not verify', [ledgerCheck]);

  return { violations, counts };
}
