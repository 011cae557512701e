import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import type { InstanceRecord } from '../records.js';
import type { Membership } from './identity.repository.js';
import { columnsOf, toInstanceRecord } from './instances.repository.js';
import { VISIBLE_TO_SQL } from './tasks.repository.js';

/** Who reads: null for whoever sees every case (admins, auditors, the engine itself). */
export type Viewer = { username: string; memberships: Membership[] } | null;

/** A case as its viewer may see it; `children` only when asked for, and only those the viewer may see. */
export interface VisibleInstance {
  instance: InstanceRecord;
  visible: boolean;
  children: InstanceRecord[];
}

/** SQL: the viewer `$2` (memberships `$3`, `$4`) may see instance `x`; `$2` null sees everything. */
const VISIBLE_SQL = (x: string) => `($2::text IS NULL OR ${VISIBLE_TO_SQL(x, '$2', '$3', '$4')})`;

/**
 * Reading a case and whether its reader may see it in one statement (issue 19: one round trip per
 * read), with its children when asked: the case's row first, then the children its reader may see
 * (none when the case itself is hidden), in the order of InstancesRepository.listChildren.
 */
@Injectable()
export class VisibleInstancesRepository {
  async find(manager: EntityManager, id: string, viewer: Viewer, withChildren: boolean): Promise<VisibleInstance | undefined> {
    const roles = viewer?.memberships.map((m) => m.role) ?? [];
    const units = viewer?.memberships.map((m) => m.unit) ?? [];
    const rows = await queryPrepared(
      manager,
      'phoihop_visible_instance',
      `WITH me AS (SELECT ${columnsOf('i')}, ${VISIBLE_SQL('i')} AS visible FROM workflow_instances i WHERE i.id = $1)
       SELECT 0 AS part, NULL::int AS number, * FROM me
       UNION ALL
       SELECT 1, (split_part(c.parent_key, '#', 2))::int, ${columnsOf('c')}, true FROM workflow_instances c
        WHERE $5::boolean AND c.parent_id = $1 AND (SELECT visible FROM me) AND ${VISIBLE_SQL('c')}
       ORDER BY part, created_at, parent_group, number NULLS LAST, id`,
      [id, viewer?.username ?? null, roles, units, withChildren],
    );
    if (!rows[0] || rows[0].part !== 0) return undefined;
    return { instance: toInstanceRecord(rows[0]), visible: rows[0].visible === true, children: rows.slice(1).map(toInstanceRecord) };
  }
}
