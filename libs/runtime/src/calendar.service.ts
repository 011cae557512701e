import { Injectable } from '@nestjs/common';
import { CalendarError, isLocalDate, WorkingCalendar } from '#libs/calendar';
import { AuditTrail } from '#libs/core';
import { DomainError, ErrorCode } from '#libs/core';
import { CalendarOverridesRepository, Database } from '#libs/persistence';

/** How long a process trusts its calendar before checking whether an admin (maybe in another process) changed the overrides. */
const RECHECK_MS = 30_000;

/**
 * The working calendar — the government's announced schedules shipped in `#libs/calendar`
 * (announced.ts), the rule for the other years — with the admins' overrides from the database on
 * top (they win over both). Built once and reused (it caches holiday tables per year); rebuilt when
 * this process changes an override, or when the table's fingerprint changed on the next check.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingCalendar; version: string; checkedAt: number };
  private loading?: Promise<WorkingCalendar>;

  constructor(
    private readonly dataSource: Database,
    private readonly overrides: CalendarOverridesRepository,
    private readonly audit: AuditTrail,
  ) {}

  async current(): Promise<WorkingCalendar> {
    const cached = this.cached;
    if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.calendar;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  listOverrides(year?: number) {
    return this.overrides.list(this.dataSource.manager, year);
  }

  /** Creates or replaces the override of one date; the calendar is rebuilt on next use. */
  async setOverride(date: string, kind: 'day-off' | 'working-day', name: { vi: string; en: string } | undefined, by: string) {
    assertDate(date, 'date');
    const record = await this.overrides.upsert(this.dataSource.manager, { date, kind, name, createdBy: by });
    await this.audit.record({ actor: { id: by }, action: 'calendar.override_set', subjectType: 'calendar', subjectId: date, data: { kind, name } });
    this.invalidate();
    return record;
  }

  async removeOverride(date: string, by: string): Promise<void> {
    assertDate(date, 'date');
    if (!(await this.overrides.remove(this.dataSource.manager, date))) {
      throw new DomainError(ErrorCode.CalendarOverrideNotFound, `No calendar override on ${date}`, { date });
    }
    await this.audit.record({ actor: { id: by }, action: 'calendar.override_removed', subjectType: 'calendar', subjectId: date });
    this.invalidate();
  }

  /** Calendar arithmetic whose bad arguments become 400s naming the field. */
  async compute<T>(field: string, run: (calendar: WorkingCalendar) => T): Promise<T> {
    const calendar = await this.current();
    try {
      return run(calendar);
    } catch (error) {
      if (error instanceof CalendarError) {
        throw new DomainError(ErrorCode.ValidationFailed, error.message, { problems: [{ field, reason: error.message }] });
      }
      throw error;
    }
  }

  private async load(): Promise<WorkingCalendar> {
    const manager = this.dataSource.manager;
    const version = await this.overrides.version(manager);
    if (this.cached && this.cached.version === version) {
      this.cached.checkedAt = Date.now();
      return this.cached.calendar;
    }
    const rows = await this.overrides.list(manager);
    const calendar = new WorkingCalendar(rows.map((r) => ({ date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) })));
    this.cached = { calendar, version, checkedAt: Date.now() };
    return calendar;
  }
}

function assertDate(value: string, field: string): void {
  if (!isLocalDate(value)) {
    throw new DomainError(ErrorCode.ValidationFailed, `${field} must be a date YYYY-MM-DD`, { problems: [{ field, reason: 'must be a date YYYY-MM-DD' }] });
  }
}
