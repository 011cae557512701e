import { addDuration, CalendarError, localDateToInstant, startInstant, toLocalDate, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { DomainError, ErrorCode } from '#libs/core';
import { statePointer, type DeadlineSpec, type DurationSpec, type Effect, type Label } from '#libs/engine';

/** One running deadline of an instance, kept on the instance row (`deadlines[key]`). */
export interface DeadlineState {
  timerId: string;
  state: string;
  label?: Label;
  startAt: string;
  /** The last day of the limit (Vietnam local date), for calendar- and working-day limits. */
  dueDate: LocalDate | null;
  /**
   * The last day the law counts to, before a day off moved it (`dueDate` is that day or the next
   * working one): an extension counts on from here. Absent on rows written before it was kept.
   */
  legalDate?: LocalDate;
  /** The instant the limit is over: the end of `dueDate`, or start + an ISO duration. */
  dueAt: string;
  generation: number;
  firedAt?: string;
  extensions: Array<{ by: DurationSpec; at: string; previousDueAt: string; reason?: unknown }>;
}
export type DeadlineMap = Record<string, DeadlineState>;

export interface TimerRow {
  id: string;
  state: string;
  deadlineKey: string;
  kind: 'deadline' | 'reminder';
  fireAt: string;
  generation: number;
  jobId: string;
  spec: Record<string, unknown>;
}

/** The timer rows one transition writes, plus the instance's deadline state after it. */
export interface TimerPlan {
  arm: TimerRow[];
  /** Pending timers of these states are cancelled (the states were left). */
  cancelStates: string[];
  /** Pending reminders of these deadlines are cancelled (the deadline moved; new ones are armed). */
  cancelReminderKeys: string[];
  extend: Array<{ id: string; fireAt: string; generation: number; jobId: string }>;
  /** The timer this transition fires, marked fired by the same statement. */
  fire: string | null;
  /** Deadlines moved by an extension: the open tasks of their states follow. */
  moved: Array<{ state: string; dueAt: string }>;
  deadlines: DeadlineMap;
  /** The earliest due instant of the instance's deadlines, passed ones included (so overdue is `nextDueAt < now`). */
  nextDueAt: Date | null;
}

/** Reminders go out at the start of the office day. */
const REMINDER_TIME = '07:30';

/** A job id is never reused: BullMQ silently drops an add whose id it still keeps. */
export function jobIdOf(timerId: string, generation: number): string {
  return `t-${timerId}-g${generation}`;
}

/** When a limit counted from `startAt` is over. Civil Code: counting starts the day after; a last day off moves to the next working day. */
export function dueOf(calendar: WorkingCalendar, startAt: string, after: DurationSpec): { dueDate: LocalDate | null; dueAt: Date } {
  if ('duration' in after) return { dueDate: null, dueAt: addDuration(startInstant(startAt), after.duration) };
  const start = toLocalDate(startInstant(startAt));
  const dueDate = 'days' in after ? calendar.addCalendarDays(start, after.days) : calendar.addWorkingDays(start, after.workingDays);
  return { dueDate, dueAt: localDateToInstant(dueDate) };
}

/** When a deadline is over: counted forward from its start (`after`), or back from the date it names (`before`). */
export function deadlineDue(calendar: WorkingCalendar, startAt: string, spec: Pick<DeadlineSpec, 'after' | 'before'>): { dueDate: LocalDate | null; dueAt: Date } {
  return spec.before ? dueBefore(calendar, startAt, spec.before) : dueOf(calendar, startAt, spec.after!);
}

/**
 * A limit counted back from a date in the case (the day of an event): its last day is n working
 * days before it, or n calendar days before it moved back to a working day (a limit before a date
 * never ends later than asked); over at the end of that day. A duration: exactly that long before.
 */
export function dueBefore(calendar: WorkingCalendar, dateAt: string, before: DurationSpec): { dueDate: LocalDate | null; dueAt: Date } {
  if ('duration' in before) return { dueDate: null, dueAt: addDuration(startInstant(dateAt), `-${before.duration}`) };
  const date = toLocalDate(startInstant(dateAt));
  const dueDate = 'days' in before ? previousWorkingDay(calendar, shiftDays(date, -before.days)) : workingDaysBefore(calendar, date, before.workingDays);
  return { dueDate, dueAt: localDateToInstant(dueDate) };
}

/**
 * The last day a limit counted from `startAt` ends on by the count alone: for calendar days, the
 * day before a day off moves it (Civil Code art. 148: the move is made once, at the end).
 */
export function legalDateOf(startAt: string, spec: Pick<DeadlineSpec, 'after' | 'before'>, due: LocalDate | null): LocalDate | undefined {
  if (due === null) return undefined;
  if (spec.after && 'days' in spec.after) return shiftDays(toLocalDate(startInstant(startAt)), spec.after.days);
  return due;
}

/**
 * Moves a running limit by `by` (extensions add to the limit, not to today), counted on from the
 * legal last day, not from the day a weekend or holiday moved it to, then moved off a day off once:
 * a complaint accepted on 6 Feb 2026 with 30 days ends Sun 8 Mar (so Mon 9 Mar); extended by 15
 * days it ends Mon 23 Mar, not 24 Mar.
 */
export function extendDue(calendar: WorkingCalendar, d: DeadlineState, by: DurationSpec, spec?: Pick<DeadlineSpec, 'after' | 'before'>): { dueDate: LocalDate | null; dueAt: Date; legalDate?: LocalDate } {
  if ('duration' in by || d.dueDate === null) {
    const iso = 'duration' in by ? by.duration : 'days' in by ? `P${by.days}D` : `P${by.workingDays}D`;
    return { dueDate: d.dueDate, dueAt: addDuration(d.dueAt, iso) };
  }
  const legal = d.legalDate ?? (d.extensions.length === 0 && spec ? legalDateOf(d.startAt, spec, d.dueDate) : undefined) ?? d.dueDate;
  if ('days' in by) {
    const legalDate = shiftDays(legal, by.days);
    const dueDate = nextWorkingDay(calendar, legalDate);
    return { dueDate, dueAt: localDateToInstant(dueDate), legalDate };
  }
  // Working days are counted after the legal last day too (after Sun 8 Mar: 9 to 13 Mar for five).
  const dueDate = calendar.addWorkingDays(legal, by.workingDays);
  return { dueDate, dueAt: localDateToInstant(dueDate), legalDate: dueDate };
}

/**
 * A reminder `before` the limit: a duration exactly before it; days or working days before the
 * limit's last day (the day a duration ends on, for a limit in hours) on an office morning.
 */
export function reminderAt(calendar: WorkingCalendar, due: { dueDate: LocalDate | null; dueAt: Date }, before: DurationSpec): Date {
  if ('duration' in before) return addDuration(due.dueAt, `-${before.duration}`);
  // A limit in hours that ends at midnight has the day before as its last day.
  const last = due.dueDate ?? toLocalDate(new Date(due.dueAt.getTime() - 1));
  const date = 'days' in before ? shiftDays(last, -before.days) : workingDaysBefore(calendar, last, before.workingDays);
  return localDateToInstant(date, REMINDER_TIME);
}

/** The n-th working day before `date`. */
function workingDaysBefore(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = shiftDays(day, -1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/** `{ legalDate }` when there is one (a limit in hours has none). */
function definedLegalDate(legalDate: LocalDate | undefined): { legalDate?: LocalDate } {
  return legalDate === undefined ? {} : { legalDate };
}

/** `date` if it is a working day, else the working day after it. */
function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = shiftDays(day, 1);
  return day;
}

/** `date` if it is a working day, else the working day before it. */
function previousWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = shiftDays(day, -1);
  return day;
}

function shiftDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PlanInput {
  effects: Effect[];
  deadlines: DeadlineMap;
  calendar: WorkingCalendar;
  /** The transition's time (ISO). */
  at: string;
  newId: () => string;
  /** The deadline as the definition declares it (for re-arming reminders after an extension). */
  specOf: (deadlineKey: string) => DeadlineSpec | undefined;
  /** The timer this transition fires, if any. */
  fire?: { timerId: string; deadlineKey: string };
}

/** Turns a transition's timer effects into timer rows to write and the instance's new deadline state. */
export function planTimers(input: PlanInput): TimerPlan {
  const deadlines: DeadlineMap = structuredClone(input.deadlines);
  const plan: TimerPlan = { arm: [], cancelStates: [], cancelReminderKeys: [], extend: [], fire: input.fire?.timerId ?? null, moved: [], deadlines, nextDueAt: null };
  const at = new Date(input.at);
  if (input.fire && deadlines[input.fire.deadlineKey]?.timerId === input.fire.timerId) {
    deadlines[input.fire.deadlineKey].firedAt = input.at;
  }

  const armReminders = (key: string, state: string, spec: DeadlineSpec, due: { dueDate: LocalDate | null; dueAt: Date }) => {
    spec.reminders.forEach((reminder, index) => {
      const fireAt = reminderAt(input.calendar, due, reminder.before);
      if (fireAt <= at) return; // already past when armed: a late reminder is noise
      const id = input.newId();
      plan.arm.push({ id, state, deadlineKey: key, kind: 'reminder', fireAt: fireAt.toISOString(), generation: 1, jobId: jobIdOf(id, 1), spec: { ...spec, reminder: index } });
    });
  };

  for (const effect of input.effects) {
    try {
      planOne(effect);
    } catch (error) {
      if (!(error instanceof CalendarError) || !('deadlineKey' in effect || 'deadline' in effect)) throw error;
      throw deadlineNotComputable(effect as TimerEffect, error);
    }
  }
  const dues = Object.values(deadlines).map((d) => Date.parse(d.dueAt));
  plan.nextDueAt = dues.length ? new Date(Math.min(...dues)) : null;
  return plan;

  function planOne(effect: Effect): void {
    if (effect.type === 'timer.cancel') {
      delete deadlines[effect.deadlineKey];
      if (!plan.cancelStates.includes(effect.state)) plan.cancelStates.push(effect.state);
      plan.arm = plan.arm.filter((t) => t.state !== effect.state);
    } else if (effect.type === 'timer.arm') {
      const spec = effect.deadline;
      const due = deadlineDue(input.calendar, effect.startAt, spec);
      const id = input.newId();
      plan.arm.push({ id, state: effect.state, deadlineKey: spec.key, kind: 'deadline', fireAt: due.dueAt.toISOString(), generation: 1, jobId: jobIdOf(id, 1), spec: { ...spec } });
      deadlines[spec.key] = {
        timerId: id,
        state: effect.state,
        label: spec.label,
        startAt: effect.startAt,
        dueDate: due.dueDate,
        ...definedLegalDate(legalDateOf(effect.startAt, spec, due.dueDate)),
        dueAt: due.dueAt.toISOString(),
        generation: 1,
        extensions: [],
      };
      armReminders(spec.key, effect.state, spec, due);
    } else if (effect.type === 'timer.extend') {
      const current = deadlines[effect.deadlineKey];
      if (!current) return; // the deadline is not running: nothing to move
      const spec = input.specOf(effect.deadlineKey);
      const due = extendDue(input.calendar, current, effect.by, spec);
      const generation = current.generation + 1;
      const alreadyFired = current.firedAt !== undefined;
      current.extensions.push({ by: effect.by, at: effect.at, previousDueAt: current.dueAt, ...(effect.reason === undefined ? {} : { reason: effect.reason }) });
      current.dueDate = due.dueDate;
      if (due.legalDate !== undefined) current.legalDate = due.legalDate;
      current.dueAt = due.dueAt.toISOString();
      current.generation = generation;
      delete current.firedAt;
      const armedNow = plan.arm.find((t) => t.id === current.timerId);
      if (armedNow) {
        Object.assign(armedNow, { fireAt: current.dueAt, generation, jobId: jobIdOf(armedNow.id, generation) });
      } else if (alreadyFired) {
        // The limit had passed and its timer fired: the extended limit needs a timer of its own.
        const id = input.newId();
        current.timerId = id;
        current.generation = 1;
        plan.arm.push({ id, state: current.state, deadlineKey: effect.deadlineKey, kind: 'deadline', fireAt: current.dueAt, generation: 1, jobId: jobIdOf(id, 1), spec: { ...(spec ?? { key: effect.deadlineKey }) } });
      } else {
        plan.extend.push({ id: current.timerId, fireAt: current.dueAt, generation, jobId: jobIdOf(current.timerId, generation) });
      }
      plan.moved.push({ state: current.state, dueAt: current.dueAt });
      plan.arm = plan.arm.filter((t) => !(t.kind === 'reminder' && t.deadlineKey === effect.deadlineKey));
      if (!plan.cancelReminderKeys.includes(effect.deadlineKey)) plan.cancelReminderKeys.push(effect.deadlineKey);
      if (spec) armReminders(effect.deadlineKey, current.state, spec, due);
    }
  }
}

type TimerEffect = Extract<Effect, { type: 'timer.arm' | 'timer.extend' }>;

/**
 * A deadline the calendar cannot compute (a start point or an extension outside the years it
 * knows): the definition's doing, not the server's. A 4xx naming the deadline, and the
 * transition is not written, so the case stays as it was.
 */
function deadlineNotComputable(effect: TimerEffect, error: CalendarError): DomainError {
  const key = effect.type === 'timer.arm' ? effect.deadline.key : effect.deadlineKey;
  const state = effect.type === 'timer.arm' ? effect.state : undefined;
  const path = state ? `${statePointer(state)}/meta/deadlines` : '/machine';
  const message = `deadline "${key}"${state ? ` of state "${state}"` : ''} cannot be computed: ${error.message}`;
  return new DomainError(ErrorCode.DefinitionInvalid, `The definition's ${message}; nothing was changed`, { issues: [{ path, code: 'deadline_not_computable', message }] });
}

/** True when the plan writes no timer row at all (the common case: most events arm nothing). */
export function isEmptyPlan(plan: TimerPlan): boolean {
  return !plan.arm.length && !plan.cancelStates.length && !plan.cancelReminderKeys.length && !plan.extend.length && !plan.fire && !plan.moved.length;
}
