export * from './errors.ts';
export * from './limits.ts';
export * from './common.ts';
export * from './platform.ts';
export * from './people.ts';
export * from './api.ts';
export * from './settlement.ts';
export * from './programme.ts';
