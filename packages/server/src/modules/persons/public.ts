// What other modules may use of the persons module (they never touch its tables).
export { registerPerson } from './commands/register-person.ts';
export { recordSettlementFacts } from './commands/record-settlement.ts';
export { addUnitsToTeam } from './commands/add-units-to-team.ts';
export { findHousehold, findPerson, membersOf, onTeams, type HouseholdRow, type PersonRow } from './queries.ts';
export { householdsOf, personNames, personsByDuf, personsByNameFragment, settledPeople } from './reporting.ts';
export { loadReachablePerson, reachedAmongFor, relationshipsTo } from './access.ts';
export { personViewOf } from './view.ts';
