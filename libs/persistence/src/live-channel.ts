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

const RECONNECT_MS = 1000;

/**
 * One dedicated PostgreSQL connection per process that LISTENs on `phoihop_user`, opened when the
 * first listener subscribes and kept while the process lives. Changes committed by any process
 * (an api, a worker) reach every process's listeners. When the connection drops it is re-opened;
 * listeners then get `{ type: 'inbox', all: true }` since something may have passed unheard.
 */
@Injectable()
export class LiveChannel implements OnModuleDestroy {
  private readonly logger = new Logger(LiveChannel.name);
  private readonly listeners = new Set<LiveListener>();
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private closed = false;

  constructor(private readonly database: Database) {}

  /** How many listeners are subscribed (one per open stream). */
  get size(): number {
    return this.listeners.size;
  }

  /** Subscribes; resolves once the process is LISTENing (so nothing committed after it is missed). Returns the unsubscribe function. */
  async subscribe(listener: LiveListener): Promise<() => void> {
    this.listeners.add(listener);
    try {
      await this.connect();
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
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
    const client = new pg.Client({ connectionString, host, port, user, password, database, ssl, application_name: 'phoihop-live' });
    client.on('notification', (n) => {
      if (n.channel !== LIVE_CHANNEL || !n.payload) return;
      let message: LiveMessage;
      try {
        message = JSON.parse(n.payload);
      } catch {
        return;
      }
      this.emit(message);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`the LISTEN connection was lost${error ? `: ${error.message}` : ''}; re-opening`);
      const retry = () => {
        if (this.closed || !this.listeners.size || this.client) return;
        this.connect().then(
          () => this.emit({ type: 'inbox', all: true }),
          () => setTimeout(retry, RECONNECT_MS).unref(),
        );
      };
      setTimeout(retry, RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    try {
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
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
    const client = this.client;
    this.client = undefined;
    await this.connecting?.catch(() => undefined);
    const late = this.client as pg.Client | undefined;
    for (const c of [client, late]) if (c) await c.end().catch(() => undefined);
  }
}
