import { DynamicModule, Global, Module } from '@nestjs/common';
import { CoreModule } from '#libs/core';
import { DocumentEngine, RuntimeModule } from '#libs/runtime';
import { DocumentsService } from './documents.service.js';
import { DocxDocumentEngine } from './docx-engine.js';
import { DOCUMENTS_OPTIONS, findSoffice, type DocumentsOptions } from './options.js';
import { PdfRenditions } from './pdf-renditions.js';

/** Generated documents: the runtime's DocumentEngine port (docxtemplater, the file store, LibreOffice), the register's reads. Needs FilesModule. */
@Global()
@Module({})
export class DocumentsModule {
  static forRoot(options: Partial<DocumentsOptions> = {}): DynamicModule {
    const resolved: DocumentsOptions = { soffice: options.soffice === undefined ? findSoffice() : options.soffice, sweep: options.sweep };
    return {
      module: DocumentsModule,
      global: true,
      imports: [CoreModule, RuntimeModule],
      providers: [{ provide: DOCUMENTS_OPTIONS, useValue: resolved }, PdfRenditions, DocxDocumentEngine, { provide: DocumentEngine, useExisting: DocxDocumentEngine }, DocumentsService],
      exports: [DocumentEngine, PdfRenditions, DocumentsService, DOCUMENTS_OPTIONS],
    };
  }
}
