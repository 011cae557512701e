import { Injectable } from '@nestjs/common';
import { TimersRepository, type InstanceRecord, type TimerRecord, Database } from '#libs/persistence';
import { DefinitionRefusals } from './definition-refusals.js';
import { DefinitionsService } from './definitions.service.js';
import { OutboxSignal } from './outbox-signal.js';
import { SYSTEM_ACTOR } from './requests.js';
import { isActiveState, TransitionRunner } from './transition-runner.js';
import { effectsOutbox } from './transition-write.js';

export type FireOutcome = 'fired' | 'stale';

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

  async fireTimer(timerId: string, jobId: string, now?: Date): Promise<FireOutcome> {
    const found = await this.timers.findWithInstance(this.dataSource.manager, timerId);
    if (!found || found.timer.status !== 'pending' || found.timer.jobId !== jobId) return 'stale';
    const at = now ?? new Date();
    if (found.timer.kind === 'reminder') return this.fireReminder(found.timer, found.instance, at);
    const { timer, instance } = found;
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
