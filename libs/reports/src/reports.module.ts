import { DynamicModule, Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { DEFAULT_ANCHOR, type PeriodAnchor } from './period.js';
import { ProgramReportService, REPORT_OPTIONS } from './program-report.service.js';

/** The program dashboard and its periodic reports. */
@Module({})
export class ReportsModule {
  static forRoot(options: { anchor?: PeriodAnchor } = {}): DynamicModule {
    return {
      module: ReportsModule,
      global: true,
      imports: [RuntimeModule],
      providers: [{ provide: REPORT_OPTIONS, useValue: { anchor: options.anchor ?? DEFAULT_ANCHOR } }, ProgramReportService],
      exports: [ProgramReportService],
    };
  }
}
