export * from './env.js';
export * from './failpoints.js';
export * from './secrets.js';
