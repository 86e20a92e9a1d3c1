export * from './g.ts';
