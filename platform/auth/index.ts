export * from './rights.js';
export * from './roles.js';
export * from './identity.js';
export * from './authorize.js';
export * from './internal-token.js';
