import { Injectable } from '@nestjs/common';
import { foldForSearch } from '#libs/engine';
import { decodeCursor, HistoryRepository, InstancesRepository, TasksRepository, TimersRepository, VisibleInstancesRepository, Database, type InstanceRecord, type Viewer } from '#libs/persistence';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from '#libs/core';
import { toChildView, toHistoryView, toInstanceView, toTimerView, type ChildView, type HistoryView, type InstanceView, type TimerView } from './instance-view.js';
import { seesEverything, type Principal } from '#libs/core';
import { instanceNotFound } from './requests.js';

export interface ListQuery {
  definitionKey?: string;
  status?: 'active' | 'done';
  state?: string;
  businessKey?: string;
  parentId?: string;
  overdue?: boolean;
  /** Words to find (business key, summary, fields marked `search`), with or without diacritics. */
  q?: string;
  limit?: number;
  cursor?: string;
  now?: Date;
  principal?: Principal;
}

/**
 * What a search matches by: the typed text folded as the stored search text is (no diacritics,
 * đ → d, lower case), split into words; each must occur in the case's search text. A word found
 * inside another word of the query is dropped (text holding "van" holds "a"), so that the query
 * the database runs holds only the words that narrow it.
 */
export function searchWords(q: string | undefined): string[] | undefined {
  if (q === undefined) return undefined;
  const words = [...new Set(foldForSearch(q).split(' ').filter(Boolean))];
  return words.filter((w, i) => !words.some((other, j) => j !== i && other.length > w.length && other.includes(w)));
}

/**
 * Reading instances as a person may: one case, lists, history and timers. A case is visible to
 * admins and auditors, and otherwise to whoever started it, has, had or could take one of its
 * tasks, or may send one of its events (`sentBy`); to anyone else it does not exist (404, so that
 * ids reveal nothing).
 */
@Injectable()
export class InstanceQueries {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly history: HistoryRepository,
    private readonly timers: TimersRepository,
    private readonly tasks: TasksRepository,
    private readonly visible: VisibleInstancesRepository,
  ) {}

  async assertVisible(id: string, principal: Principal | undefined): Promise<void> {
    if (!(await this.canSee(id, principal))) throw instanceNotFound(id);
  }

  async canSee(id: string, principal: Principal | undefined): Promise<boolean> {
    if (!principal || seesEverything(principal)) return true;
    return this.tasks.canSeeInstance(this.dataSource.manager, id, principal.username, principal.memberships);
  }

  async get(id: string, principal?: Principal): Promise<InstanceView> {
    // The case, whether the caller may see it and the children they may see: one statement.
    const { instance, children } = await this.readVisible(id, principal, true);
    const { workflow } = await this.definitions.byId(instance.definitionId);
    const view = toInstanceView(instance, workflow);
    // Listed only on a parent, so that an instance without children reads the same as its event responses;
    // and only the children the caller may see: the rest are not theirs to know of.
    const listed: ChildView[] = [];
    for (const c of children) listed.push(toChildView(c, (await this.definitions.byId(c.definitionId)).workflow));
    if (listed.length) view.children = listed;
    return view;
  }

  /** The case if the caller may see it (with its visible children when asked); 404 otherwise, whether it exists or not. */
  private async readVisible(id: string, principal: Principal | undefined, withChildren: boolean): Promise<{ instance: InstanceRecord; children: InstanceRecord[] }> {
    const found = await this.visible.find(this.dataSource.manager, id, viewerOf(principal), withChildren);
    if (!found?.visible) throw instanceNotFound(id);
    return found;
  }

  async list(query: ListQuery): Promise<{ items: InstanceView[]; nextCursor: string | null }> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', { problems: [{ field: 'cursor', reason: 'unrecognised cursor' }] });
    }
    const page = await this.instances.list(this.dataSource.manager, {
      definitionKey: query.definitionKey,
      status: query.status,
      state: query.state,
      businessKey: query.businessKey,
      parentId: query.parentId,
      overdueAt: query.overdue ? (query.now ?? new Date()) : undefined,
      words: searchWords(query.q),
      visibleTo: query.principal && !seesEverything(query.principal) ? { username: query.principal.username, memberships: query.principal.memberships } : undefined,
      limit: query.limit ?? 20,
      cursor,
    });
    const items = await Promise.all(page.items.map(async (i) => toInstanceView(i, (await this.definitions.byId(i.definitionId)).workflow)));
    return { items, nextCursor: page.nextCursor };
  }

  async historyOf(id: string, page: { afterSeq?: number; limit?: number }, principal?: Principal): Promise<{ items: HistoryView[]; nextAfterSeq: number | null }> {
    const manager = this.dataSource.manager;
    await this.readVisible(id, principal, false);
    const limit = page.limit ?? 100;
    const rows = await this.history.listByInstance(manager, id, { afterSeq: page.afterSeq ?? 0, limit: limit + 1 });
    const items = rows.slice(0, limit).map(toHistoryView);
    return { items, nextAfterSeq: rows.length > limit ? items[items.length - 1].seq : null };
  }

  async timersOf(id: string, principal?: Principal): Promise<{ items: TimerView[] }> {
    const manager = this.dataSource.manager;
    await this.readVisible(id, principal, false);
    return { items: (await this.timers.listByInstance(manager, id)).map(toTimerView) };
  }
}

/** Who reads, as the visibility statement takes it: nobody in particular (the engine), an admin or an auditor see everything. */
function viewerOf(principal: Principal | undefined): Viewer {
  return !principal || seesEverything(principal) ? null : { username: principal.username, memberships: principal.memberships };
}
