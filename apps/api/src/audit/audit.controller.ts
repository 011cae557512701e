import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditSearchService, InstanceAuditService, LedgerService } from '#libs/audit';
import type { Principal } from '#libs/runtime';
import { AdminOnly } from '../auth/auth.decorators.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AuditLogQuery, ExportQuery, HistorySearchPage, StateAtQuery, type HistorySearchQuery } from './dto/audit.dto.js';

const filters = (q: HistorySearchQuery) => ({ ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly search: AuditSearchService,
    private readonly ledger: LedgerService,
    private readonly instances: InstanceAuditService,
  ) {}

  @Get('audit')
  @AdminOnly()
  @ApiOperation({ summary: 'Transitions across instances by actor, unit, definition, event, business key and time (admins and auditors)' })
  history(@Query() q: HistorySearchPage) {
    return this.search.search(filters(q), { afterGseq: q.cursor, limit: q.limit ?? 50 });
  }

  @Get('audit/log')
  @AdminOnly()
  @ApiOperation({ summary: 'Actions that are not transitions: tasks claimed or delegated, definitions published, users, tokens, calendar, failed sign-ins' })
  log(@Query() q: AuditLogQuery) {
    return this.search.searchLog({ actor: q.actor, action: q.action, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }, { afterId: q.cursor, limit: q.limit ?? 50 });
  }

  @Get('audit/export')
  @AdminOnly()
  @ApiOperation({ summary: 'Every transition of a search, streamed as NDJSON or CSV (UTF-8 with BOM)' })
  async export(@Query() q: ExportQuery, @Res() res: Response) {
    const format = q.format ?? 'ndjson';
    res.status(200);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="phoihop-audit.${format === 'csv' ? 'csv' : 'ndjson'}"`);
    try {
      await this.search.export(filters(q), format, res);
    } finally {
      res.end();
    }
  }

  @Get('audit/verify')
  @AdminOnly()
  @ApiOperation({ summary: 'Re-walk the global ledger: ok, or the first broken entry and why' })
  verify() {
    return this.ledger.verify();
  }

  @Post('audit/seal')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Seal the rows written so far into the ledger now (the worker does it every interval)' })
  async seal() {
    return { added: await this.ledger.seal(), head: (await this.ledger.head()) ?? null };
  }

  @Get('instances/:id/history/verify')
  @ApiOperation({ summary: "Check one instance's hash chain and replay it: ok, or the first broken row and why" })
  verifyInstance(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.instances.verify(id, p);
  }

  @Get('instances/:id/state')
  @ApiOperation({ summary: 'The instance as it was after history row `seq`, or at instant `at`, rebuilt by replay' })
  stateAt(@Param('id', new UuidPipe('id')) id: string, @Query() q: StateAtQuery, @CurrentPrincipal() p: Principal) {
    return this.instances.stateAt(id, { seq: q.seq, at: q.at ? new Date(q.at) : undefined }, p);
  }
}
