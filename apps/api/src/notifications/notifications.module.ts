import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { NotificationsController } from './notifications.controller.js';

@Module({ imports: [RuntimeModule], controllers: [NotificationsController] })
export class NotificationsApiModule {}
