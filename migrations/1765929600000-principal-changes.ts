import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every api process keeps the principals of recent requests for a few seconds (libs/identity
 * principal-cache.ts). Triggers `pg_notify('phoihop_identity', <user id>)` whenever what a request
 * checks about its caller changes: the user row (disabled, password reset, renamed), a role
 * membership added or removed, a session ended (or its deadline or credentials version moved), a
 * session row removed. NOTIFY goes out at commit and only then, from whichever process or script
 * made the change (the api, the CLI, an SQL console), so every api process drops that user at once.
 * Refreshes, which only rotate the refresh token and push the idle deadline on, notify nothing.
 */
export class PrincipalChanges1765929600000 implements MigrationInterface {
  name = 'PrincipalChanges1765929600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION phoihop_identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Repeats of one payload in a transaction are delivered once (setting memberships deletes and inserts many rows).
        PERFORM pg_notify('phoihop_identity', (CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END) ->> TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER users_identity AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION phoihop_identity_changed('id')`);
    await q.query(
      `CREATE TRIGGER user_roles_identity AFTER INSERT OR UPDATE OR DELETE ON user_roles FOR EACH ROW EXECUTE FUNCTION phoihop_identity_changed('user_id')`,
    );
    await q.query(`
      CREATE TRIGGER sessions_identity AFTER UPDATE ON sessions FOR EACH ROW
        WHEN (OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
              OR OLD.credentials_version IS DISTINCT FROM NEW.credentials_version OR OLD.user_id IS DISTINCT FROM NEW.user_id)
        EXECUTE FUNCTION phoihop_identity_changed('user_id')`);
    await q.query(`CREATE TRIGGER sessions_identity_removed AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION phoihop_identity_changed('user_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sessions_identity_removed ON sessions`);
    await q.query(`DROP TRIGGER sessions_identity ON sessions`);
    await q.query(`DROP TRIGGER user_roles_identity ON user_roles`);
    await q.query(`DROP TRIGGER users_identity ON users`);
    await q.query(`DROP FUNCTION phoihop_identity_changed()`);
  }
}
