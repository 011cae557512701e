export * from './definitions.service.js';
export * from './errors.js';
export * from './instance-view.js';
export * from './instances.service.js';
export * from './runtime.module.js';
export * from './workflow-loader.service.js';
