import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '#libs/calendar';
import { CalendarOverridesRepository } from '#libs/persistence';
import { DataSource } from 'typeorm';

/** How long a process trusts its calendar before checking whether an admin (maybe in another process) changed the overrides. */
const RECHECK_MS = 30_000;

/**
 * The working calendar with the admins' overrides from the database. Built once and reused (it
 * caches holiday tables per year); rebuilt when this process changes an override, or when the
 * table's fingerprint changed on the next check.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingCalendar; version: string; checkedAt: number };
  private loading?: Promise<WorkingCalendar>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly overrides: CalendarOverridesRepository,
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
