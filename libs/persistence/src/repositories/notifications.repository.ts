import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';
import type { Page } from '../records.js';
import { encodeCursor } from './instances.repository.js';

export type NotificationKind = 'task-assigned' | 'task-delegated' | 'reminder' | 'escalation' | 'message' | 'webhook-disabled';
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['task-assigned', 'task-delegated', 'reminder', 'escalation', 'message', 'webhook-disabled'];

/** What a notification says and what it links to: the part every view of one shares. */
export interface NotificationContent {
  kind: NotificationKind;
  title: { vi: string; en: string };
  body: { vi: string; en: string } | null;
  instanceId: string;
  taskId: string | null;
  definitionKey: string;
}

export interface NewNotification extends NotificationContent {
  userId: string;
  /** What produced it (`outbox:<id>:<effect index>`, `task-event:<id>`): unique per user. */
  sourceKey: string;
  createdAt: Date;
}

export interface NotificationRecord extends Omit<NewNotification, 'userId'> {
  id: string;
  readAt: Date | null;
  /** Its case at a glance, read with it (null when the case has none, or it is about no case). */
  businessKey: string | null;
  summary: string | null;
}

export interface NotificationCounts {
  unread: number;
  total: number;
}

/** Someone who should hear of something: an active user. */
export interface Recipient {
  userId: string;
  username: string;
}

const COLUMNS = `n.id, n.kind, n.title, n.body, n.instance_id, n.task_id, n.definition_key, n.source_key, n.created_at, n.read_at, i.business_key, i.summary`;

function toRecord(r: Record<string, any>): NotificationRecord {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    instanceId: r.instance_id,
    taskId: r.task_id,
    definitionKey: r.definition_key,
    sourceKey: r.source_key,
    createdAt: r.created_at,
    readAt: r.read_at,
    businessKey: r.business_key ?? null,
    summary: r.summary ?? null,
  };
}


/**
 * A user's notifications. Every read and write names the user: no method touches a row of another
 * user, so "not yours" and "does not exist" are the same answer.
 */
@Injectable()
export class NotificationsRepository {
  /**
   * Writes the rows; a row whose (user, source) is already there is skipped. Returns the new ones.
   * With `email`, the same statement writes an e-mail delivery for each new notification whose user
   * has an address and wants its kind at once: the mail is committed with the notification or not
   * at all, and a rerun (whose notifications already exist) adds no mail either.
   */
  async insertMany(manager: Tx, rows: readonly NewNotification[], options: { email?: boolean } = {}): Promise<Array<{ kind: NotificationKind; id: string; userId: string; sourceKey: string; emailed: boolean }>> {
    if (!rows.length) return [];
    const insert = `INSERT INTO notifications (user_id, kind, title, body, instance_id, task_id, definition_key, source_key, created_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::timestamptz[])
       ON CONFLICT (user_id, source_key) DO NOTHING`;
    // Without mail, the plain insert: the e-mail part would cost a join per row for nothing.
    const text = options.email
      ? `WITH ins AS (${insert} RETURNING id, kind, user_id, source_key, created_at),
         mail AS (
           INSERT INTO email_deliveries (user_id, kind, notification_id, source_key, to_address, language, created_at, updated_at)
           SELECT ins.user_id, 'notification', ins.id, 'notification:' || ins.id, u.email, u.language, ins.created_at, ins.created_at
             FROM ins JOIN users u ON u.id = ins.user_id
            WHERE u.email IS NOT NULL
              -- A webhook turned off is an operator's alarm, not a preference: mailed at once to every admin with an address.
              AND (u.email_preferences->>ins.kind = 'immediate' OR ins.kind = 'webhook-disabled')
           ON CONFLICT (source_key) DO NOTHING
           RETURNING notification_id)
         SELECT ins.id, ins.kind, ins.user_id, ins.source_key, mail.notification_id IS NOT NULL AS emailed FROM ins LEFT JOIN mail ON mail.notification_id = ins.id`
      : `${insert} RETURNING id, kind, user_id, source_key, false AS emailed`;
    const inserted = await queryRows(
      manager,
      text,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.kind),
        rows.map((r) => JSON.stringify(r.title)),
        rows.map((r) => (r.body === null ? null : JSON.stringify(r.body))),
        rows.map((r) => r.instanceId),
        rows.map((r) => r.taskId),
        rows.map((r) => r.definitionKey),
        rows.map((r) => r.sourceKey),
        // Milliseconds, as the cursor carries them: keyset pages never skip or repeat a row.
        rows.map((r) => new Date(Math.floor(r.createdAt.getTime()))),
      ],
    );
    return inserted.map((r) => ({ kind: r.kind, id: r.id, userId: r.user_id, sourceKey: r.source_key, emailed: r.emailed }));
  }

  /** A page of the user's notifications, newest first. */
  async page(manager: Tx, userId: string, f: { unread: boolean; limit: number; cursor?: { createdAt: string; id: string } }): Promise<Page<NotificationRecord>> {
    const values: unknown[] = [userId, f.limit + 1];
    const where = ['n.user_id = $1'];
    if (f.unread) where.push('n.read_at IS NULL');
    if (f.cursor) {
      values.push(f.cursor.createdAt, f.cursor.id);
      where.push(`(n.created_at, n.id) < ($3::timestamptz, $4::uuid)`);
    }
    // Each row's case, by its primary key, in the same query.
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM notifications n LEFT JOIN workflow_instances i ON i.id = n.instance_id
        WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      values,
    );
    const items = rows.slice(0, f.limit).map(toRecord);
    return { items, nextCursor: rows.length > f.limit ? encodeCursor({ createdAt: items[items.length - 1].createdAt.toISOString(), id: items[items.length - 1].id }) : null };
  }

  async counts(manager: Tx, userId: string): Promise<NotificationCounts> {
    const [row] = await manager.query(`SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS unread, count(*)::int AS total FROM notifications WHERE user_id = $1`, [userId]);
    return { unread: row.unread, total: row.total };
  }

  /** Marks the user's own notification read (once: a second call keeps the first instant). False when the user has no such notification. */
  async markRead(manager: Tx, userId: string, id: string, at: Date): Promise<boolean> {
    const rows = await queryRows(manager, `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $2 AND user_id = $1 RETURNING id`, [userId, id, at]);
    return rows.length === 1;
  }

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(manager: Tx, userId: string, at: Date): Promise<number> {
    const rows = await queryRows(manager, `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId, at]);
    return rows.length;
  }

  /**
   * Who should hear of something, resolved now: the active holders of one of `roles` (in one of
   * `units`, or in any unit when `units` is empty), and the active users named in `usernames`.
   */
  async recipients(manager: Tx, q: { roles: readonly string[]; units: readonly string[]; usernames: readonly string[] }): Promise<Recipient[]> {
    if (!q.roles.length && !q.usernames.length) return [];
    const rows = await manager.query(
      `SELECT u.id, u.username FROM users u
        WHERE u.active AND (u.username = ANY($3::text[]) OR EXISTS (
          SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ANY($1::text[]) AND (cardinality($2::text[]) = 0 OR r.unit_key = ANY($2::text[]))))
        ORDER BY u.username`,
      [q.roles, q.units, q.usernames],
    );
    return rows.map((r: Record<string, any>) => ({ userId: r.id, username: r.username }));
  }
}
