import { Injectable, Optional } from '@nestjs/common';
import { FilesService, type FileCheck } from '#libs/files';
import { start, step, type PersistedState } from '#libs/engine';
import { AuditRepository, GENESIS_HASH, HistoryRepository, rowHash, InstancesRepository, type HistoryRecord, type InstanceSeal, Database } from '#libs/persistence';
import { chainHash } from './ledger.service.js';
import { ConfidentialReads, DEADLINE_PASSED, DefinitionsService, InstanceQueries, MIGRATED } from '#libs/runtime';
import { DomainError, ErrorCode, type Principal } from '#libs/core';

export interface InstanceVerification {
  ok: boolean;
  instanceId: string;
  rows: number;
  head: string | null;
  /**
   * How far the global ledger vouches for this case: rows 1..sealedRows are sealed and each matches
   * its ledger entry; the rows after them are younger than the last seal (see docs/audit.md).
   */
  sealedRows: number;
  broken?: { seq: number; reason: string };
  /** Every file the history attached, re-hashed from storage (absent where the process has no file store). */
  files?: FileCheck[];
}

export interface StateAt {
  instanceId: string;
  seq: number;
  at: string;
  event: string;
  state: unknown;
  context: Record<string, unknown>;
  status: 'active' | 'done';
}

const START = 'xstate.init';

/**
 * One instance's history, trusted only after checking: the hash chain row by row, and a replay of
 * every event through the pure engine with the pinned definition, which must land on each row's
 * recorded state and, at the end, on exactly the stored snapshot.
 */
@Injectable()
export class InstanceAuditService {
  constructor(
    private readonly dataSource: Database,
    private readonly instances: InstancesRepository,
    private readonly history: HistoryRepository,
    private readonly definitions: DefinitionsService,
    private readonly visibility: InstanceQueries,
    private readonly audit: AuditRepository,
    private readonly confidential: ConfidentialReads,
    @Optional() private readonly files?: FilesService,
  ) {}

  async verify(instanceId: string, principal?: Principal): Promise<InstanceVerification> {
    const { instance, rows, seals, sealedUpTo } = await this.load(instanceId, principal, true);
    const fail = (seq: number, reason: string): InstanceVerification => ({ ok: false, instanceId, rows: rows.length, head: null, sealedRows: 0, broken: { seq, reason } });
    let prev = GENESIS_HASH;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.seq !== i + 1) return fail(r.seq, `expected seq ${i + 1}: rows are missing or out of order`);
      if (r.prevHash !== prev) return fail(r.seq, 'prev_hash does not match the previous row (a row was removed, inserted or reordered)');
      if (rowHash(prev, r) !== r.hash) return fail(r.seq, 'the row was changed: its content no longer matches its hash');
      prev = r.hash;
    }
    if (!rows.length) return fail(0, 'the instance has no history');
    if (instance.revision !== rows.length) return fail(rows.length, `the instance is at revision ${instance.revision} but its history has ${rows.length} rows`);
    if (instance.lastHash !== prev) return fail(rows.length, "the instance's last hash does not match its history's head");
    // The case's own chain can be recomputed by whoever can write its rows; the ledger's entries cannot
    // be without breaking the global chain (and the signed checkpoints kept outside the database).
    const sealed = checkSeals(rows, seals, sealedUpTo);
    if ('broken' in sealed) return fail(sealed.broken.seq, sealed.broken.reason);
    const replayed = await this.replay(instance.definitionId, rows, rows.length);
    if ('broken' in replayed) return fail(replayed.broken.seq, replayed.broken.reason);
    const final = replayed.state;
    if (JSON.stringify(sorted(final.value)) !== JSON.stringify(sorted(instance.stateValue)) || JSON.stringify(sorted(final.context)) !== JSON.stringify(sorted(instance.context))) {
      return fail(rows.length, 'replaying the history does not give the stored state and context');
    }
    if (final.status !== instance.status) return fail(rows.length, 'replaying the history does not give the stored status');
    // The chain covers each attached file's digest; the bytes in storage must still hash to it.
    const files = this.files ? await this.files.checkBound(instanceId, rows) : undefined;
    const changed = files?.find((f) => !f.ok);
    if (changed) return { ...fail(changed.seq, `the file "${changed.name}" (${changed.id}, ${changed.field}) no longer matches the digest its history row recorded: ${changed.reason}`), head: null, files };
    return { ok: true, instanceId, rows: rows.length, head: prev, sealedRows: sealed.rows, ...(files?.length ? { files } : {}) };
  }

  /** The instance as it was right after row `seq`, or at instant `at` (the last row at or before it), rebuilt by replay. */
  /**
   * The replayed state as a person reads it: confidential fields masked unless they may read them
   * (a read in clear is logged). Verification above works on the stored rows and reveals nothing.
   */
  async stateAt(instanceId: string, q: { seq?: number; at?: Date }, principal?: Principal, requestId?: string): Promise<StateAt> {
    const state = await this.replayedState(instanceId, q, principal);
    return principal ? this.confidential.replayed(state, principal, requestId) : state;
  }

  private async replayedState(instanceId: string, q: { seq?: number; at?: Date }, principal?: Principal): Promise<StateAt> {
    const { instance, rows } = await this.load(instanceId, principal);
    let upTo = rows.length;
    if (q.seq !== undefined) {
      if (q.seq < 1 || q.seq > rows.length) {
        throw new DomainError(ErrorCode.ValidationFailed, `seq must be between 1 and ${rows.length}`, { problems: [{ field: 'seq', reason: `must be between 1 and ${rows.length}` }] });
      }
      upTo = q.seq;
    } else if (q.at) {
      upTo = rows.filter((r) => r.at.getTime() <= q.at!.getTime()).length;
      if (upTo === 0) throw new DomainError(ErrorCode.ValidationFailed, 'at is before the instance started', { problems: [{ field: 'at', reason: 'before the instance started' }] });
    }
    const replayed = await this.replay(instance.definitionId, rows, upTo);
    if ('broken' in replayed) throw new DomainError(ErrorCode.ConcurrentUpdate, `the history cannot be replayed: ${replayed.broken.reason} (seq ${replayed.broken.seq})`, {});
    const row = rows[upTo - 1];
    return { instanceId, seq: row.seq, at: row.at.toISOString(), event: row.eventType, state: replayed.state.value, context: replayed.state.context, status: replayed.state.status };
  }

  /** The instance and its whole history from one snapshot: a transition committing meanwhile cannot make them disagree. */
  private async load(instanceId: string, principal?: Principal, withSeals = false) {
    await this.visibility.assertVisible(instanceId, principal);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const seals = withSeals ? await this.audit.sealsOfInstance(manager, instanceId) : [];
      const sealedUpTo = withSeals ? ((await this.audit.ledgerHead(manager))?.gseq ?? null) : null;
      const instance = await this.instances.findById(manager, instanceId);
      if (!instance) throw new DomainError(ErrorCode.InstanceNotFound, `No workflow instance has the id ${instanceId}`, { id: instanceId });
      const rows: HistoryRecord[] = [];
      for (let after = 0; ; ) {
        const page = await this.history.listByInstance(manager, instanceId, { afterSeq: after, limit: 1000 });
        rows.push(...page);
        if (page.length < 1000) break;
        after = page[page.length - 1].seq;
      }
      return { instance, rows, seals, sealedUpTo };
    });
  }

  /** Replays rows 1..upTo through the engine; each must reach its recorded state. */
  private async replay(currentDefinitionId: string, rows: HistoryRecord[], upTo: number): Promise<{ state: PersistedState } | { broken: { seq: number; reason: string } }> {
    // An instance runs on the version it started on until a migration row moves it to another.
    const firstMigration = rows.find((r) => r.eventType === MIGRATED);
    const startedOn = firstMigration ? (await this.definitions.version(...versionOf(firstMigration))).id : currentDefinitionId;
    let { workflow } = await this.definitions.byId(startedOn);
    let state: PersistedState | undefined;
    for (const r of rows.slice(0, upTo)) {
      const opts = { actor: r.actor, at: r.at.toISOString() };
      try {
        if (r.seq === 1) {
          if (r.eventType !== START) return { broken: { seq: 1, reason: 'the first row is not the start' } };
          state = start(workflow, (r.payload ?? undefined) as Record<string, unknown> | undefined, opts).state;
        } else if (r.eventType === MIGRATED) {
          const to = r.payload as { toDefinitionId: string };
          workflow = (await this.definitions.byId(to.toDefinitionId)).workflow;
          const value = r.toState as PersistedState['value'];
          state = { value, context: state!.context, status: 'active', snapshot: { status: 'active', value, historyValue: {}, context: state!.context, children: {} } };
        } else if (r.eventType !== DEADLINE_PASSED) {
          state = step(workflow, state!, { type: r.eventType, payload: (r.payload ?? undefined) as Record<string, unknown> | undefined }, opts).state;
        }
      } catch (error) {
        return { broken: { seq: r.seq, reason: `the engine refuses this event on replay: ${(error as Error).message}` } };
      }
      if (JSON.stringify(sorted(state!.value)) !== JSON.stringify(sorted(r.toState))) {
        return { broken: { seq: r.seq, reason: 'replaying this event does not reach the recorded state' } };
      }
    }
    return { state: state! };
  }
}

/** The key and version an instance started on, from its first migration row. */
function versionOf(migration: HistoryRecord): [string, number] {
  const p = migration.payload as { definitionKey: string; fromVersion: number };
  return [p.definitionKey, p.fromVersion];
}

/** JSON with sorted keys, for comparing values that came back from jsonb. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
  return value;
}

/**
 * Each row the ledger has sealed past (its global number at or below the ledger's head) must have
 * the ledger entry it was sealed as, with the hash the row has today, and the entry's links to its
 * neighbours must hold. The sealed rows are the first ones (global numbers grow with seq).
 */
export function checkSeals(rows: readonly HistoryRecord[], seals: readonly InstanceSeal[], sealedUpTo: string | null): { rows: number } | { broken: { seq: number; reason: string } } {
  const head = sealedUpTo === null ? 0n : BigInt(sealedUpTo);
  let sealed = 0;
  for (const [i, r] of rows.entries()) {
    const seal = seals[i];
    if (!seal || seal.seq !== r.seq || BigInt(seal.gseq) > head) break;
    const broken = (reason: string) => ({ broken: { seq: r.seq, reason } });
    const e = seal.entry;
    if (!e || e.kind !== 'history') return broken('the ledger sealed past this row without it (the row was inserted behind the seal)');
    if (e.rowHash !== r.hash) return broken("this row is not the row the ledger sealed: it, or this case's chain, was rewritten after sealing");
    const previous = seal.previousChainHash ?? (seal.gseq === '1' ? GENESIS_HASH : null);
    if (previous === null || chainHash(previous, seal.gseq, e.kind, e.rowHash) !== e.chainHash) return broken('the ledger entry sealing this row was changed (its link to the entry before it does not hold)');
    const n = seal.next;
    if (n && chainHash(e.chainHash, n.gseq, n.kind, n.rowHash) !== n.chainHash) return broken('the ledger entry sealing this row was changed (the entry after it no longer links to it)');
    sealed = r.seq;
  }
  return { rows: sealed };
}
