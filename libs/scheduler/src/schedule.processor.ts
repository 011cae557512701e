import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { type LocalDate, type LocalizedName, toLocalDate, type WorkingCalendar } from '#libs/calendar';
import type { Actor, ScheduleDefinition } from '#libs/engine';
import { CalendarService, DefinitionsService, InstanceCommands, SYSTEM_ACTOR } from '#libs/runtime';
import { DomainError, ErrorCode } from '#libs/core';
import { Clock } from './clock.js';
import { TIMER_JOB_OPTIONS } from './outbox-relay.service.js';
import type { QueueProcessor } from './processor.js';
import { QueueService } from './queue.service.js';
import { QueueName, type ScheduleJob } from './queues.js';

/** `{yyyy}`, `{mm}`, `{dd}` (the occurrence's date in Vietnam) and `{key}` in a schedule's business key. */
export function scheduledBusinessKey(template: string, occurrence: Date, scheduleKey: string): string {
  const [yyyy, mm, dd] = toLocalDate(occurrence).split('-');
  return template.replaceAll('{yyyy}', yyyy).replaceAll('{mm}', mm).replaceAll('{dd}', dd).replaceAll('{key}', scheduleKey);
}

export type OnDayOff = NonNullable<ScheduleDefinition['onDayOff']>;
/** A ward's periodic sessions and reports are held on working days: an occurrence on a day off is held on the next one. */
export const DEFAULT_ON_DAY_OFF: OnDayOff = 'next-working-day';

/**
 * A moved occurrence's job: the schedule's job data, plus the occurrence it stands for (the
 * business key and the history keep that one) and the working day it was moved to.
 */
export interface MovedScheduleJob extends ScheduleJob {
  occurrence: string;
  startOn: LocalDate;
  /** Why the occurrence's day was off, when it was moved. */
  reason: LocalizedName;
}

/** What a scheduled start records of itself, in its first history row (the actor's `schedule`). */
export interface ScheduledStart {
  definition: string;
  key: string;
  /** The cron occurrence this start is for (its business key is derived from it). */
  occurrence: string;
  /** When the occurrence fell on a day off and was moved to the next working day: its date, and why. */
  movedFrom?: LocalDate;
  movedTo?: LocalDate;
  reason?: LocalizedName;
}

const DAY_MS = 86_400_000;

/**
 * Starts the instance a schedule calls for. At most one per occurrence: its business key is derived
 * from the occurrence's date. An occurrence on a day off of the ward's calendar (weekends, holidays
 * as announced, admins' overrides) follows the schedule's `onDayOff`: by default it is moved to the
 * next working day at the same time of day (a delayed job, `moved-…`), recorded in the case's first
 * history row, and keeps its own business key, so however often it is delivered it starts once.
 */
@Injectable()
export class ScheduleProcessor implements QueueProcessor<QueueName.Schedules> {
  readonly queue = QueueName.Schedules;
  private readonly logger = new Logger(ScheduleProcessor.name);

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly commands: InstanceCommands,
    private readonly calendars: CalendarService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async process(job: Job<ScheduleJob>): Promise<string> {
    const { definitionKey, scheduleKey } = job.data;
    const moved = job.data as Partial<MovedScheduleJob>;
    const { workflow } = await this.definitions.forStart(definitionKey);
    const schedule = (workflow.definition.schedules ?? []).find((s: ScheduleDefinition) => s.key === scheduleKey);
    if (!schedule) return 'schedule no longer in the definition';
    const occurrence = moved.occurrence ? new Date(moved.occurrence) : new Date(job.timestamp + (job.opts.delay ?? 0));
    const businessKey = scheduledBusinessKey(schedule.businessKey ?? `${definitionKey}-{key}-{yyyy}-{mm}-{dd}`, occurrence, scheduleKey);

    const plan = occurrencePlan(
      definitionKey,
      schedule,
      occurrence,
      await this.calendars.current(),
      moved.startOn ? { startOn: moved.startOn, reason: moved.reason } : undefined,
    );
    if (plan.action === 'skip') return this.skipped(definitionKey, scheduleKey, businessKey, plan.why);
    if (plan.action === 'move') return this.move(job.data, occurrence, plan, businessKey);
    const record = plan.record;
    const actor: Actor & { schedule: ScheduledStart } = { ...SYSTEM_ACTOR, schedule: record };
    try {
      const started = await this.commands.start({ definitionKey, businessKey, input: schedule.input }, { actor, now: this.clock.now() });
      this.logger.log(
        `schedule ${definitionKey}/${scheduleKey} started ${businessKey} (${started.body.id})${record.movedFrom ? `, moved from ${record.movedFrom}` : ''}`,
      );
      return started.body.id;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.DuplicateBusinessKey) return `already started: ${businessKey}`;
      throw error;
    }
  }

  /** Holds the occurrence on the day the plan moved it to: one delayed job per occurrence and day (a repeated delivery adds nothing). */
  private async move(data: ScheduleJob, occurrence: Date, plan: Extract<OccurrencePlan, { action: 'move' }>, businessKey: string): Promise<string> {
    const { definitionKey, scheduleKey } = data;
    const jobData: MovedScheduleJob = { definitionKey, scheduleKey, occurrence: occurrence.toISOString(), startOn: plan.startOn, reason: plan.reason };
    const jobId = `moved-${definitionKey}-${scheduleKey}-${occurrence.getTime()}-${plan.startOn}`;
    const delay = Math.max(0, plan.at.getTime() - this.clock.now().getTime());
    await this.queues.queue(QueueName.Schedules).add(QueueName.Schedules, jobData as ScheduleJob, { ...TIMER_JOB_OPTIONS, jobId, delay });
    this.logger.log(
      `schedule ${definitionKey}/${scheduleKey}: ${toLocalDate(occurrence)} is a day off (${plan.reason.en}); ${businessKey} moved to ${plan.at.toISOString()}`,
    );
    return `moved to ${plan.startOn}: ${businessKey}`;
  }

  private skipped(definitionKey: string, scheduleKey: string, businessKey: string, why: string): string {
    this.logger.log(`schedule ${definitionKey}/${scheduleKey}: ${businessKey} not started: ${why}`);
    return `skipped: ${why}`;
  }
}

/** What to do with one occurrence of a schedule: start it now, hold it on a later working day, or nothing. */
export type OccurrencePlan =
  { action: 'start'; record: ScheduledStart } | { action: 'move'; startOn: LocalDate; at: Date; reason: LocalizedName } | { action: 'skip'; why: string };

/**
 * The ward calendar's say on one occurrence (pure; the processor and test harnesses share it). On
 * a working day, or with `onDayOff: 'run'`: start it. On a day off: `skip` starts nothing;
 * `next-working-day` (default) holds it on the next working day at the same time of day — unless
 * the schedule has an occurrence of its own that day, which it then joins (skip). `moved`: the
 * occurrence was moved already (its job is running): start it, unless its day has become a day off
 * since, then move it on.
 */
export function occurrencePlan(
  definitionKey: string,
  schedule: ScheduleDefinition,
  occurrence: Date,
  calendar: WorkingCalendar,
  moved?: { startOn: LocalDate; reason?: LocalizedName },
): OccurrencePlan {
  const record: ScheduledStart = { definition: definitionKey, key: schedule.key, occurrence: occurrence.toISOString() };
  const day = toLocalDate(occurrence);
  const moveTo = (startOn: LocalDate, reason: LocalizedName): OccurrencePlan => {
    const at = new Date(occurrence.getTime() + daysBetween(day, startOn) * DAY_MS); // the same time of day: no DST in Vietnam or UTC
    if (firesOn(schedule, at)) return { action: 'skip', why: `${day} is a day off; the schedule's own occurrence on ${startOn} is held instead` };
    return { action: 'move', startOn, at, reason };
  };
  if (moved) {
    const reason = moved.reason ?? dayOffReason(calendar, day);
    if (!calendar.isWorkingDay(moved.startOn)) return moveTo(calendar.nextWorkingDay(moved.startOn), reason);
    return { action: 'start', record: { ...record, movedFrom: day, movedTo: moved.startOn, reason } };
  }
  const policy = schedule.onDayOff ?? DEFAULT_ON_DAY_OFF;
  if (policy === 'run' || calendar.isWorkingDay(day)) return { action: 'start', record };
  const reason = dayOffReason(calendar, day);
  if (policy === 'skip') return { action: 'skip', why: `${day} is a day off (${reason.en})` };
  return moveTo(calendar.nextWorkingDay(day), reason);
}

/** Why a date is not a working day, in both languages: its holiday, or the weekend. */
export function dayOffReason(calendar: WorkingCalendar, date: LocalDate): LocalizedName {
  const holiday = calendar.holidays(Number(date.slice(0, 4))).find((h) => h.date === date);
  if (holiday) return { vi: `Ngày nghỉ: ${holiday.name.vi}`, en: `Day off: ${holiday.name.en}` };
  return { vi: 'Ngày nghỉ hằng tuần', en: 'Weekend' };
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Whether the schedule's cron has an occurrence on the day of `at` (in the schedule's time zone):
 * its day-of-month, month and day-of-week fields (when both day fields are restricted, either may
 * match, as cron has it). A moved occurrence landing on such a day joins it instead of starting a
 * second case (a weekday schedule does not start five cases on the Monday after Tết).
 */
export function firesOn(schedule: Pick<ScheduleDefinition, 'cron' | 'timezone'>, at: Date): boolean {
  const date = schedule.timezone === 'UTC' ? at.toISOString().slice(0, 10) : toLocalDate(at);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const [, , dom = '*', month = '*', dow = '*'] = schedule.cron.trim().split(/\s+/);
  if (!cronField(month, m, 1, 12)) return false;
  const domAny = dom.startsWith('*');
  const dowAny = dow.startsWith('*');
  const domOk = cronField(dom, d, 1, 31);
  const dowOk = cronField(dow, weekday, 0, 7) || (weekday === 0 && cronField(dow, 7, 0, 7));
  if (!domAny && !dowAny) return domOk || dowOk;
  return domOk && dowOk;
}

/** A cron field (`*`, `5`, `1-5`, `*\/2`, `1,15`, `10-20/5`) matches `value`. */
function cronField(field: string, value: number, min: number, max: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range!.includes('-')) [lo, hi] = range!.split('-').map(Number) as [number, number];
    else [lo, hi] = [Number(range), stepText === undefined ? Number(range) : max];
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}
