export * from './calculate.ts';
