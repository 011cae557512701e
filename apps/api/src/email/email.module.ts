import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { EmailDeliveriesController } from './email-deliveries.controller.js';
import { PreferencesController } from './preferences.controller.js';

@Module({ imports: [RuntimeModule], controllers: [PreferencesController, EmailDeliveriesController] })
export class EmailApiModule {}
