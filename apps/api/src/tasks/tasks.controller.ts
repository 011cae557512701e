import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TasksService, type Principal, type RequestMeta } from '#libs/runtime';
import { CurrentPrincipal, Meta } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CommentDto, CompleteTaskDto, DelegateDto, InboxQueryDto } from './dto/tasks.dto.js';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'The inbox: tasks assigned to me and tasks I may claim, due first, with counts per bucket' })
  inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQueryDto) {
    return this.tasks.inbox(p, { ...q, overdue: q.overdue === 'true' });
  }

  @Get(':id')
  get(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.get(id, p);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.claim(id, p);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.tasks.unclaim(id, p);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  delegate(@Param('id', new UuidPipe('id')) id: string, @Body() dto: DelegateDto, @CurrentPrincipal() p: Principal) {
    return this.tasks.delegate(id, dto.to, dto.reason, p);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: "Answer the task with one of its outcomes and the outcome's form" })
  complete(@Param('id', new UuidPipe('id')) id: string, @Body() dto: CompleteTaskDto, @Meta() meta: RequestMeta & { principal: Principal }) {
    return this.tasks.complete(id, dto, meta);
  }

  @Post(':id/comments')
  @HttpCode(201)
  comment(@Param('id', new UuidPipe('id')) id: string, @Body() dto: CommentDto, @CurrentPrincipal() p: Principal) {
    return this.tasks.comment(id, dto.text, p);
  }
}
