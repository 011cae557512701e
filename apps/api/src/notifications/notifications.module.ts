import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { NotificationsController } from './notifications.controller.js';
import { LiveStreamController } from './live-stream.controller.js';
import { LiveStreamService } from './live-stream.service.js';

@Module({ imports: [RuntimeModule], controllers: [NotificationsController, LiveStreamController], providers: [LiveStreamService] })
export class NotificationsApiModule {}
