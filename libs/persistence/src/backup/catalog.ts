import { BackupError, EXCLUDED_TABLES, type BackupColumn } from './format.js';

/** Runs SQL and gives its rows: a pg client and a TypeORM query runner both fit behind this. */
export type Sql = (text: string, params?: unknown[]) => Promise<Array<Record<string, any>>>;

export interface TableInfo {
  name: string;
  /** Every stored column (generated columns are computed again on restore and left out). */
  columns: BackupColumn[];
  /** Columns of the primary key, to write rows in a stable order; empty when the table has none. */
  primaryKey: string[];
  /** A one-column foreign key to the table itself (parent_id → id): rows are written parents first. */
  selfReference?: { column: string; references: string };
  /** The table has a GENERATED ALWAYS identity column: inserts need OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** Its triggers that refuse TRUNCATE (the append-only tables). */
  truncateTriggers: string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every application table of the public schema (all but TypeORM's migrations bookkeeping), in
 * foreign-key order: a table comes after every table it references, ties broken by name.
 */
export async function applicationTables(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql(
    `SELECT c.oid::int AS oid, c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1::text[])
      ORDER BY c.relname`,
    [EXCLUDED_TABLES],
  );
  const columns = await sql(
    `SELECT a.attrelid::int AS oid, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_attribute a
      WHERE a.attrelid = ANY($1::int[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [tables.map((t) => t.oid)],
  );
  const keys = await sql(
    `SELECT i.indrelid::int AS oid, array_agg(a.attname::text ORDER BY k.n) AS columns
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY($1::int[])
      GROUP BY i.indrelid`,
    [tables.map((t) => t.oid)],
  );
  const foreignKeys = await sql(
    `SELECT con.conrelid::int AS oid, con.confrelid::int AS ref,
            (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns
       FROM pg_constraint con
      WHERE con.contype = 'f' AND con.conrelid = ANY($1::int[])`,
    [tables.map((t) => t.oid)],
  );
  const triggers = await sql(
    `SELECT t.tgrelid::int AS oid, t.tgname::text AS name
       FROM pg_trigger t
      WHERE NOT t.tgisinternal AND (t.tgtype::int & 32) <> 0 AND t.tgrelid = ANY($1::int[])
      ORDER BY t.tgname`,
    [tables.map((t) => t.oid)],
  );

  const byOid = new Map<number, TableInfo>();
  for (const t of tables) {
    byOid.set(t.oid, {
      name: t.name,
      columns: columns.filter((c) => c.oid === t.oid && !c.generated).map((c) => ({ name: c.name, type: c.type })),
      primaryKey: keys.find((k) => k.oid === t.oid)?.columns ?? [],
      identityAlways: columns.some((c) => c.oid === t.oid && c.identity === 'a'),
      truncateTriggers: triggers.filter((x) => x.oid === t.oid).map((x) => x.name),
    });
  }

  const dependsOn = new Map<string, Set<string>>([...byOid.values()].map((t) => [t.name, new Set<string>()]));
  for (const fk of foreignKeys) {
    const table = byOid.get(fk.oid)!;
    const ref = byOid.get(fk.ref);
    if (!ref) continue; // a table outside the backup (another schema): it must exist on restore
    if (ref !== table) {
      dependsOn.get(table.name)!.add(ref.name);
      continue;
    }
    if (fk.columns.length !== 1 || table.selfReference) {
      throw new BackupError(`${table.name} references itself in a way the backup cannot order (several or multi-column self references)`);
    }
    table.selfReference = { column: fk.columns[0], references: fk.ref_columns[0] };
  }

  // Kahn's algorithm, always taking the first ready table by name: the same schema gives the same order.
  const ordered: TableInfo[] = [];
  const remaining = new Map([...byOid.values()].map((t) => [t.name, t]));
  while (remaining.size) {
    const ready = [...remaining.values()].filter((t) => [...dependsOn.get(t.name)!].every((d) => !remaining.has(d)));
    if (!ready.length) throw new BackupError(`foreign keys form a cycle between ${[...remaining.keys()].join(', ')}: no table order loads them`);
    ready.sort((a, b) => (a.name < b.name ? -1 : 1));
    ordered.push(ready[0]);
    remaining.delete(ready[0].name);
  }
  return ordered;
}

/** Sequences of the public schema, but not those owned by excluded tables (the migrations table's id). */
export async function applicationSequences(sql: Sql): Promise<string[]> {
  const rows = await sql(
    `SELECT s.relname::text AS name
       FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class owner ON owner.oid = d.refobjid
      WHERE n.nspname = 'public' AND s.relkind = 'S' AND (owner.relname IS NULL OR owner.relname <> ALL($1::text[]))
      ORDER BY s.relname`,
    [EXCLUDED_TABLES],
  );
  return rows.map((r) => r.name as string);
}

/** The SELECT that reads a table for the backup: every stored column, parents first for self references, then by primary key. */
export function selectRows(table: TableInfo): string {
  const t = quoteIdent(table.name);
  const cols = table.columns.map((c) => `r.${quoteIdent(c.name)}`).join(', ');
  const byKey = table.primaryKey.map((k) => `r.${quoteIdent(k)}`);
  if (!table.selfReference) return `SELECT ${cols} FROM ${t} AS r${byKey.length ? ` ORDER BY ${byKey.join(', ')}` : ''}`;
  const { column, references } = table.selfReference;
  const fk = quoteIdent(column);
  const ref = quoteIdent(references);
  // Depth in the tree of self references: roots (no parent) first. A row in a cycle has no depth and
  // comes last, where its restore fails loudly on the foreign key instead of being left out.
  return `WITH RECURSIVE tree AS (
      SELECT x.${ref} AS k, 0 AS depth FROM ${t} AS x WHERE x.${fk} IS NULL
      UNION ALL
      SELECT x.${ref}, tree.depth + 1 FROM ${t} AS x JOIN tree ON x.${fk} = tree.k
    )
    SELECT ${cols} FROM ${t} AS r LEFT JOIN tree ON tree.k = r.${ref}
    ORDER BY tree.depth NULLS LAST${byKey.length ? `, ${byKey.join(', ')}` : ''}`;
}
