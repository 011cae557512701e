export * from './auth.service.js';
export * from './identity.module.js';
export * from './identity.service.js';
export * from './passwords.js';
export * from './reserved.js';
export * from './seed.service.js';
