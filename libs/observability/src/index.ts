export * from './json-logger.js';
export * from './metrics.service.js';
export * from './observability.module.js';
export * from './create-logger.js';
export * from './bearer.js';
