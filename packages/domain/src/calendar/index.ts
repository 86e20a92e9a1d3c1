export * from './date.ts';
export * from './holidays.ts';
