export { DocumentsModule } from './documents.module.js';
export { DocumentsService, type DocumentView } from './documents.service.js';
export { DocxDocumentEngine, templatePlaceholders, renderDocx } from './docx-engine.js';
export { PdfRenditions, convertToPdf } from './pdf-renditions.js';
export { DOCUMENTS_OPTIONS, findSoffice, type DocumentsOptions } from './options.js';
export { standaloneDocumentEngine } from './standalone.js';
