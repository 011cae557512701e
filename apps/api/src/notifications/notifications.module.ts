import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { LiveChannel } from '#libs/persistence';
import { NotificationsController } from './notifications.controller.js';
import { LiveStreamController } from './live-stream.controller.js';
import { LiveStreamService } from './live-stream.service.js';

@Module({ imports: [RuntimeModule], controllers: [NotificationsController, LiveStreamController], providers: [LiveChannel, LiveStreamService] })
export class NotificationsApiModule {}
