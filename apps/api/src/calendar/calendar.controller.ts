import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarService, type RequestMeta } from '#libs/runtime';
import { AdminOnly } from '../auth/auth.decorators.js';
import { Meta } from '../common/request-context.js';
import { AddWorkingDaysQuery, HolidaysQuery, OverridesQuery, SetOverrideDto } from './dto/calendar.dto.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { CalendarOverrideDto, CalendarOverrideListDto, HolidaysDto, WorkingDateDto } from './dto/calendar-responses.dto.js';

const overrideView = (o: { date: string; kind: string; name: unknown; createdAt: Date; createdBy: string }) => ({
  date: o.date,
  kind: o.kind,
  name: o.name,
  createdAt: o.createdAt.toISOString(),
  createdBy: o.createdBy,
});

@ApiTags('calendar')
@SignedIn()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiJson(HolidaysDto, { description: 'The days off of the year, its working weekend days and the announcements they follow' })
  @ApiErrors(400)
  @Get('holidays')
  @ApiOperation({
    summary:
      'Days off of a year: public holidays, compensatory and swapped days, as the government announced them (`basis: announced`, with the document) or by the rule (`estimated`), and overrides; the Saturdays worked in exchange',
  })
  async holidays(@Query() q: HolidaysQuery) {
    return this.calendar.compute('year', (c) => ({
      year: q.year,
      holidays: c.holidays(q.year),
      workingDays: c.workingDays(q.year),
      announcements: c.announcements(q.year),
    }));
  }

  @ApiJson(WorkingDateDto, { description: 'The date' })
  @ApiErrors(400)
  @Get('add-working-days')
  @ApiOperation({ summary: 'The date N working days after `from` (counting starts the day after)' })
  async addWorkingDays(@Query() q: AddWorkingDaysQuery) {
    return { date: await this.calendar.compute('from', (c) => c.addWorkingDays(q.from, q.days)) };
  }

  @ApiOperation({ summary: 'The declared overrides (days off, working days), of one year or all' })
  @ApiJson(CalendarOverrideListDto, { description: 'The overrides' })
  @ApiErrors(400)
  @Get('overrides')
  async overrides(@Query() q: OverridesQuery) {
    return { items: (await this.calendar.listOverrides(q.year)).map(overrideView) };
  }

  @ApiJson(CalendarOverrideDto, { description: 'The override as stored' })
  @ApiErrors(400, 403, 413, 429)
  @Put('overrides/:date')
  @AdminOnly()
  @ApiOperation({ summary: 'Declare a date a day off or a working day (e.g. the announced Tết days, a swapped Saturday)' })
  async setOverride(@Param('date') date: string, @Body() dto: SetOverrideDto, @Meta() meta: RequestMeta) {
    return overrideView(await this.calendar.setOverride(date, dto.kind, dto.name ? { vi: dto.name.vi, en: dto.name.en } : undefined, meta.actor.id));
  }

  @ApiOperation({ summary: 'Remove the override of a date' })
  @ApiEmpty('Removed')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete('overrides/:date')
  @AdminOnly()
  @HttpCode(204)
  async removeOverride(@Param('date') date: string, @Meta() meta: RequestMeta) {
    await this.calendar.removeOverride(date, meta.actor.id);
  }
}
