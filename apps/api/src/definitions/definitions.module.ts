import { Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { DefinitionsController } from './definitions.controller.js';

@Module({ imports: [RuntimeModule], controllers: [DefinitionsController] })
export class DefinitionsModule {}
