import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { Database, dataSourceOf } from './database.js';

/** The channel the triggers of migration LiveStream1764806400000 notify on. */
export const LIVE_CHANNEL = 'phoihop_user';

/** A notification written (for one user), as the trigger sends it. */
export interface LiveNotification {
  type: 'notification';
  userId: string;
  id: string;
  kind: string;
  /** Null when it was too long for a NOTIFY payload. */
  title: { vi: string; en: string } | null;
  instanceId: string;
  taskId: string | null;
  createdAt: string;
}

/** A task opened, claimed, delegated or closed: who may see it in their inbox. */
export interface LiveInboxChange {
  type: 'inbox';
  roles?: string[];
  units?: string[];
  /** Usernames: the assignee before and after. */
  users?: string[];
  /** Everyone (the payload would have been too long; or the channel was re-established and something may have been missed). */
  all?: boolean;
}

export type LiveMessage = LiveNotification | LiveInboxChange;
export type LiveListener = (message: LiveMessage) => void;

/**
 * What hears one channel. `down` and `up` say when the process stops and starts hearing it: in
 * between, notifications committed by others are lost, so whatever a watcher keeps because nothing
 * was heard (a cache) must not be trusted from `down` until `up`.
 */
export interface ChannelWatcher {
  /** A notification's payload (its text as sent). */
  message(payload: string): void;
  /** The process LISTENs on the channel: first after `watch`, then after each reconnection. */
  up(): void;
  /** The connection was lost; `up` follows when it is re-opened. */
  down(): void;
}

const RECONNECT_MS = 1000;
/** A sync round trip not back by then means a connection that died without a word: it is dropped (and re-opened). */
const SYNC_TIMEOUT_MS = 2000;

/**
 * One dedicated PostgreSQL connection per process that LISTENs on the channels watched (the live
 * streams' `phoihop_user`, the principal cache's `phoihop_identity`), opened when the first watcher
 * comes and kept while the process lives. Changes committed by any process (an api, a worker, the
 * CLI) reach every process's watchers. When the connection drops, every watcher hears `down`; it is
 * re-opened, and they hear `up`. Provided once per process (PersistenceModule): one connection.
 */
@Injectable()
export class LiveChannel implements OnModuleDestroy {
  private readonly logger = new Logger(LiveChannel.name);
  private readonly listeners = new Set<LiveListener>();
  private readonly watchers = new Map<string, Set<ChannelWatcher>>();
  /** The live streams' own watcher, made on the first subscribe and kept. */
  private live?: ChannelWatcher;
  private client?: pg.Client;
  /** Channels the current client LISTENs on, and the watchers told so (each once per connection). */
  private listening = new Set<string>();
  private told = new WeakSet<ChannelWatcher>();
  private connecting?: Promise<void>;
  private closed = false;
  /** Callers of sync() waiting for the next round trip, and whether one is on the wire. */
  private waiting: Array<(heard: boolean) => void> = [];
  private pinging = false;

  constructor(private readonly database: Database) {}

  /** How many live-stream listeners are subscribed (one per open stream). */
  get size(): number {
    return this.listeners.size;
  }

  /** Subscribes to the live streams' channel; resolves once the process is LISTENing (so nothing committed after it is missed). Returns the unsubscribe function. */
  async subscribe(listener: LiveListener): Promise<() => void> {
    this.listeners.add(listener);
    try {
      this.live ??= this.liveWatcher();
      await this.listen(LIVE_CHANNEL, this.live);
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Watches a channel; resolves once the process LISTENs on it (the watcher has heard `up`). Rejects
   * when the connection cannot be opened now: the watcher stays, and hears `up` when a later
   * attempt succeeds. Returns the function that stops watching.
   */
  async watch(channel: string, watcher: ChannelWatcher): Promise<() => void> {
    const stop = () => {
      this.watchers.get(channel)?.delete(watcher);
    };
    await this.listen(channel, watcher).catch((error: unknown) => {
      this.retrySoon();
      throw error;
    });
    return stop;
  }

  /**
   * Resolves true once every notification committed before the call has been handed to the
   * watchers; false when the connection is not up. A round trip on the LISTEN connection itself:
   * PostgreSQL sends a listening backend's pending notifications before it answers a statement, on
   * the same socket, so they are read first. Callers that come while one is on the wire share the
   * next one (the one on the wire may have left before their change committed).
   */
  sync(): Promise<boolean> {
    if (!this.client) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.pinging) this.ping();
    });
  }

  private ping(): void {
    const batch = this.waiting;
    this.waiting = [];
    const client = this.client;
    if (!client) return batch.forEach((resolve) => resolve(false));
    this.pinging = true;
    let settled = false;
    const done = (heard: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(silent);
      batch.forEach((resolve) => resolve(heard));
      this.pinging = false;
      if (this.waiting.length) this.ping();
    };
    const silent = setTimeout(() => {
      // Treated as lost at once (watchers hear `down`), not when the kernel gives up on the socket.
      if (this.client === client) client.emit('error', new Error(`no answer within ${SYNC_TIMEOUT_MS} ms`));
      done(false);
    }, SYNC_TIMEOUT_MS);
    silent.unref();
    client.query(';').then(
      () => done(this.client === client),
      () => done(false),
    );
  }

  private async listen(channel: string, watcher: ChannelWatcher): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a channel name`);
    let set = this.watchers.get(channel);
    if (!set) this.watchers.set(channel, (set = new Set()));
    set.add(watcher);
    await this.connect();
    const client = this.client!;
    if (!this.listening.has(channel)) {
      await client.query(`LISTEN ${channel}`);
      this.listening.add(channel);
    }
    if (this.client === client) this.tellUp(watcher);
  }

  /** `up`, once per connection: a watcher present when it opened was told then. */
  private tellUp(watcher: ChannelWatcher): void {
    if (this.told.has(watcher)) return;
    this.told.add(watcher);
    this.safely(() => watcher.up());
  }

  private liveWatcher(): ChannelWatcher {
    let lost = false;
    return {
      message: (payload) => {
        let message: LiveMessage;
        try {
          message = JSON.parse(payload);
        } catch {
          return;
        }
        this.emit(message);
      },
      down: () => {
        lost = true;
      },
      // Something may have passed unheard: every stream re-reads its inbox.
      up: () => {
        if (!lost) return;
        lost = false;
        this.emit({ type: 'inbox', all: true });
      },
    };
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const pool = (dataSourceOf(this.database).driver as unknown as { master?: { options: pg.ClientConfig } }).master;
    if (!pool) throw new Error('the database is not initialised');
    const { connectionString, host, port, user, password, database, ssl } = pool.options;
    const client = new pg.Client({ connectionString, host, port, user, password, database, ssl, application_name: 'phoihop-live', keepAlive: true });
    client.on('notification', (n) => {
      if (!n.payload) return;
      for (const watcher of [...(this.watchers.get(n.channel) ?? [])]) this.safely(() => watcher.message(n.payload!));
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = new Set();
      this.told = new WeakSet();
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`the LISTEN connection was lost${error ? `: ${error.message}` : ''}; re-opening`);
      this.everyWatcher((w) => w.down());
      this.retrySoon();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    const channels = [...this.watchers.keys()];
    try {
      for (const channel of channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('the application is shutting down');
    }
    this.client = client;
    this.listening = new Set(channels);
    for (const channel of channels) for (const watcher of [...(this.watchers.get(channel) ?? [])]) this.tellUp(watcher);
  }

  private retrySoon(): void {
    const retry = () => {
      if (this.closed || this.client || !this.watchers.size) return;
      this.connect().catch(() => setTimeout(retry, RECONNECT_MS).unref());
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }

  private everyWatcher(call: (w: ChannelWatcher) => void): void {
    for (const set of [...this.watchers.values()]) for (const watcher of [...set]) this.safely(() => call(watcher));
  }

  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.logger.error(`a channel watcher failed: ${(error as Error).message}`);
    }
  }

  private emit(message: LiveMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.logger.error(`a live listener failed: ${(error as Error).message}`);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.watchers.clear();
    const client = this.client;
    this.client = undefined;
    await this.connecting?.catch(() => undefined);
    const late = this.client as pg.Client | undefined;
    for (const c of [client, late]) if (c) await c.end().catch(() => undefined);
  }
}
