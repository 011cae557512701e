import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ConfidentialReads, InstanceCommands, InstanceQueries, type InstanceView, type Outcome, type RequestMeta, TasksService } from '#libs/runtime';
import { DomainError, ErrorCode, type Principal } from '#libs/core';
import { CurrentPrincipal, Meta } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateInstanceDto } from './dto/create-instance.dto.js';
import { HistoryQuery, ListInstancesQuery } from './dto/list-instances.query.js';
import { SendEventDto } from './dto/send-event.dto.js';
import { ApiErrors, ApiJson, ETAG, REPLAYED, SignedIn } from '../common/openapi.js';
import { HistoryPageDto, InstanceDto, InstancePageDto, TimerListDto } from './dto/instance-responses.dto.js';
import { TaskListDto } from '../tasks/dto/task-responses.dto.js';

@ApiTags('instances')
@SignedIn()
@Controller('instances')
export class InstancesController {
  constructor(
    private readonly commands: InstanceCommands,
    private readonly instances: InstanceQueries,
    private readonly tasksService: TasksService,
    private readonly confidential: ConfidentialReads,
  ) {}

  @ApiJson(InstanceDto, { status: 201, description: 'Started (or, with a repeated Idempotency-Key, the stored answer)', headers: { ...ETAG, ...REPLAYED } })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post()
  @ApiOperation({ summary: 'Start an instance of a published workflow' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(@Body() dto: CreateInstanceDto, @Meta() meta: RequestMeta & { principal: Principal }, @Res({ passthrough: true }) res: FastifyReply) {
    return send(res, await this.commands.start(dto, meta), (view) => this.confidential.instanceView(view, meta.principal, 'event', meta.requestId));
  }

  @ApiJson(InstancePageDto, { description: 'A page of instances' })
  @ApiErrors(400)
  @Get()
  @ApiOperation({ summary: 'List instances, newest first, filtered and cursor-paginated' })
  async list(@Query() query: ListInstancesQuery, @CurrentPrincipal() principal: Principal) {
    const page = await this.instances.list({ ...query, overdue: query.overdue === 'true', principal });
    return { ...page, items: await this.confidential.listed(page.items) };
  }

  @ApiOperation({ summary: 'One instance: where it is, what it accepts, its deadlines, parent and children' })
  @ApiJson(InstanceDto, { description: 'The instance', headers: ETAG })
  @ApiErrors(400, 404)
  @Get(':id')
  async get(@Param('id', new UuidPipe('id')) id: string, @Meta() meta: RequestMeta & { principal: Principal }, @Res({ passthrough: true }) res: FastifyReply) {
    const view = await this.confidential.instanceView(await this.instances.get(id, meta.principal), meta.principal, 'instance', meta.requestId);
    res.header('ETag', `"${view.revision}"`);
    return view;
  }

  @ApiJson(InstanceDto, { description: 'The instance after the event (or the stored answer of a repeated Idempotency-Key)', headers: { ...ETAG, ...REPLAYED } })
  @ApiErrors(400, 403, 404, 409, 413, 422, 429)
  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send an event; 422 lists the events the current state accepts' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) the event expects' })
  async sendEvent(
    @Param('id', new UuidPipe('id')) id: string,
    @Body() dto: SendEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Meta() meta: RequestMeta & { principal: Principal },
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const expectedRevision = dto.expectedRevision ?? parseIfMatch(ifMatch);
    return send(res, await this.commands.send(id, { ...dto, expectedRevision }, meta), (view) => this.confidential.instanceView(view, meta.principal, 'event', meta.requestId));
  }

  @ApiJson(TaskListDto, { description: 'The tasks' })
  @ApiErrors(400, 404)
  @Get(':id/tasks')
  @ApiOperation({ summary: "The instance's tasks, open first: who may act, who claimed, due dates" })
  tasks(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.tasksService.ofInstance(id, principal);
  }

  @ApiJson(TimerListDto, { description: 'The timers' })
  @ApiErrors(400, 404)
  @Get(':id/timers')
  @ApiOperation({ summary: "The instance's timers: deadlines and reminders, pending, fired or cancelled" })
  timers(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.instances.timersOf(id, principal);
  }

  @ApiJson(HistoryPageDto, { description: 'A page of history rows' })
  @ApiErrors(400, 404)
  @Get(':id/history')
  @ApiOperation({ summary: "The instance's transitions in order, hash-chained" })
  history(@Param('id', new UuidPipe('id')) id: string, @Query() query: HistoryQuery, @Meta() meta: RequestMeta & { principal: Principal }) {
    return this.confidential.history(id, query, meta.principal, meta.requestId);
  }
}

/** The answer to a start or an event, its confidential fields as the caller may read them. */
async function send(res: FastifyReply, outcome: Outcome<InstanceView>, present: (view: InstanceView) => Promise<InstanceView>): Promise<InstanceView> {
  res.code(outcome.statusCode);
  res.header('ETag', `"${outcome.body.revision}"`);
  if (outcome.replayed) res.header('Idempotent-Replayed', 'true');
  return present(outcome.body);
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new DomainError(ErrorCode.ValidationFailed, 'If-Match must be a revision such as "3"', {
      problems: [{ field: 'If-Match', reason: 'must be a revision such as "3"' }],
    });
  }
  return Number(match[1]);
}
