export * from './checklist.ts';
export * from './housing.ts';
export * from './pipeline.ts';
export * from './reunification.ts';
export * from './yearly.ts';
