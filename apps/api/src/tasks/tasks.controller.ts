import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfidentialReads, TasksService, type RequestMeta } from '#libs/runtime';
import { type Principal } from '#libs/core';
import { CurrentPrincipal, Meta } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CommentDto, CompleteTaskDto, DelegateDto, InboxQueryDto } from './dto/tasks.dto.js';
import { ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { CompletedTaskDto, InboxPageDto, TaskDetailDto, TaskDto } from './dto/task-responses.dto.js';

@ApiTags('tasks')
@SignedIn()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly confidential: ConfidentialReads,
  ) {}

  @ApiJson(InboxPageDto, { description: 'A page of tasks with the counts' })
  @ApiErrors(400)
  @Get()
  @ApiOperation({ summary: 'The inbox: tasks assigned to me and tasks I may claim, due first, with counts per bucket' })
  inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQueryDto) {
    return this.tasks.inbox(p, { ...q, overdue: q.overdue === 'true' });
  }

  @ApiOperation({ summary: 'One task with its events (claimed, unclaimed, delegated, commented, acted)' })
  @ApiJson(TaskDetailDto, { description: 'The task' })
  @ApiErrors(400, 404)
  @Get(':id')
  get(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.get(id, p);
  }

  @ApiOperation({ summary: 'Take a task (candidates only)' })
  @ApiJson(TaskDto, { description: 'Claimed' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.claim(id, p);
  }

  @ApiOperation({ summary: 'Give a claimed task back (its assignee, or an admin)' })
  @ApiJson(TaskDto, { description: 'Unclaimed' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.unclaim(id, p);
  }

  @ApiOperation({ summary: 'Hand a task to a user who may hold it' })
  @ApiJson(TaskDto, { description: 'Delegated' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post(':id/delegate')
  @HttpCode(200)
  delegate(@Param('id', new UuidPipe('id')) id: string, @Body() dto: DelegateDto, @CurrentPrincipal() p: Principal) {
    return this.tasks.delegate(id, dto.to, dto.reason, p);
  }

  @ApiJson(CompletedTaskDto, { description: 'The task and the instance after the outcome' })
  @ApiErrors(400, 403, 404, 409, 413, 422, 429)
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: "Answer the task with one of its outcomes and the outcome's form" })
  async complete(@Param('id', new UuidPipe('id')) id: string, @Body() dto: CompleteTaskDto, @Meta() meta: RequestMeta & { principal: Principal }) {
    const done = await this.tasks.complete(id, dto, meta);
    return { ...done, instance: await this.confidential.instanceView(done.instance, meta.principal, 'event', meta.requestId) };
  }

  @ApiOperation({ summary: 'Comment on a task' })
  @ApiJson(TaskDetailDto, { status: 201, description: 'The task with its events' })
  @ApiErrors(400, 403, 404, 413, 429)
  @Post(':id/comments')
  @HttpCode(201)
  comment(@Param('id', new UuidPipe('id')) id: string, @Body() dto: CommentDto, @CurrentPrincipal() p: Principal) {
    return this.tasks.comment(id, dto.text, p);
  }
}
