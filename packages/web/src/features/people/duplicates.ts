import type { BodyOf, ResponseOf } from '@eidor/contract';
import { normaliseDufNumber, parseIsoDate, parseNationalId } from '@eidor/domain';
import type { PersonFormValues } from './person-form.ts';

export type DuplicateQuery = BodyOf<'checkDuplicates'>;
export type DuplicateCandidate = ResponseOf<'checkDuplicates'>['candidates'][number];

/**
 * What to ask the server about likely duplicates, from the form as it stands; null while there is too
 * little to compare (no full name, no valid id number and no valid DUF number). Invalid id numbers and
 * dates are left out rather than sent: the check is advice, the form's own validation speaks about them.
 */
export function duplicateQueryFrom(p: PersonFormValues['person'], excludePersonId: string | null): DuplicateQuery | null {
  const givenName = p.givenName.trim().slice(0, 100);
  const familyName = p.familyName.trim().slice(0, 100);
  const nationalId = p.nationalId.replace(/\s/g, '');
  const validId = nationalId !== '' && parseNationalId(nationalId).valid ? nationalId : null;
  const duf = p.dufNumber.trim() ? (normaliseDufNumber(p.dufNumber.replace(/[\s-]/g, '')) ?? null) : null;
  const birthDate = parseIsoDate(p.birthDate.trim()) ? p.birthDate.trim() : null;
  const hasName = givenName !== '' && familyName !== '' && `${givenName} ${familyName}`.length >= 3;
  if (!hasName && !validId && !duf) return null;
  return { givenName: hasName ? givenName : '', familyName: hasName ? familyName : '', birthDate, nationalId: validId, dufNumber: duf, excludePersonId };
}

/**
 * Whether to ask already while the user fills in the form (when a field is left). A name alone finds
 * every namesake (Mohammad Ali is a common name), so wait for a birth date or a number; saving asks anyway.
 */
export function worthAskingEarly(query: DuplicateQuery | null): boolean {
  return query !== null && Boolean(query.birthDate || query.nationalId || query.dufNumber);
}

/** Two checks with the same key asked the same question. */
export function duplicateKey(query: DuplicateQuery): string {
  return JSON.stringify([query.givenName, query.familyName, query.birthDate, query.nationalId, query.dufNumber, query.excludePersonId]);
}

/** The last answer about duplicates, and which question the user said "save anyway" to. */
export type DuplicateState = { key: string | null; candidates: DuplicateCandidate[]; confirmedKey: string | null };

export const NO_DUPLICATES: DuplicateState = { key: null, candidates: [], confirmedKey: null };

/**
 * What saving should do now. `check`: ask the server first (nothing asked yet about these values);
 * `confirm`: likely duplicates are shown and the user has not said to save anyway; `save`: go ahead.
 * A confirmation holds only for the values it was given for: change the name and it must be given again.
 */
export function duplicateGate(state: DuplicateState, query: DuplicateQuery | null): 'check' | 'confirm' | 'save' {
  if (query === null) return 'save';
  const key = duplicateKey(query);
  if (state.key !== key) return 'check';
  if (state.candidates.length === 0) return 'save';
  return state.confirmedKey === key ? 'save' : 'confirm';
}

/** The state after the server answered for `query`; a confirmation given for the same question stays. */
export function withAnswer(state: DuplicateState, query: DuplicateQuery, candidates: DuplicateCandidate[]): DuplicateState {
  const key = duplicateKey(query);
  return { key, candidates, confirmedKey: state.confirmedKey === key ? key : null };
}

/** The state after the user said "save anyway" to the duplicates shown now. */
export function confirmed(state: DuplicateState): DuplicateState {
  return { ...state, confirmedKey: state.key };
}
