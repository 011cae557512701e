import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProgramReportService, reportCsv, reportXlsx } from '#libs/reports';
import { ProgramReportQuery } from './dto/program-report.query.js';
import { ApiErrors, ApiMedia, CONTENT_DISPOSITION, SignedIn } from '../common/openapi.js';
import { ProgramReportDto } from './dto/program-report.dto.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@SignedIn()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ProgramReportService) {}

  @ApiMedia({ 'application/json': ProgramReportDto, 'text/csv': { type: 'string', description: 'The summary table, UTF-8 with BOM' }, [XLSX_TYPE]: { type: 'string', format: 'binary', description: 'The whole report as a workbook' } }, { description: 'The report (format=json, csv or xlsx)', headers: CONTENT_DISPOSITION })
  @ApiErrors(400)
  @Get('program')
  @ApiOperation({ summary: 'The program dashboard for a period: per workflow received, resolved on time and late, open, overdue; citizen cases; Dân vận khéo (JSON, CSV or XLSX)' })
  async program(@Query() q: ProgramReportQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const report = await this.reports.build(q.period);
    const lang = q.lang ?? 'vi';
    const name = `phoihop-bao-cao-${report.period.key}`;
    if (q.format === 'csv') {
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="${name}.csv"`);
      return reportCsv(report, lang);
    }
    if (q.format === 'xlsx') {
      res.header('Content-Type', XLSX_TYPE);
      res.header('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      return reportXlsx(report, lang);
    }
    return report;
  }
}
