import { Injectable } from '@nestjs/common';
import { activeStatePaths, CHILD_DONE_EVENT, isFileId, START_EVENT_TYPE, type CompiledWorkflow } from '#libs/engine';
import { canonicalJson, FilesRepository, InstancesRepository, sha256, type DefinitionRecord, Database, type Tx } from '#libs/persistence';
import { AuditTrail } from '#libs/core';
import { DefinitionRefusals } from './definition-refusals.js';
import { DefinitionsService } from './definitions.service.js';
import { inputFiles, resolveStartFiles } from './file-binding.js';
import { DomainError, ErrorCode } from '#libs/core';
import { InstanceQueries } from './instance-queries.service.js';
import { StartBuilder } from './instance-starts.js';
import type { InstanceView } from './instance-view.js';
import { OutboxSignal } from './outbox-signal.js';
import { holdsRoleIn, type Principal } from '#libs/core';
import { replay, type EventCommand, type Outcome, type RequestMeta, type StartCommand } from './requests.js';
import { TransitionObserver } from './transition-observer.js';
import { inTransactionIf, TransitionRunner } from './transition-runner.js';
import type { ActDecision } from './who-may-act.js';

/**
 * What people (and integrations, and schedules) ask of instances: start one, send it an event.
 * Idempotency keys are the caller's own: the same key from someone else is another request.
 */
@Injectable()
export class InstanceCommands {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly queries: InstanceQueries,
    private readonly starts: StartBuilder,
    private readonly runner: TransitionRunner,
    private readonly audit: AuditTrail,
    private readonly outboxSignal: OutboxSignal,
    private readonly observer: TransitionObserver,
    private readonly fileRows: FilesRepository,
    private readonly refusals: DefinitionRefusals,
  ) {}

  async start(command: StartCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    const { record, workflow } = await this.definitions.forStart(command.definitionKey, command.version);
    assertMayStart(workflow, record.key, meta.principal);
    const at = meta.now ?? new Date();
    const scope = meta.principal ? `instances:create:${meta.principal.userId}` : 'instances:create';
    const requestHash = sha256(canonicalJson(command));
    const idempotencyKey = meta.idempotencyKey;
    const refused = async (error: unknown): Promise<never> => {
      // A start the definition cannot take (no case exists yet) is the admins' to see as well.
      await this.refusals.record(error, { definition: `${record.key}@${record.version}`, event: START_EVENT_TYPE, cause: 'event' }, { actor: meta.actor, requestId: meta.requestId, at });
      throw error;
    };
    // Without a key the insert is one statement, atomic by itself; with one, concurrent creates that
    // share the key are serialised by a transaction-scoped advisory lock and the loser replays.
    if (!idempotencyKey) return this.insertStarted(this.dataSource.manager, command, meta, record, workflow, at).catch(refused);
    const outcome = await this.dataSource
      .transaction(async (manager) => {
        await this.instances.lockIdempotencyKey(manager, scope, idempotencyKey);
        const stored = await this.instances.findIdempotent(manager, scope, idempotencyKey);
        if (stored) return replay<InstanceView>(stored, requestHash, idempotencyKey);
        return this.insertStarted(manager, command, meta, record, workflow, at, { scope, requestHash });
      })
      .catch(refused);
    if (!outcome.replayed) this.outboxSignal.notify(); // committed now: let the relay publish at once
    return outcome;
  }

  /** A person's (or an integration's) event. */
  async send(instanceId: string, command: EventCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    await this.queries.assertVisible(instanceId, meta.principal);
    if (command.type === CHILD_DONE_EVENT) {
      throw new DomainError(ErrorCode.EventNotAccepted, `"${CHILD_DONE_EVENT}" is sent by the engine when a child instance finishes; it cannot be sent by a request`, { allowedEvents: [] });
    }
    const key = meta.idempotencyKey;
    const { outcome, decision } = await this.runner
      .apply({
        instanceId,
        meta,
        cause: { kind: 'event', event: command },
        idempotency: key ? { scope: eventScope(instanceId, meta.principal), key, requestHash: sha256(canonicalJson(command)), strict: true } : undefined,
      })
      .catch((error: unknown) => this.recordDefinitionRefusal(error, instanceId, command.type, meta));
    if (outcome === 'noop') throw new Error('a person event produced no transition');
    if (!outcome.replayed && decision) await this.recordOverride(decision, instanceId, meta);
    return outcome;
  }

  /** A definition's refusal of a person's step is also the admins' to see (definition-refusals.ts). */
  private async recordDefinitionRefusal(error: unknown, instanceId: string, eventType: string, meta: RequestMeta): Promise<never> {
    if (DefinitionRefusals.isDefinitionRefusal(error)) {
      const instance = await this.queries.get(instanceId).catch(() => undefined);
      const definition = instance ? `${instance.definition.key}@${instance.definition.version}` : instanceId;
      await this.refusals.record(error, { definition, instanceId, event: eventType, cause: 'event' }, { actor: meta.actor, requestId: meta.requestId, at: meta.now ?? new Date() });
    }
    throw error;
  }

  /** An admin's override is also an audit trail entry (the history row holds it too, hashed). */
  private async recordOverride(decision: ActDecision, instanceId: string, meta: RequestMeta): Promise<void> {
    if (decision.kind !== 'override') return;
    await this.audit.record({
      actor: meta.actor,
      action: 'event.override',
      subjectType: 'instance',
      subjectId: instanceId,
      data: { reason: decision.reason, ...(decision.task ? { taskId: decision.task.id } : {}) },
      requestId: meta.requestId,
      at: meta.now ?? new Date(),
    });
  }

  private async insertStarted(
    manager: Tx,
    command: StartCommand,
    meta: RequestMeta,
    record: DefinitionRecord,
    workflow: CompiledWorkflow,
    at: Date,
    idempotency?: { scope: string; requestHash: string },
  ): Promise<Outcome<InstanceView>> {
    const began = performance.now();
    // A value that is no file id is the engine's to refuse (INVALID_INPUT, naming the field), not the database's.
    const refs = inputFiles(workflow, command.input).filter((r) => isFileId(r.id));
    const insert = async (tx: Tx) => {
      // Files the input names are checked under their rows' locks and bound by the insert's transaction.
      const files = refs.length ? await resolveStartFiles(this.fileRows, tx, refs, meta.actor.id) : [];
      const built = await this.starts.build(command, meta, record, workflow, at, null, 0, files);
      const { row, view, children } = built;
      row.idempotency = idempotency && meta.idempotencyKey ? { ...idempotency, key: meta.idempotencyKey, statusCode: 201, response: view } : undefined;
      await inTransactionIf(this.dataSource, tx, children.length > 0, async (m) => {
        await this.instances.insertStarted(m, row);
        for (const child of children) await this.instances.insertStarted(m, child);
        if (files.length) {
          const state = activeStatePaths(row.stateValue as never).join(',');
          await this.fileRows.bind(m, files.map((f) => ({ id: f.id, field: f.field, state, instanceId: row.id, seq: 1, event: START_EVENT_TYPE, at })));
        }
      });
      return built;
    };
    let row: Awaited<ReturnType<typeof insert>>['row'];
    let view: InstanceView;
    try {
      ({ row, view } = await inTransactionIf(this.dataSource, manager, refs.length > 0, insert));
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      if (e.code === '23505' && String(e.constraint).includes('business_key')) throw await this.duplicateKey(record.key, command.businessKey!, meta.principal);
      throw error;
    }
    if (row.outbox.length && !manager.queryRunner) this.outboxSignal.notify();
    this.observer.transition({ definitionKey: record.key, eventType: START_EVENT_TYPE, durationMs: performance.now() - began });
    return { statusCode: 201, body: view, replayed: false };
  }

  /**
   * A business key already taken: named, with the case, to whoever may see that case; to anyone else
   * a neutral refusal that says nothing of the case (a key is no way to learn what exists).
   */
  private async duplicateKey(definitionKey: string, businessKey: string, principal: Principal | undefined): Promise<DomainError> {
    const page = await this.instances.list(this.dataSource.manager, { definitionKey, businessKey, limit: 1 });
    const existing = page.items[0];
    if (existing && (await this.queries.canSee(existing.id, principal))) {
      return new DomainError(ErrorCode.DuplicateBusinessKey, `An instance of "${definitionKey}" with business key "${businessKey}" already exists`, {
        field: 'businessKey',
        existingId: existing.id,
      });
    }
    return new DomainError(ErrorCode.DuplicateBusinessKey, 'This business key cannot be used; choose another', { field: 'businessKey' });
  }
}

/**
 * A definition that names who may start it (`startableBy`) is started only by them; the engine's
 * own starts (schedules, children) have no principal and are not asked.
 */
export function assertMayStart(workflow: CompiledWorkflow, key: string, principal: Principal | undefined): void {
  const who = workflow.definition.startableBy;
  if (!who || !principal || holdsRoleIn(principal.memberships, who.roles, who.units ?? [])) return;
  const roles = who.roles.map((r) => workflow.definition.roles?.[r]?.vi ?? r).join(', ');
  throw new DomainError(ErrorCode.Forbidden, `A case of "${key}" is started by ${roles}${who.units?.length ? ` (${who.units.join(', ')})` : ''}; you hold none of these roles there`, {
    startableBy: who,
  });
}

/** Where an event's Idempotency-Key is kept: per instance and per caller (the engine's own reports have none). */
function eventScope(instanceId: string, principal: Principal | undefined): string {
  return principal ? `instance:${instanceId}:events:${principal.userId}` : `instance:${instanceId}:events`;
}
