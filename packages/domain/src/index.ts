export * from './access/index.ts';
export * from './calendar/index.ts';
export * from './identity/index.ts';
export * from './settlement/index.ts';
export * from './rates/index.ts';
export * from './benefit/index.ts';
export * from './programme/index.ts';
export * from './grants/index.ts';
