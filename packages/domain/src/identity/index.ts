export * from './national-id.ts';
export * from './names.ts';
export * from './search-query.ts';
