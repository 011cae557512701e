export * from './env.js';
export * from './failpoints.js';
