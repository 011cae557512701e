import { Module } from '@nestjs/common';
import { InstanceDocumentsController } from './documents.controller.js';

/** The generated documents' routes; DocumentsService comes from the global DocumentsModule the app module loads. */
@Module({ controllers: [InstanceDocumentsController] })
export class DocumentsApiModule {}
