import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../prepared.js';
import type { CalendarOverrideRecord } from '../records.js';

function toRecord(row: Record<string, any>): CalendarOverrideRecord {
  return { date: row.date, kind: row.kind, name: row.name, createdAt: row.created_at, createdBy: row.created_by };
}

@Injectable()
export class CalendarOverridesRepository {
  async list(manager: EntityManager, year?: number): Promise<CalendarOverrideRecord[]> {
    const rows = await manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, created_at, created_by FROM calendar_overrides
        WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date`,
      [year ?? null],
    );
    return rows.map(toRecord);
  }

  /** Creates or replaces the override of one date. */
  async upsert(manager: EntityManager, o: { date: string; kind: string; name: unknown; createdBy: string }): Promise<CalendarOverrideRecord> {
    const rows = await manager.query(
      `INSERT INTO calendar_overrides (date, kind, name, created_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, created_by = EXCLUDED.created_by, created_at = now()
       RETURNING to_char(date, 'YYYY-MM-DD') AS date, kind, name, created_at, created_by`,
      [o.date, o.kind, o.name === undefined ? null : JSON.stringify(o.name), o.createdBy],
    );
    return toRecord(rows[0]);
  }

  async remove(manager: EntityManager, date: string): Promise<boolean> {
    const rows = await queryRows(manager, `DELETE FROM calendar_overrides WHERE date = $1 RETURNING date`, [date]);
    return rows.length === 1;
  }

  /** A cheap fingerprint of the table, to know when a cached calendar is stale. */
  async version(manager: EntityManager): Promise<string> {
    const rows = await manager.query(`SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS v FROM calendar_overrides`);
    return rows[0].v;
  }
}
