import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { InstancesController } from './instances.controller.js';

@Module({ imports: [RuntimeModule], controllers: [InstancesController] })
export class InstancesModule {}
