import { Injectable, Logger } from '@nestjs/common';
import { TimersRepository, type InstanceRecord, type TimerRecord, Database } from '#libs/persistence';
import { DefinitionRefusals } from './definition-refusals.js';
import { DefinitionsService } from './definitions.service.js';
import { OutboxSignal } from './outbox-signal.js';
import { SYSTEM_ACTOR } from './requests.js';
import { Slots } from './slots.js';
import { isActiveState, TransitionRunner, type PreparedDeadline } from './transition-runner.js';
import { effectsOutbox } from './transition-write.js';

export type FireOutcome = 'fired' | 'stale';

/**
 * Deadlines a batch fires in one transaction: enough that a burst pays one commit (one fsync) per
 * this many transitions, few enough that the transaction holds its timer locks for a fraction of a
 * second and a rolled-back batch repeats little.
 */
export const TIMER_BATCH = 150;

/**
 * Batches one process runs at once: a few overlap their round trips to PostgreSQL; many more fire
 * no faster (the database is the limit) but commit later, since a burst's batches then all end
 * together. Jobs waiting for a slot hold no connection, and most then find their timer fired.
 */
export const BATCHES_AT_ONCE = 4;

/**
 * How long a job whose batch came back full goes on firing the next batches (see fireDue): long
 * enough to drain a burst without waiting for the queue, short enough that a stopping worker
 * waits little for its running jobs; a burst still due after it is taken over by the job that
 * gets the slot next.
 */
export const DRAIN_MS = 5_000;

/**
 * A timer's job came due. A deadline is applied through the same path as a person's event, exactly
 * once: the timer row is marked fired by the same statement as the transition. A reminder notifies
 * and moves nothing. A job whose timer is no longer pending, has another job id (re-armed or
 * extended), or whose state was left, does nothing.
 */
@Injectable()
export class TimerFiring {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly timers: TimersRepository,
    private readonly runner: TransitionRunner,
    private readonly outboxSignal: OutboxSignal,
    private readonly refusals: DefinitionRefusals,
  ) {}

  private readonly logger = new Logger(TimerFiring.name);
  private readonly batches = new Slots(BATCHES_AT_ONCE);

  /** The one-timer path: this job's timer alone, through TransitionRunner.apply (or the reminder's statement). */
  async fireTimer(timerId: string, jobId: string, now?: Date): Promise<FireOutcome> {
    const found = await this.timers.findWithInstance(this.dataSource.manager, timerId);
    if (!found || found.timer.status !== 'pending' || found.timer.jobId !== jobId) return 'stale';
    return this.fireFound(found.timer, found.instance, now ?? new Date());
  }

  /**
   * A timer job's path in the worker (`clock` is the worker's). A job whose timer is no longer
   * pending (a batch fired it) answers after one small read. A due deadline fires in a batch with
   * the other deadlines due then (fireBatch), at most BATCHES_AT_ONCE batches at a time; when that
   * batch came back full, the job drains the burst (drain) before it answers, and so does a job that
   * waited for a slot only to find its timer fired. When the batch did not apply this job's own
   * timer, another batch may hold it: the job waits for that one to finish instead of racing it, and
   * applies the timer alone only if it is still pending then (left out of that batch, or the batch
   * failed).
   */
  async fireDue(timerId: string, jobId: string, clock: () => Date): Promise<FireOutcome> {
    const manager = this.dataSource.manager;
    const current = () => this.timers.findById(manager, timerId);
    const timer = await current();
    if (!timer || timer.status !== 'pending' || timer.jobId !== jobId) return 'stale';
    if (timer.kind === 'reminder' || timer.fireAt > clock()) return this.fireTimer(timerId, jobId, clock());
    const release = await this.batches.acquire();
    let batch: Map<string, FireOutcome> | undefined;
    try {
      // A batch that ran while this job waited for its slot has likely fired this timer. The burst
      // that made it wait may still be due, though: a job that waited takes the drain over from the
      // one whose slot it got, rather than leave the rest to jobs that come up behind thousands of
      // stale ones (the queue hands the jobs out in about the order the batches fire their timers).
      const still = await current();
      if (!still || still.status !== 'pending' || still.jobId !== jobId) {
        await this.drain(clock);
        return 'stale';
      }
      // The time is taken once the slot is held: it is what the batch's timers record as their firing.
      const own = await this.batch(clock(), timerId).catch((error: unknown) => {
        // Nothing of it committed: its timers are still pending, each with its own job.
        this.logger.warn(`timer batch rolled back, firing ${timerId} alone: ${(error as Error).message}`);
        return undefined;
      });
      batch = own?.outcomes;
      if (own?.full) await this.drain(clock);
    } finally {
      release();
    }
    const outcome = batch?.get(timerId);
    if (outcome) return outcome;
    const settled = await this.timers.settledStatus(manager, timerId);
    if (!settled || settled.status !== 'pending' || settled.jobId !== jobId) return 'stale';
    return this.fireTimer(timerId, jobId, clock());
  }

  /**
   * Fires up to `limit` pending deadlines due at `now` (`first` among them when it is still
   * pending and free) in ONE transaction and one write statement: one round trip and one commit for
   * all of them. The claim locks each timer and its instance's row (skipping those another writer
   * holds); each timer is marked fired by its own transition's part of the statement, and each
   * instance written only if still at the revision read. A second deadline of an instance already in
   * the batch, a deadline that needs the locked path and an instance whose write found another
   * revision are left out: their own jobs apply them through fireTimer once this commits. A failure
   * rolls back the whole batch (the caller then fires its own timer alone). Answers the outcome per
   * timer applied or cancelled, after the commit.
   */
  async fireBatch(now: Date, first?: string, limit = TIMER_BATCH): Promise<Map<string, FireOutcome>> {
    return (await this.batch(now, first, limit)).outcomes;
  }

  /**
   * More deadlines were due than a batch takes: the job goes on firing batches while they come back
   * full (DRAIN_MS at most), rather than leaving each next batch to wait until a job whose timer is
   * still pending comes up in the queue behind thousands whose timers a batch already fired. The
   * other jobs meanwhile wait for a slot, so the queue hands out few jobs during the burst; the
   * one that gets this slot next goes on draining, and once nothing more is due they find their
   * timers fired after one read (a claim that finds fewer than a batch ends a drain). A batch that
   * fails ends the drain too (its timers' own jobs fire them).
   */
  private async drain(clock: () => Date): Promise<void> {
    const until = performance.now() + DRAIN_MS;
    while (performance.now() < until) {
      const next = await this.batch(clock()).catch((error: unknown) => {
        this.logger.warn(`timer batch rolled back while draining due deadlines: ${(error as Error).message}`);
        return undefined;
      });
      if (!next?.full) return;
    }
  }

  /** fireBatch, and whether the claim took as many as it could (more are likely due). */
  private async batch(now: Date, first?: string, limit = TIMER_BATCH): Promise<{ outcomes: Map<string, FireOutcome>; full: boolean }> {
    let written: PreparedDeadline[] = [];
    let full = false;
    const cancelled: string[] = [];
    await this.dataSource.transaction(async (tx) => {
      const claimed = await this.timers.claimDueDeadlines(tx, now, limit, first);
      full = claimed.length >= limit;
      const instances = new Set<string>();
      const prepared: PreparedDeadline[] = [];
      for (const { timer, instance } of claimed) {
        // A second deadline of the same instance would be built from the revision the first one replaces.
        if (instances.has(instance.id)) continue;
        instances.add(instance.id);
        const one = await this.runner.prepareDeadline(tx, timer, instance, now);
        if (one === 'cancel') {
          await this.timers.cancel(tx, timer.id, now);
          cancelled.push(timer.id);
        } else if (one !== 'single') {
          prepared.push(one);
        }
      }
      // All of them in one statement: a round trip per transition was most of a batch's time.
      written = await this.runner.writePreparedAll(tx, prepared);
    });
    this.runner.committedBatch(written);
    const outcomes = new Map<string, FireOutcome>(cancelled.map((id) => [id, 'stale']));
    for (const p of written) outcomes.set(p.timer.id, 'fired');
    return { outcomes, full };
  }

  private async fireFound(timer: TimerRecord, instance: InstanceRecord, at: Date): Promise<FireOutcome> {
    if (timer.kind === 'reminder') return this.fireReminder(timer, instance, at);
    const { outcome } = await this.runner
      .apply({ instanceId: timer.instanceId, meta: { actor: SYSTEM_ACTOR, now: at }, cause: { kind: 'deadline', timer }, preloaded: instance })
      .catch(async (error: unknown) => {
        // The job is retried and re-armed (the case waits for a corrected version and a migration);
        // the admins are told once per timer.
        const refusal = { definition: `${instance.definitionKey}@${instance.definitionVersion}`, instanceId: instance.id, event: timer.deadlineKey, cause: 'deadline' as const, timerId: timer.id };
        await this.refusals.record(error, refusal, { actor: SYSTEM_ACTOR, at, once: `timer:${timer.id}` });
        throw error;
      });
    return outcome === 'noop' ? 'stale' : 'fired';
  }

  private async fireReminder(timer: TimerRecord, instance: InstanceRecord, at: Date): Promise<FireOutcome> {
    if (instance.status !== 'active' || !isActiveState(instance, timer.state)) {
      await this.timers.cancel(this.dataSource.manager, timer.id, at);
      return 'stale';
    }
    const { workflow } = await this.definitions.byId(instance.definitionId);
    const spec = timer.spec as { key: string; label?: unknown; reminder: number; reminders: Array<{ message?: unknown }>; escalate?: { notify?: { roles?: string[] } } };
    const task = workflow.states.get(timer.state)?.task;
    const deadline = instance.deadlines[timer.deadlineKey] as { dueAt?: string } | undefined;
    const message = spec.reminders?.[spec.reminder]?.message ?? {
      vi: `Sắp đến hạn${deadline?.dueAt ? ` (${deadline.dueAt})` : ''}: ${(spec.label as { vi?: string })?.vi ?? timer.deadlineKey}`,
      en: `Deadline approaching${deadline?.dueAt ? ` (${deadline.dueAt})` : ''}: ${(spec.label as { en?: string })?.en ?? timer.deadlineKey}`,
    };
    const effect = { type: 'notify', roles: task?.roles ?? spec.escalate?.notify?.roles ?? [], users: [], message, reminder: { deadlineKey: timer.deadlineKey, state: timer.state }, at: at.toISOString() };
    const [outbox] = effectsOutbox(instance.id, instance.definitionKey, null, [effect]);
    const fired = await this.timers.fireReminder(this.dataSource.manager, timer.id, timer.jobId, at, outbox);
    if (fired) this.outboxSignal.notify();
    return fired ? 'fired' : 'stale';
  }
}
