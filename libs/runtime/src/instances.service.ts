import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EngineError, start, step, type Actor, type CompiledWorkflow, type Effect, type StepResult } from '#libs/engine';
import {
  canonicalJson,
  decodeCursor,
  GENESIS_HASH,
  HistoryRepository,
  historyHash,
  InstancesRepository,
  sha256,
  type DefinitionRecord,
  type InstanceRecord,
  type OutboxMessage,
  type TransitionWrite,
  type StoredResponse,
} from '#libs/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from './errors.js';
import { statePathsWithAncestors, toHistoryView, toInstanceView, type HistoryView, type InstanceView } from './instance-view.js';

/** Who asked, and the request's own trace: what every history row records besides the event. */
export interface RequestMeta {
  actor: Actor;
  requestId?: string;
  idempotencyKey?: string;
  /** Injected clock for tests and replays; the server's clock otherwise. */
  now?: Date;
}

export interface StartCommand {
  definitionKey: string;
  version?: number;
  businessKey?: string;
  input?: Record<string, unknown>;
}

export interface EventCommand {
  type: string;
  payload?: Record<string, unknown>;
  expectedRevision?: number;
  comment?: string;
}

/** A response and whether it was replayed from an earlier request with the same Idempotency-Key. */
export interface Outcome<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

export interface ListQuery {
  definitionKey?: string;
  status?: 'active' | 'done';
  state?: string;
  businessKey?: string;
  limit?: number;
  cursor?: string;
}

const START_EVENT = 'xstate.init';

/**
 * The one path by which instances start and move: lock, run the pure engine, write state, history,
 * outbox and idempotency record in one transaction.
 */
@Injectable()
export class InstancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly history: HistoryRepository,
  ) {}

  async start(command: StartCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    const { record, workflow } = await this.definitions.forStart(command.definitionKey, command.version);
    const at = meta.now ?? new Date();
    const scope = 'instances:create';
    const requestHash = sha256(canonicalJson(command));
    const idempotencyKey = meta.idempotencyKey;
    // Without a key the insert is one statement, atomic by itself; with one, concurrent creates that
    // share the key are serialised by a transaction-scoped advisory lock and the loser replays.
    if (!idempotencyKey) return this.insertStarted(this.dataSource.manager, command, meta, record, workflow, at);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}:${idempotencyKey}`]);
      const stored = await this.instances.findIdempotent(manager, scope, idempotencyKey);
      if (stored) return replay<InstanceView>(stored, requestHash, idempotencyKey);
      return this.insertStarted(manager, command, meta, record, workflow, at, { scope, requestHash });
    });
  }

  private async insertStarted(
    manager: EntityManager,
    command: StartCommand,
    meta: RequestMeta,
    record: DefinitionRecord,
    workflow: CompiledWorkflow,
    at: Date,
    idempotency?: { scope: string; requestHash: string },
  ): Promise<Outcome<InstanceView>> {
    const result = runEngine(() => start(workflow, command.input, { actor: meta.actor, at: at.toISOString() }));
    const id = randomUUID();
    const history = this.historyRow(id, 1, GENESIS_HASH, START_EVENT, command.input ?? null, null, result, at, meta, null);
    const view = toInstanceView(
      {
        id,
        definitionId: record.id,
        definitionKey: record.key,
        definitionVersion: record.version,
        businessKey: command.businessKey ?? null,
        status: result.state.status,
        stateValue: result.state.value,
        statePaths: [],
        context: result.state.context,
        snapshot: result.state.snapshot,
        revision: 1,
        lastHash: history.hash,
        nextDueAt: null,
        startedBy: meta.actor.id,
        createdAt: at,
        updatedAt: at,
        completedAt: result.state.status === 'done' ? at : null,
      },
      workflow,
    );
    try {
      await this.instances.insertStarted(manager, {
        id,
        definitionId: record.id,
        definitionKey: record.key,
        definitionVersion: record.version,
        businessKey: command.businessKey ?? null,
        status: result.state.status,
        stateValue: result.state.value,
        statePaths: statePathsWithAncestors(result.state.value),
        context: result.state.context,
        snapshot: result.state.snapshot,
        startedBy: meta.actor.id,
        at,
        history,
        outbox: toOutbox(id, record.key, 1, result.effects),
        idempotency: idempotency && meta.idempotencyKey ? { ...idempotency, key: meta.idempotencyKey, statusCode: 201, response: view } : undefined,
      });
    } catch (error) {
      if (
        (error as { code?: string; constraint?: string }).code === '23505' &&
        String((error as { constraint?: string }).constraint).includes('business_key')
      ) {
        throw new DomainError(ErrorCode.DuplicateBusinessKey, `An instance of "${record.key}" with business key "${command.businessKey}" already exists`, {
          field: 'businessKey',
        });
      }
      throw error;
    }
    return { statusCode: 201, body: view, replayed: false };
  }

  /**
   * Applies one event. First optimistically: read, step, and one conditional write statement that is
   * atomic by itself (no lock, no BEGIN/COMMIT). If another writer moved the instance meanwhile, the
   * event is applied again holding the row lock, so that events racing on a busy instance are each
   * applied exactly once, in turn, instead of failing.
   */
  async send(instanceId: string, command: EventCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    const scope = `instance:${instanceId}:events`;
    const requestHash = sha256(canonicalJson(command));
    const manager = this.dataSource.manager;
    const instance = await this.instances.findById(manager, instanceId);
    if (!instance) throw notFound(instanceId);
    if (meta.idempotencyKey) {
      const stored = await this.instances.findIdempotent(manager, scope, meta.idempotencyKey);
      if (stored) return replay<InstanceView>(stored, requestHash, meta.idempotencyKey);
    }
    const attempt = await this.prepare(instance, command, meta, { scope, requestHash });
    if (await this.instances.applyTransition(manager, attempt.write)) return attempt.outcome;

    return this.dataSource.transaction(async (tx) => {
      const locked = await this.instances.lockForEvent(tx, instanceId, meta.idempotencyKey ? { scope, key: meta.idempotencyKey } : undefined);
      if (!locked) throw notFound(instanceId);
      if (locked.stored) return replay<InstanceView>(locked.stored, requestHash, meta.idempotencyKey!);
      const retry = await this.prepare(locked.instance, command, meta, { scope, requestHash });
      if (!(await this.instances.applyTransition(tx, retry.write))) {
        throw new DomainError(ErrorCode.ConcurrentUpdate, 'The instance changed while this event was applied; retry', {});
      }
      return retry.outcome;
    });
  }

  /** Runs the engine on `instance` and builds everything the transition writes and answers. */
  private async prepare(
    instance: InstanceRecord,
    command: EventCommand,
    meta: RequestMeta,
    idempotency: { scope: string; requestHash: string },
  ): Promise<{ write: TransitionWrite; outcome: Outcome<InstanceView> }> {
    if (command.expectedRevision !== undefined && command.expectedRevision !== instance.revision) {
      throw new DomainError(ErrorCode.StaleRevision, `The instance is at revision ${instance.revision}, not ${command.expectedRevision}`, {
        field: 'expectedRevision',
        currentRevision: instance.revision,
      });
    }
    const { workflow } = await this.definitions.byId(instance.definitionId);
    const at = meta.now ?? new Date();
    const current = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
    const result = runEngine(() => step(workflow, current, { type: command.type, payload: command.payload }, { actor: meta.actor, at: at.toISOString() }));
    const revision = instance.revision + 1;
    const history = this.historyRow(
      instance.id,
      revision,
      instance.lastHash,
      command.type,
      command.payload ?? null,
      instance.stateValue,
      result,
      at,
      meta,
      command.comment ?? null,
    );
    const next: InstanceRecord = {
      ...instance,
      status: result.state.status,
      stateValue: result.state.value,
      context: result.state.context,
      snapshot: result.state.snapshot,
      revision,
      lastHash: history.hash,
      updatedAt: at,
      completedAt: result.state.status === 'done' ? at : instance.completedAt,
    };
    const view = toInstanceView(next, workflow);
    return {
      outcome: { statusCode: 200, body: view, replayed: false },
      write: {
        instanceId: instance.id,
        expectedRevision: instance.revision,
        status: next.status,
        stateValue: next.stateValue,
        statePaths: statePathsWithAncestors(next.stateValue),
        context: next.context,
        snapshot: next.snapshot,
        at,
        nextDueAt: next.nextDueAt,
        history,
        outbox: toOutbox(instance.id, instance.definitionKey, revision, result.effects),
        idempotency: meta.idempotencyKey
          ? { scope: idempotency.scope, key: meta.idempotencyKey, requestHash: idempotency.requestHash, statusCode: 200, response: view }
          : undefined,
      },
    };
  }

  async get(id: string): Promise<InstanceView> {
    const instance = await this.instances.findById(this.dataSource.manager, id);
    if (!instance) throw notFound(id);
    const { workflow } = await this.definitions.byId(instance.definitionId);
    return toInstanceView(instance, workflow);
  }

  async list(query: ListQuery): Promise<{ items: InstanceView[]; nextCursor: string | null }> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', {
        problems: [{ field: 'cursor', reason: 'unrecognised cursor' }],
      });
    }
    const page = await this.instances.list(this.dataSource.manager, { ...query, limit: query.limit ?? 20, cursor });
    const items = await Promise.all(page.items.map(async (i) => toInstanceView(i, (await this.definitions.byId(i.definitionId)).workflow)));
    return { items, nextCursor: page.nextCursor };
  }

  async historyOf(id: string, page: { afterSeq?: number; limit?: number }): Promise<{ items: HistoryView[]; nextAfterSeq: number | null }> {
    const manager = this.dataSource.manager;
    if (!(await this.instances.findById(manager, id))) throw notFound(id);
    const limit = page.limit ?? 100;
    const rows = await this.history.listByInstance(manager, id, { afterSeq: page.afterSeq ?? 0, limit: limit + 1 });
    const items = rows.slice(0, limit).map(toHistoryView);
    return { items, nextAfterSeq: rows.length > limit ? items[items.length - 1].seq : null };
  }

  private historyRow(
    instanceId: string,
    seq: number,
    prevHash: string,
    eventType: string,
    payload: Record<string, unknown> | null,
    fromState: unknown,
    result: StepResult,
    at: Date,
    meta: RequestMeta,
    comment: string | null,
  ) {
    const fields = {
      instanceId,
      seq,
      eventType,
      payload,
      actor: meta.actor,
      fromState,
      toState: result.state.value,
      at: at.toISOString(),
      requestId: meta.requestId ?? null,
      idempotencyKey: meta.idempotencyKey ?? null,
      comment,
    };
    return {
      seq,
      eventType,
      payload,
      actorId: meta.actor.id,
      actor: meta.actor,
      fromState,
      toState: result.state.value,
      requestId: fields.requestId,
      idempotencyKey: fields.idempotencyKey,
      comment,
      prevHash,
      hash: historyHash(prevHash, fields),
    };
  }
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.InstanceNotFound, `No workflow instance has the id ${id}`, { id });
}

function replay<T>(stored: StoredResponse, requestHash: string, key: string): Outcome<T> {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(ErrorCode.IdempotencyKeyReused, `Idempotency-Key "${key}" was already used for a different request`, {
      field: 'Idempotency-Key',
    });
  }
  return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
}

/**
 * A transition's effects become one outbox row (topic `effects`), in order; the relay turns them into
 * jobs after commit. One row per transition rather than one per effect keeps the write small.
 */
function toOutbox(instanceId: string, definitionKey: string, seq: number, effects: Effect[]): OutboxMessage[] {
  return effects.length ? [{ topic: 'effects', payload: { instanceId, definitionKey, seq, effects } }] : [];
}

/** Translates the engine's refusals into domain errors; anything else is a bug and propagates. */
function runEngine(run: () => StepResult): StepResult {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    switch (error.code) {
      case 'INVALID_INPUT':
        throw new DomainError(ErrorCode.InvalidInput, error.message, { issues: error.issues });
      case 'INVALID_PAYLOAD':
        throw new DomainError(ErrorCode.InvalidPayload, error.message, { issues: error.issues });
      case 'EVENT_NOT_ACCEPTED':
        throw new DomainError(ErrorCode.EventNotAccepted, error.message, { allowedEvents: error.allowedEvents ?? [] });
      case 'GUARD_REJECTED':
        throw new DomainError(ErrorCode.GuardRejected, error.message, { allowedEvents: error.allowedEvents ?? [] });
      case 'INSTANCE_DONE':
        throw new DomainError(ErrorCode.InstanceDone, error.message, { allowedEvents: [] });
    }
    throw error;
  }
}
