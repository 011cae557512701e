import type { MigrationInterface, QueryRunner } from 'typeorm';
import { caseSummary, searchText, type WorkflowDefinition } from '#libs/engine';

/** Cases read and written per round trip by the backfill. */
export const SEARCH_BACKFILL_BATCH = 2000;

/**
 * The case at a glance and finding it (docs/approvers.md#searching, docs/benchmarks.md#search):
 *
 * - `workflow_instances.summary`: the definition's one-line `summary` filled from the case's
 *   context (null when the definition has none or it comes out empty).
 * - `instance_search`: one row per case with what a search matches, `search_text`, folded in
 *   JavaScript by the engine's `foldForSearch` (no diacritics, đ → d, lower case) from the business
 *   key, the summary and the fields marked `search` (never a hidden one). Queries are folded the same
 *   way, so PostgreSQL's `unaccent` is not needed.
 * - `phoihop_search_terms(text)`: every piece of 2 to 24 characters of each word of a search text,
 *   and a GIN index over it. A query word of 2 or more characters occurs in a case's text exactly
 *   when it is one of these pieces, so the index finds the cases holding every word of a query
 *   exactly (no recheck), however short and common the words (Vietnamese names are syllables of
 *   2 to 7 letters, whose trigrams match a large part of a ward's cases: see the benchmarks).
 *
 * The search text lives in a table of its own, not in workflow_instances: every transition that
 * changes a case's state rewrites its row outside HOT, and an index over the search text there would
 * be written each time (measured 5 to 8 times the cost of such an update). The statement that
 * writes a case's context writes its row here only when its text changed; `summary`, unindexed,
 * stays with the case.
 *
 * Existing cases are filled here from each case's own definition version and context, in keyset
 * batches of SEARCH_BACKFILL_BATCH cases (one round trip to read, one to write), inside this
 * migration's transaction (a crash leaves nothing and the migration runs again). The indexes are
 * built once, after the backfill. No extension is needed.
 */
export class Search1765238400000 implements MigrationInterface {
  name = 'Search1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_instances ADD COLUMN summary text`);
    await q.query(`
      CREATE TABLE instance_search (
        instance_id uuid PRIMARY KEY REFERENCES workflow_instances (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL,
        search_text text NOT NULL
      )`);
    // Kept in step with SEARCH_TERM_MAX_LENGTH and searchTerms() in libs/persistence (repositories/search.ts).
    await q.query(`
      CREATE FUNCTION phoihop_search_terms(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT ARRAY(SELECT substr(w, s, l)
                       FROM unnest(ARRAY(SELECT DISTINCT unnest(string_to_array(t, ' ')))) AS w,
                            generate_series(1, length(w) - 1) AS s,
                            generate_series(2, least(length(w) - s + 1, 24)) AS l)
      $$`);
    await backfillSearch((sql, params) => q.query(sql, params));
    await q.query(`CREATE INDEX instance_search_created ON instance_search (created_at DESC, instance_id DESC)`);
    await q.query(`CREATE INDEX instance_search_terms ON instance_search USING gin (phoihop_search_terms(search_text))`);
    // Built in parallel above; from now on no query naming the function runs in parallel. A search's
    // statement has branches only one of which runs (see InstancesRepository.list), and PostgreSQL
    // starts a parallel plan's workers even for a branch whose one-time filter is false: tens of
    // milliseconds for nothing. A parallel-unsafe function keeps the whole statement in one process.
    await q.query(`ALTER FUNCTION phoihop_search_terms(text) PARALLEL UNSAFE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE instance_search`);
    await q.query(`DROP FUNCTION phoihop_search_terms(text)`);
    await q.query(`ALTER TABLE workflow_instances DROP COLUMN summary`);
  }
}

type Sql = (text: string, params?: unknown[]) => Promise<Array<Record<string, any>>>;

/**
 * Computes the summary and search text of every case that has no search row yet, from its
 * definition version's source and its context, batch by batch in id order; returns how many cases
 * it filled. Exported for the scale bench and the tests.
 */
export async function backfillSearch(sql: Sql, batch = SEARCH_BACKFILL_BATCH): Promise<number> {
  const definitions = new Map<string, WorkflowDefinition>();
  let after = '00000000-0000-0000-0000-000000000000';
  let written = 0;
  for (;;) {
    const rows = await sql(
      `SELECT i.id, i.definition_id, i.business_key, i.context FROM workflow_instances i
        WHERE i.id > $1::uuid AND NOT EXISTS (SELECT 1 FROM instance_search s WHERE s.instance_id = i.id)
        ORDER BY i.id LIMIT $2`,
      [after, batch],
    );
    if (!rows.length) return written;
    after = rows[rows.length - 1].id;
    const missing = [...new Set(rows.map((r) => r.definition_id as string))].filter((id) => !definitions.has(id));
    if (missing.length) {
      for (const d of await sql(`SELECT id, source FROM workflow_definitions WHERE id = ANY($1::uuid[])`, [missing])) definitions.set(d.id, d.source ?? {});
    }
    const summaries: Array<string | null> = [];
    const texts: string[] = [];
    for (const r of rows) {
      const definition = definitions.get(r.definition_id) ?? ({} as WorkflowDefinition);
      const context = r.context && typeof r.context === 'object' ? r.context : {};
      summaries.push(caseSummary(definition, context));
      texts.push(searchText(definition, r.business_key, context));
    }
    await sql(
      // created_at is copied in SQL: through JavaScript it would lose its microseconds, and lists order by it.
      `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, summary, search_text)),
            s AS (INSERT INTO instance_search (instance_id, created_at, search_text)
                  SELECT x.id, i.created_at, x.search_text FROM x JOIN workflow_instances i ON i.id = x.id)
       UPDATE workflow_instances w SET summary = x.summary FROM x WHERE w.id = x.id AND x.summary IS NOT NULL`,
      [rows.map((r) => r.id), summaries, texts],
    );
    written += rows.length;
  }
}
