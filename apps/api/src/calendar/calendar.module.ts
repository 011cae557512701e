import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { CalendarController } from './calendar.controller.js';

@Module({ imports: [RuntimeModule], controllers: [CalendarController] })
export class CalendarModule {}
