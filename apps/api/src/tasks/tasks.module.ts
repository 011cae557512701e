import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { TasksController } from './tasks.controller.js';

@Module({ imports: [RuntimeModule], controllers: [TasksController] })
export class TasksModule {}
