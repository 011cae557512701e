import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '#libs/core';
import { Database, decodeCursor, NotificationsRepository, type NotificationContent, type NotificationRecord } from '#libs/persistence';

export interface NotificationView extends NotificationContent {
  id: string;
  /** Its case at a glance (null when the case has none). */
  businessKey: string | null;
  summary: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsQuery {
  unread?: boolean;
  limit?: number;
  cursor?: string;
}

export function toNotificationView(n: NotificationRecord): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    instanceId: n.instanceId,
    taskId: n.taskId,
    definitionKey: n.definitionKey,
    businessKey: n.businessKey,
    summary: n.summary,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/**
 * The signed-in user's notifications: their list (newest first), counts, marking read. Every call
 * is scoped to the principal; another user's notification is "not found", never "forbidden".
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: Database,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(principal: Principal, q: NotificationsQuery) {
    const manager = this.dataSource.manager;
    const limit = q.limit ?? 20;
    let cursor: { createdAt: string; id: string } | undefined;
    if (q.cursor !== undefined) {
      cursor = decodeCursor(q.cursor);
      if (!cursor) throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', { problems: [{ field: 'cursor', reason: 'unrecognised cursor' }] });
    }
    const page = await this.notifications.page(manager, principal.userId, { unread: q.unread ?? false, limit, cursor });
    const counts = await this.notifications.counts(manager, principal.userId);
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor, counts };
  }

  async markRead(principal: Principal, id: string, now = new Date()): Promise<void> {
    if (!(await this.notifications.markRead(this.dataSource.manager, principal.userId, id, now))) {
      throw new DomainError(ErrorCode.NotificationNotFound, `No notification has the id ${id}`, { id });
    }
  }

  async markAllRead(principal: Principal, now = new Date()): Promise<number> {
    return this.notifications.markAllRead(this.dataSource.manager, principal.userId, now);
  }
}
