import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';
import { encodeCursor } from './instances.repository.js';
import type { NotificationContent, NotificationKind } from './notifications.repository.js';
import { accessKeys } from './search.js';
import { CANDIDATE_SQL, OPEN_FOR } from './tasks.repository.js';

export type EmailMode = 'immediate' | 'digest' | 'off';
export const EMAIL_MODES: readonly EmailMode[] = ['immediate', 'digest', 'off'];
export type Language = 'vi' | 'en';
/** The kinds a user chooses a mail mode for (the ones people get; others are never mailed). */
export const EMAIL_KINDS = ['task-assigned', 'task-delegated', 'reminder', 'escalation', 'message'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export type EmailPreferences = Record<EmailKind, EmailMode>;
export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'refused';
export const EMAIL_STATUSES: readonly EmailStatus[] = ['pending', 'sending', 'sent', 'failed', 'refused'];

/** What a user chose for mail (their address is set by admins). */
export interface UserMailSettings {
  email: string | null;
  language: Language;
  emailPreferences: EmailPreferences;
}

/** A mail to send or sent. `content` is the rendered digest; a notification's mail is rendered from the notification when sent. */
export interface EmailDeliveryRecord {
  id: string;
  userId: string;
  username: string;
  kind: 'notification' | 'digest';
  notificationId: string | null;
  notificationKind: NotificationKind | null;
  toAddress: string;
  language: Language;
  status: EmailStatus;
  attempts: number;
  lastResponse: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** One delivery with what its mail says, for the sender. */
export interface EmailToSend extends EmailDeliveryRecord {
  displayName: string;
  content: { subject: string; text: string; html: string } | null;
  notification: (NotificationContent & { businessKey: string | null }) | null;
}

export interface DigestRecipient {
  userId: string;
  username: string;
  displayName: string;
  email: string;
  language: Language;
  emailPreferences: EmailPreferences;
  roles: string[];
  units: string[];
}

export interface DigestTask {
  id: string;
  instanceId: string;
  businessKey: string | null;
  definitionKey: string;
  title: { vi: string; en: string };
  dueAt: Date | null;
  createdAt: Date;
}

export interface DigestNotification {
  id: string;
  kind: NotificationKind;
  title: { vi: string; en: string };
  instanceId: string;
  taskId: string | null;
  createdAt: Date;
}

const DELIVERY_COLUMNS = `d.id, d.user_id, u.username, d.kind, d.notification_id, n.kind AS notification_kind, d.to_address, d.language, d.status,
  d.attempts, d.last_response, d.created_at, d.sent_at`;
const DELIVERY_FROM = `email_deliveries d JOIN users u ON u.id = d.user_id LEFT JOIN notifications n ON n.id = d.notification_id`;

function toDelivery(r: Record<string, any>): EmailDeliveryRecord {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    kind: r.kind,
    notificationId: r.notification_id,
    notificationKind: r.notification_kind,
    toAddress: r.to_address,
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    lastResponse: r.last_response,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/**
 * E-mail: users' mail settings, the deliveries (one row per mail, unique by what caused it) and the
 * digest's reads. The rows of immediate mails are written by NotificationsRepository.insertMany, in
 * the statement that writes their notifications.
 */
@Injectable()
export class EmailRepository {
  async settings(manager: Tx, userId: string): Promise<UserMailSettings | undefined> {
    const [row] = await manager.query(`SELECT email, language, email_preferences FROM users WHERE id = $1`, [userId]);
    return row ? { email: row.email, language: row.language, emailPreferences: row.email_preferences } : undefined;
  }

  /** Changes the language and the given kinds' modes (the others are kept). */
  async updateSettings(manager: Tx, userId: string, change: { language?: Language; emailPreferences?: Partial<EmailPreferences> }): Promise<UserMailSettings | undefined> {
    const [row] = await queryRows(
      manager,
      `UPDATE users SET language = coalesce($2, language), email_preferences = email_preferences || coalesce($3::jsonb, '{}'), updated_at = now()
        WHERE id = $1 RETURNING email, language, email_preferences`,
      [userId, change.language ?? null, change.emailPreferences ? JSON.stringify(change.emailPreferences) : null],
    );
    return row ? { email: row.email, language: row.language, emailPreferences: row.email_preferences } : undefined;
  }

  /** Pending deliveries no job was added for yet, locked for this relay pass (others skip them). */
  async claimUnqueued(manager: Tx, limit: number): Promise<string[]> {
    const rows = await manager.query(
      `SELECT id FROM email_deliveries WHERE status = 'pending' AND queued_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async markQueued(manager: Tx, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length) await manager.query(`UPDATE email_deliveries SET queued_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }

  /** Deliveries queued before `before` and still not sent: the sweep checks their jobs. */
  async openQueuedBefore(manager: Tx, before: Date, limit: number): Promise<Array<{ id: string; status: EmailStatus }>> {
    return manager.query(
      `SELECT id, status FROM email_deliveries WHERE status IN ('pending', 'sending') AND queued_at < $1 ORDER BY queued_at LIMIT $2`,
      [before, limit],
    );
  }

  /**
   * Takes a delivery for sending: pending, or "sending" whose sender stopped answering (crashed
   * between the SMTP answer and the mark). Undefined when it is sent, finished, or being sent.
   */
  async beginSend(manager: Tx, id: string, now: Date, holdMs: number): Promise<EmailToSend | 'busy' | undefined> {
    const taken = await queryRows(
      manager,
      `UPDATE email_deliveries SET status = 'sending', attempts = attempts + 1, sending_until = $2::timestamptz + make_interval(secs => $3::float8 / 1000), updated_at = $2
        WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND sending_until < $2)) RETURNING id`,
      [id, now, holdMs],
    );
    if (!taken.length) {
      const [row] = await manager.query(`SELECT status FROM email_deliveries WHERE id = $1`, [id]);
      return row?.status === 'sending' ? 'busy' : undefined;
    }
    const [r] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS}, d.content, u.display_name, n.title, n.body, n.instance_id, n.task_id, n.definition_key, i.business_key
         FROM ${DELIVERY_FROM} LEFT JOIN workflow_instances i ON i.id = n.instance_id WHERE d.id = $1`,
      [id],
    );
    return {
      ...toDelivery(r),
      displayName: r.display_name,
      content: r.content,
      notification: r.notification_id
        ? { kind: r.notification_kind, title: r.title, body: r.body, instanceId: r.instance_id, taskId: r.task_id, definitionKey: r.definition_key, businessKey: r.business_key }
        : null,
    };
  }

  /** The server took the mail. */
  async markSent(manager: Tx, id: string, at: Date, response: string): Promise<void> {
    await manager.query(`UPDATE email_deliveries SET status = 'sent', sent_at = $2, last_response = $3, sending_until = NULL, updated_at = $2 WHERE id = $1`, [id, at, response]);
  }

  /** A temporary failure: pending again (its job retries it); `failed` when the job has no attempts left. */
  async markUnsent(manager: Tx, id: string, at: Date, response: string, status: 'pending' | 'failed' | 'refused'): Promise<void> {
    await manager.query(`UPDATE email_deliveries SET status = $4, last_response = $3, sending_until = NULL, updated_at = $2 WHERE id = $1 AND status <> 'sent'`, [id, at, response, status]);
  }

  /** Back to pending for a new job (an admin's retry of a refused or failed mail). */
  async retry(manager: Tx, id: string, at: Date): Promise<EmailDeliveryRecord | 'not-retryable' | undefined> {
    const rows = await queryRows(
      manager,
      `UPDATE email_deliveries SET status = 'pending', queued_at = NULL, updated_at = $2 WHERE id = $1 AND status IN ('failed', 'refused') RETURNING id`,
      [id, at],
    );
    const found = await this.get(manager, id);
    if (!found) return undefined;
    return rows.length ? found : 'not-retryable';
  }

  async get(manager: Tx, id: string): Promise<EmailDeliveryRecord | undefined> {
    const [r] = await manager.query(`SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.id = $1`, [id]);
    return r ? toDelivery(r) : undefined;
  }

  /** Newest first, optionally of one status (keyset on created_at, id). */
  async page(manager: Tx, f: { status?: EmailStatus; limit: number; cursor?: { createdAt: string; id: string } }) {
    const values: unknown[] = [f.limit + 1];
    const where: string[] = [];
    if (f.status) {
      values.push(f.status);
      where.push(`d.status = $${values.length}`);
    }
    if (f.cursor) {
      values.push(f.cursor.createdAt, f.cursor.id);
      where.push(`(d.created_at, d.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    const rows = await manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC LIMIT $1`,
      values,
    );
    const items: EmailDeliveryRecord[] = rows.slice(0, f.limit).map(toDelivery);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > f.limit ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null };
  }

  /** Starts the digest of `day` once: false when it already ran to its end. Returns the previous run's start (the digest's "since"). */
  async startDigestRun(manager: Tx, day: string, at: Date): Promise<{ run: boolean; previous: Date | null }> {
    await manager.query(`INSERT INTO email_digest_runs (day, started_at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING`, [day, at]);
    const [row] = await manager.query(`SELECT finished_at FROM email_digest_runs WHERE day = $1`, [day]);
    const [prev] = await manager.query(`SELECT started_at FROM email_digest_runs WHERE day < $1 ORDER BY day DESC LIMIT 1`, [day]);
    return { run: row.finished_at === null, previous: prev?.started_at ?? null };
  }

  async finishDigestRun(manager: Tx, day: string, at: Date): Promise<void> {
    await manager.query(`UPDATE email_digest_runs SET finished_at = $2 WHERE day = $1`, [day, at]);
  }

  async digestRan(manager: Tx, day: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT finished_at FROM email_digest_runs WHERE day = $1`, [day]);
    return !!row?.finished_at;
  }

  /** Active users with an address and at least one kind in the digest. */
  async digestRecipients(manager: Tx): Promise<DigestRecipient[]> {
    const rows = await manager.query(
      `SELECT u.id, u.username, u.display_name, u.email, u.language, u.email_preferences,
              coalesce(array_agg(r.role ORDER BY r.role, r.unit_key) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles,
              coalesce(array_agg(r.unit_key ORDER BY r.role, r.unit_key) FILTER (WHERE r.role IS NOT NULL), '{}') AS units
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
        WHERE u.active AND u.email IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each_text(u.email_preferences) e WHERE e.value = 'digest')
        GROUP BY u.id ORDER BY u.username`,
    );
    return rows.map((r: Record<string, any>) => ({
      userId: r.id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
      language: r.language,
      emailPreferences: r.email_preferences,
      roles: r.roles,
      units: r.units,
    }));
  }

  /**
   * Open tasks the user can act on (theirs, or unclaimed with one of their memberships) that are
   * overdue, due before `dueBefore`, or new since `since`; at most `limit`, most urgent first.
   */
  async digestTasks(manager: Tx, user: { username: string; roles: string[]; units: string[] }, f: { dueBefore: Date; since: Date; until: Date; limit: number }): Promise<DigestTask[]> {
    const rows = await manager.query(
      `SELECT t.id, t.instance_id, i.business_key, t.definition_key, t.title, t.due_at, t.created_at
         FROM tasks t JOIN workflow_instances i ON i.id = t.instance_id
        WHERE ${OPEN_FOR('t', '$8')} AND (t.assignee = $1 OR (t.assignee IS NULL AND ${CANDIDATE_SQL('t', '$2', '$3')}))
          AND t.created_at <= $7 AND (t.due_at < $4 OR t.created_at > $5)
        ORDER BY t.due_at ASC NULLS LAST, t.created_at DESC LIMIT $6`,
      [user.username, user.roles, user.units, f.dueBefore, f.since, f.limit, f.until, accessKeys(user.username, user.roles.map((role, i) => ({ role, unit: user.units[i] })))],
    );
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      instanceId: r.instance_id,
      businessKey: r.business_key,
      definitionKey: r.definition_key,
      title: r.title,
      dueAt: r.due_at,
      createdAt: r.created_at,
    }));
  }

  /** The user's notifications of these kinds written in (since, until]. */
  async digestNotifications(manager: Tx, userId: string, kinds: readonly NotificationKind[], since: Date, until: Date, limit: number): Promise<DigestNotification[]> {
    if (!kinds.length) return [];
    const rows = await manager.query(
      `SELECT id, kind, title, instance_id, task_id, created_at FROM notifications
        WHERE user_id = $1 AND kind = ANY($2::text[]) AND created_at > $3 AND created_at <= $4 ORDER BY created_at DESC, id DESC LIMIT $5`,
      [userId, kinds, since, until, limit],
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, kind: r.kind, title: r.title, instanceId: r.instance_id, taskId: r.task_id, createdAt: r.created_at }));
  }

  /** The digest mail of one user and day; nothing when it exists already. Returns its id when new. */
  async insertDigest(manager: Tx, d: { userId: string; day: string; toAddress: string; language: Language; content: { subject: string; text: string; html: string }; createdAt: Date }): Promise<string | undefined> {
    const rows = await queryRows(
      manager,
      `INSERT INTO email_deliveries (user_id, kind, source_key, to_address, language, content, created_at, updated_at)
       VALUES ($1, 'digest', $2, $3, $4, $5, $6, $6) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [d.userId, `digest:${d.userId}:${d.day}`, d.toAddress, d.language, JSON.stringify(d.content), d.createdAt],
    );
    return rows[0]?.id;
  }
}
