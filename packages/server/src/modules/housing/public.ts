// What other modules may use of the housing module.
export { allocationsOfHouseholds } from './queries.ts';
