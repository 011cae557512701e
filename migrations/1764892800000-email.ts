import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: users get an address, a language and a mode per notification kind; every mail to send is
 * a row of `email_deliveries`, written in the same statement as the notification it tells of (or by
 * the day's digest), so a crash can lose none. `source_key` makes each mail unique: a rerun of the
 * statement or of the digest adds nothing. `email_digest_runs` remembers which days' digests ran,
 * so that "since the previous digest" has an instant even for users who got no mail then.
 */
export class Email1764892800000 implements MigrationInterface {
  name = 'Email1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\\s]+@[^@\\s]+$'))`);
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'))`);
    // Every kind is present (the defaults of docs/notifications.md), so the notification statement reads one key, no fallback.
    await q.query(`
      ALTER TABLE users ADD COLUMN email_preferences jsonb NOT NULL
        DEFAULT '{"task-assigned":"digest","task-delegated":"immediate","reminder":"digest","escalation":"immediate","message":"immediate"}'`);
    await q.query(`
      CREATE TABLE email_deliveries (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind            text NOT NULL CHECK (kind IN ('notification', 'digest')),
        notification_id uuid REFERENCES notifications (id) ON DELETE CASCADE,
        source_key      text NOT NULL UNIQUE,
        to_address      text NOT NULL,
        language        text NOT NULL CHECK (language IN ('vi', 'en')),
        content         jsonb,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'refused')),
        attempts        integer NOT NULL DEFAULT 0,
        last_response   text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        queued_at       timestamptz,
        sending_until   timestamptz,
        sent_at         timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // The relay's "not yet queued" and the sweep's "pending for a while"; the admins' list by status.
    await q.query(`CREATE INDEX email_deliveries_unqueued ON email_deliveries (created_at) WHERE queued_at IS NULL AND status = 'pending'`);
    await q.query(`CREATE INDEX email_deliveries_open ON email_deliveries (queued_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX email_deliveries_status ON email_deliveries (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX email_deliveries_user_digest ON email_deliveries (user_id, created_at DESC) WHERE kind = 'digest'`);
    await q.query(`
      CREATE TABLE email_digest_runs (
        day         date PRIMARY KEY,
        started_at  timestamptz NOT NULL,
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_digest_runs`);
    await q.query(`DROP TABLE email_deliveries`);
    await q.query(`ALTER TABLE users DROP COLUMN email_preferences, DROP COLUMN language, DROP COLUMN email`);
  }
}
