export * from './national-id.ts';
export * from './names.ts';
