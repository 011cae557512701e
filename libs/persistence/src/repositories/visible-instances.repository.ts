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

/**
 * The read's statement for one way of deciding visibility. Whoever sees everything gets its own
 * statement with no visibility test at all rather than `$2 IS NULL OR …`: given that form,
 * PostgreSQL re-planned the statement at every execution (a custom plan folding the null away was
 * always estimated cheaper than the generic plan), which cost a read 0.4 ms of the server's CPU
 * against 0.09 ms for the split form (docs/benchmarks.md, "The read's plan").
 */
const READ_SQL = (visible: (x: string) => string) =>
  `WITH me AS (SELECT ${columnsOf('i')}, ${visible('i')} AS visible FROM workflow_instances i WHERE i.id = $1)
   SELECT 0 AS part, NULL::int AS number, * FROM me
   UNION ALL
   SELECT 1, (split_part(c.parent_key, '#', 2))::int, ${columnsOf('c')}, true FROM workflow_instances c
    WHERE $2::boolean AND c.parent_id = $1 AND (SELECT visible FROM me) AND ${visible('c')}
   ORDER BY part, created_at, parent_group, number NULLS LAST, id`;

/** Admins, auditors and the engine: every case and every child. */
const READ_ALL_SQL = READ_SQL(() => 'true');

/** A viewer `$3` with memberships (roles `$4`, units `$5`). */
const READ_VISIBLE_SQL = READ_SQL((x) => VISIBLE_TO_SQL(x, '$3', '$4', '$5'));

/**
 * Reading a case and whether its reader may see it in one statement (issue 19: one round trip per
 * read), with its children when asked: the case's row first, then the children its reader may see
 * (none when the case itself is hidden), in the order of InstancesRepository.listChildren.
 */
@Injectable()
export class VisibleInstancesRepository {
  async find(manager: EntityManager, id: string, viewer: Viewer, withChildren: boolean): Promise<VisibleInstance | undefined> {
    const rows = viewer
      ? await queryPrepared(manager, 'phoihop_visible_instance', READ_VISIBLE_SQL, [
          id,
          withChildren,
          viewer.username,
          viewer.memberships.map((m) => m.role),
          viewer.memberships.map((m) => m.unit),
        ])
      : await queryPrepared(manager, 'phoihop_visible_instance_all', READ_ALL_SQL, [id, withChildren]);
    if (!rows[0] || rows[0].part !== 0) return undefined;
    return { instance: toInstanceRecord(rows[0]), visible: rows[0].visible === true, children: rows.slice(1).map(toInstanceRecord) };
  }
}
