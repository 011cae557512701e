import type { Label } from '#libs/engine';
import type { NotificationKind, OutboxEffect } from '#libs/persistence';

/**
 * Who should hear of one effect of an outbox row, before anyone is looked up: the audience (roles,
 * in the units of `unitsOf` — a task's — or anywhere; explicit usernames) and what to say.
 */
export interface NotificationIntent {
  kind: Exclude<NotificationKind, 'task-delegated'>;
  /** `outbox:<outbox id>:<effect index>`: with the user, the notification's unique key. */
  sourceKey: string;
  /** The effect's place in its outbox row. */
  effectIndex: number;
  roles: string[];
  users: string[];
  /** The state whose task gives the title and the link (and the units, see inTaskUnits); none for a bare `notify`. */
  state: string | null;
  /**
   * The roles count only in the task's units: its candidates, roles an escalation adds to them, a
   * reminder to them (whoever is told of a task can act on it). A `notify` — an escalation's own
   * or a bare one — names people to tell, wherever they hold the role: the chairman of the ward
   * hears that a task of the office is overdue.
   */
  inTaskUnits: boolean;
  /** A `task.open`: the task is the one this row's transition opened. */
  opened: { title: Label } | null;
  message: Label | null;
}

const isLabel = (v: unknown): v is Label => !!v && typeof v === 'object' && typeof (v as Label).vi === 'string' && typeof (v as Label).en === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The intents of one outbox row, in effect order:
 * - `task.open`: the task's candidates (its roles, in its units), kind task-assigned;
 * - `task.escalate`: the roles it adds, in the task's units, kind escalation;
 * - `notify` with `reminder` (a fired reminder): kind reminder, in the units of the reminder's task;
 * - `notify` after a `task.escalate` in the same row (the escalation's own notify, which the host
 *   appends after the engine's effects): kind escalation, about the escalated task, its roles in any unit;
 * - any other `notify` (a definition's action): kind message, its roles in any unit.
 */
export function planNotifications(outboxId: string, effects: readonly OutboxEffect[]): NotificationIntent[] {
  const out: NotificationIntent[] = [];
  let escalating: string | null = null;
  effects.forEach((e, index) => {
    const sourceKey = `outbox:${outboxId}:${index}`;
    if (e.type === 'task.open') {
      const task = (e as { task?: { title?: unknown; roles?: unknown; units?: unknown; assignee?: unknown } }).task ?? {};
      const title = isLabel(task.title) ? task.title : { vi: String(e.state), en: String(e.state) };
      // A task the case assigns to one person (its `assignee` expression) is theirs alone to hear of.
      if (typeof task.assignee === 'string') out.push({ kind: 'task-assigned', sourceKey, effectIndex: index, roles: [], users: [task.assignee], state: String(e.state), inTaskUnits: false, opened: { title }, message: null });
      else out.push({ kind: 'task-assigned', sourceKey, effectIndex: index, roles: strings(task.roles), users: [], state: String(e.state), inTaskUnits: true, opened: { title }, message: null });
    } else if (e.type === 'task.escalate') {
      escalating = String(e.state);
      const roles = strings(e.addRoles);
      if (roles.length) out.push({ kind: 'escalation', sourceKey, effectIndex: index, roles, users: [], state: escalating, inTaskUnits: true, opened: null, message: null });
    } else if (e.type === 'notify') {
      const message = isLabel(e.message) ? e.message : null;
      const reminder = e.reminder as { state?: unknown } | undefined;
      const base = { sourceKey, effectIndex: index, roles: strings(e.roles), users: strings(e.users), opened: null, message };
      if (reminder && typeof reminder.state === 'string') out.push({ ...base, kind: 'reminder', state: reminder.state, inTaskUnits: true });
      else if (escalating) out.push({ ...base, kind: 'escalation', state: escalating, inTaskUnits: false });
      else out.push({ ...base, kind: 'message', state: null, inTaskUnits: false });
    }
  });
  return out;
}

/** The title and body of a notification, in both languages. */
export function notificationText(
  kind: NotificationKind,
  taskTitle: Label | null,
  message: Label | null,
  extra: { by?: string; url?: string; failures?: number } = {},
): { title: Label; body: Label | null } {
  const subject = taskTitle ?? message ?? { vi: 'Hồ sơ', en: 'Case' };
  switch (kind) {
    case 'task-assigned':
      return { title: { vi: `Việc mới: ${subject.vi}`, en: `New task: ${subject.en}` }, body: message };
    case 'task-delegated':
      return {
        title: { vi: `Được giao việc: ${subject.vi}`, en: `Task delegated to you: ${subject.en}` },
        body: extra.by ? { vi: `Người giao: ${extra.by}`, en: `Delegated by ${extra.by}` } : null,
      };
    case 'reminder':
      return { title: { vi: `Sắp đến hạn: ${subject.vi}`, en: `Due soon: ${subject.en}` }, body: taskTitle ? message : null };
    case 'escalation':
      return { title: { vi: `Quá hạn: ${subject.vi}`, en: `Overdue: ${subject.en}` }, body: taskTitle ? message : null };
    case 'message':
      return { title: subject, body: null };
    case 'webhook-disabled':
      return {
        title: { vi: `Webhook đã bị tắt: ${extra.url ?? ''}`, en: `Webhook disabled: ${extra.url ?? ''}` },
        body: {
          vi: `Đã tắt sau ${extra.failures ?? 0} lần gửi liên tiếp thất bại. Kiểm tra máy nhận rồi bật lại và gửi lại các lần thất bại.`,
          en: `Turned off after ${extra.failures ?? 0} failed deliveries in a row. Check the receiver, then enable it again and redeliver the failed ones.`,
        },
      };
  }
}
