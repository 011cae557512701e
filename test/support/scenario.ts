import { readFile } from 'node:fs/promises';
import { CronExpressionParser } from 'cron-parser';
import type { ScheduleDefinition } from '#libs/engine';
import { occurrencePlan, scheduledBusinessKey } from '#libs/scheduler';
import { createDataSource, IdentityRepository, type Membership } from '#libs/persistence';
import { createRuntime, inlineTemplates, SYSTEM_ACTOR, type InstanceView } from '#libs/runtime';
import { standaloneDocumentEngine } from '#libs/documents';
import { dirname } from 'node:path';
import { actorOf, type Principal } from '#libs/core';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './database.js';

/**
 * Drives one workflow definition on a real PostgreSQL with simulated time, for scenario tests of
 * the ward's workflows: people act at chosen instants, `advanceTo` fires every timer due by then
 * (in due order, through the same path the worker uses), and tasks, deadlines and history can be
 * inspected. No queue and no waiting: time is whatever the scenario says.
 */
/** A schedule's occurrence to fire at `at`: its own cron time, or the working day a day off moved it to. */
interface Occurrence {
  at: Date;
  definitionKey: string;
  schedule: ScheduleDefinition;
  occurrence: Date;
  moved?: { startOn: string; reason: { vi: string; en: string } };
}

export class Scenario {
  /** Occurrences a day off held back to a later working day (the worker's delayed "moved" jobs). */
  private held: Occurrence[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly ds: DataSource,
    readonly runtime: ReturnType<typeof createRuntime>,
    private now: Date,
    /** Definitions' schedules to fire as time passes (opt-in: `open(..., { schedules: true })`). */
    private readonly schedules: Array<{ definitionKey: string; schedule: ScheduleDefinition }> = [],
  ) {}

  /** Publishes the definitions (paths to JSON files) on a fresh database; the clock starts at `start`. */
  static async open(files: string[], start: string, options: { schedules?: boolean } = {}): Promise<Scenario> {
    const db = await createTestDatabase();
    const ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    const runtime = createRuntime(ds, standaloneDocumentEngine(ds));
    const schedules: Array<{ definitionKey: string; schedule: ScheduleDefinition }> = [];
    for (const file of files) {
      const source = (await inlineTemplates(JSON.parse(await readFile(file, 'utf8')), dirname(file))) as { key: string; schedules?: ScheduleDefinition[] };
      await runtime.definitions.publish(source);
      if (options.schedules) for (const schedule of source.schedules ?? []) schedules.push({ definitionKey: source.key, schedule });
    }
    const ward = JSON.parse(await readFile('workflows/seed/ward.json', 'utf8')) as { units: Array<{ key: string; name: { vi: string; en: string }; parentKey: string | null }> };
    const identity = new IdentityRepository();
    for (const unit of ward.units) await identity.upsertUnit(ds.manager, unit);
    return new Scenario(db, ds, runtime, new Date(start), schedules);
  }

  async close(): Promise<void> {
    await this.ds.destroy();
    await this.db.drop();
  }

  get clock(): Date {
    return this.now;
  }

  /** A person: username and role memberships ({ role, unit }). */
  person(username: string, memberships: Membership[]): Principal {
    return { userId: username, username, displayName: username, memberships };
  }

  async start(definitionKey: string, who: Principal, input?: Record<string, unknown>, businessKey?: string): Promise<InstanceView> {
    const started = (await this.runtime.commands.start({ definitionKey, input, businessKey }, { actor: actorOf(who), principal: who, now: this.now })).body;
    await this.settle();
    return started;
  }

  /** Delivers every finished child's report to its parent (what the worker's children queue does), until none is left. */
  async settle(): Promise<void> {
    while ((await this.runtime.children.reportPendingChildren(this.now)) > 0);
  }

  /** The children of an instance, in start order. */
  async children(instanceId: string) {
    return (await this.runtime.queries.get(instanceId)).children ?? [];
  }

  /** An event sent by a person at the current simulated time (throws the DomainError a refusal gives). */
  async send(instanceId: string, who: Principal, type: string, payload?: Record<string, unknown>, comment?: string): Promise<InstanceView> {
    await this.runtime.commands.send(instanceId, { type, payload, comment }, { actor: actorOf(who), principal: who, now: this.now });
    await this.settle();
    return this.runtime.queries.get(instanceId);
  }

  /** The next schedule occurrence (or one a day off held back) after the clock and by `until`, if any. */
  private nextOccurrence(until: Date): Occurrence | undefined {
    let best: Occurrence | undefined;
    for (const { definitionKey, schedule } of this.schedules) {
      const it = CronExpressionParser.parse(schedule.cron, { currentDate: this.now, tz: schedule.timezone ?? 'Asia/Ho_Chi_Minh' });
      const at = it.next().toDate();
      if (at <= until && (!best || at < best.at)) best = { at, definitionKey, schedule, occurrence: at };
    }
    for (const held of this.held) if (held.at <= until && (!best || held.at < best.at)) best = held;
    return best;
  }

  /**
   * What a schedule occurrence does, as the worker's schedule processor does it (occurrencePlan:
   * started, held on the next working day, or skipped; one case per business key).
   */
  private async fireSchedule(o: Occurrence): Promise<string> {
    this.held = this.held.filter((h) => h !== o);
    const plan = occurrencePlan(o.definitionKey, o.schedule, o.occurrence, await this.runtime.calendar.current(), o.moved);
    const businessKey = scheduledBusinessKey(o.schedule.businessKey ?? `${o.definitionKey}-{key}-{yyyy}-{mm}-{dd}`, o.occurrence, o.schedule.key);
    if (plan.action === 'skip') return `skipped: ${plan.why}`;
    if (plan.action === 'move') {
      this.held.push({ at: plan.at, definitionKey: o.definitionKey, schedule: o.schedule, occurrence: o.occurrence, moved: { startOn: plan.startOn, reason: plan.reason } });
      return `moved to ${plan.startOn}: ${businessKey}`;
    }
    const actor = { ...SYSTEM_ACTOR, schedule: plan.record };
    const started = await this.runtime.commands.start({ definitionKey: o.definitionKey, businessKey, input: o.schedule.input }, { actor, now: o.at });
    return started.body.id;
  }

  /**
   * Moves the clock to `to` (ISO), firing every pending timer due by then and (when opted in) every
   * schedule occurrence, earliest first; returns what fired.
   */
  async advanceTo(to: string): Promise<Array<{ kind: string; deadlineKey: string; fireAt: string; outcome: string }>> {
    const target = new Date(to);
    if (target < this.now) throw new Error(`time goes forward only: ${to} is before ${this.now.toISOString()}`);
    const fired: Array<{ kind: string; deadlineKey: string; fireAt: string; outcome: string }> = [];
    for (;;) {
      const [next] = await this.ds.query(`SELECT id, job_id, kind, deadline_key, fire_at FROM timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at, id LIMIT 1`, [target]);
      const occurrence = this.nextOccurrence(next ? new Date(Math.min(target.getTime(), new Date(next.fire_at).getTime() - 1)) : target);
      if (occurrence) {
        this.now = occurrence.at;
        const id = await this.fireSchedule(occurrence);
        fired.push({ kind: 'schedule', deadlineKey: `${occurrence.definitionKey}/${occurrence.schedule.key}`, fireAt: occurrence.at.toISOString(), outcome: id });
        await this.settle();
        continue;
      }
      if (!next) break;
      this.now = new Date(Math.max(this.now.getTime(), new Date(next.fire_at).getTime()));
      const outcome = await this.runtime.timers.fireTimer(next.id, next.job_id, this.now);
      fired.push({ kind: next.kind, deadlineKey: next.deadline_key, fireAt: new Date(next.fire_at).toISOString(), outcome });
      if (outcome === 'stale') await this.ds.query(`UPDATE timers SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`, [next.id]);
      await this.settle();
    }
    this.now = target;
    return fired;
  }

  get(instanceId: string): Promise<InstanceView> {
    return this.runtime.queries.get(instanceId);
  }

  /** Open tasks of an instance: state, title, candidate roles and units, priority, due date. */
  async openTasks(instanceId: string) {
    return this.ds.query(
      `SELECT state, title->>'vi' AS title, candidate_roles AS roles, candidate_units AS units, priority, due_at AS "dueAt" FROM tasks WHERE instance_id = $1 AND status = 'open' ORDER BY created_seq, id`,
      [instanceId],
    ) as Promise<Array<{ state: string; title: string; roles: string[]; units: string[]; priority: number; dueAt: Date | null }>>;
  }

  /** History as [event, actor, to] triples. */
  async history(instanceId: string): Promise<Array<[string, string, unknown]>> {
    const rows = await this.ds.query(`SELECT event_type, actor_id, to_state FROM workflow_history WHERE instance_id = $1 ORDER BY seq`, [instanceId]);
    return rows.map((r: Record<string, any>) => [r.event_type, r.actor_id, r.to_state]);
  }

  /** Effects written to the outbox for an instance, flattened, in order. */
  async effects(instanceId: string): Promise<Array<Record<string, any>>> {
    const rows = await this.ds.query(`SELECT payload FROM outbox WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    return rows.flatMap((r: { payload: { effects: Array<Record<string, any>> } }) => r.payload.effects);
  }
}

export { actorOf };
