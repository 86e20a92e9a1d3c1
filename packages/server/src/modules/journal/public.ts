// What other modules may use of the journal module (they never touch its tables).
export { interpreterUsesByIds, type InterpreterRow } from './queries.ts';
export { journalForPage } from './overview.ts';
