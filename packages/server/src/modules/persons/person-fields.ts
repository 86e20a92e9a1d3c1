import type { z } from 'zod';
import type { FieldError, PersonFields } from '@eidor/contract';
import { canAccessPerson, osloDate, parseNationalId, personSearchText, type DataCategory, type Relationship } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findPerson, personByNationalId, type PersonRow, type PersonValues } from './queries.ts';

export type Fields = z.output<typeof PersonFields>;

/** Which data category each editable field belongs to: writing it needs write on that category. */
export const FIELD_CATEGORY: Record<keyof Fields, DataCategory> = {
  givenName: 'identity',
  familyName: 'identity',
  otherSpellings: 'identity',
  birthDate: 'identity',
  sex: 'identity',
  nationalId: 'identity',
  dufNumber: 'identity',
  originCountry: 'identity',
  nationality: 'identity',
  languages: 'identity',
  interpreterNeeded: 'identity',
  interpreterLanguage: 'identity',
  householdRole: 'identity',
  status: 'identity',
  statusDate: 'identity',
  arrivalCategory: 'settlement',
  sponsorPersonId: 'settlement',
  permitType: 'settlement',
  permitDate: 'settlement',
  settlementDate: 'settlement',
  previousMunicipality: 'settlement',
};

export function toValues(f: Fields): Omit<PersonValues, 'municipalityId' | 'householdId'> {
  return {
    givenName: f.givenName,
    familyName: f.familyName,
    otherSpellings: f.otherSpellings,
    searchText: personSearchText([`${f.givenName} ${f.familyName}`, ...f.otherSpellings]),
    birthDate: f.birthDate,
    sex: f.sex,
    nationalId: f.nationalId,
    dufNumber: f.dufNumber,
    originCountry: f.originCountry,
    nationality: f.nationality,
    languages: f.languages,
    interpreterNeeded: f.interpreterNeeded,
    interpreterLanguage: f.interpreterNeeded ? f.interpreterLanguage : null,
    householdRole: f.householdRole,
    arrivalCategory: f.arrivalCategory,
    sponsorPersonId: f.sponsorPersonId,
    permitType: f.permitType,
    permitDate: f.permitDate,
    settlementDate: f.settlementDate,
    previousMunicipality: f.previousMunicipality,
    status: f.status,
    statusDate: f.statusDate,
  };
}

/** The fields whose value differs from the stored person (all set fields when `before` is absent). */
export function changedFields(f: Fields, before: PersonRow | undefined): { field: keyof Fields; from: unknown; to: unknown }[] {
  const out: { field: keyof Fields; from: unknown; to: unknown }[] = [];
  for (const key of Object.keys(FIELD_CATEGORY) as (keyof Fields)[]) {
    const to = f[key];
    const from = before ? (before as unknown as Record<string, unknown>)[key] : null;
    const same = JSON.stringify(from ?? null) === JSON.stringify(to ?? null);
    const empty = to === null || to === false || (Array.isArray(to) && to.length === 0);
    if (before ? !same : !empty) out.push({ field: key, from: from ?? null, to });
  }
  return out;
}

/** Refuses writes to categories the actor may not write, naming the first such field. */
export function assertMayWrite(ctx: Ctx, fields: (keyof Fields)[], relationships: Map<string, Relationship[]>): void {
  for (const field of fields) {
    const category = FIELD_CATEGORY[field];
    if (!canAccessPerson(ctx.actor, 'write', category, relationships).allowed) {
      throw new AppError('FORBIDDEN', `You may not change ${category} data`, { fields: [{ path: `person.${field}`, message: 'you may not change this' }] });
    }
  }
}

/** Checks what the schema cannot: dates against today and the id number, the sponsor, uniqueness. */
export async function checkFields(ctx: Ctx, f: Fields, opts: { personId?: string; hasHousehold: boolean }): Promise<void> {
  const errors: FieldError[] = [];
  const today = osloDate(ctx.now);
  if (f.birthDate > today) errors.push({ path: 'person.birthDate', message: 'cannot be in the future' });
  for (const k of ['permitDate', 'settlementDate', 'statusDate'] as const) {
    const v = f[k];
    if (v && v < f.birthDate) errors.push({ path: `person.${k}`, message: 'cannot be before the birth date' });
  }
  if (f.nationalId) {
    const id = parseNationalId(f.nationalId);
    if (id.valid && id.birthDate !== f.birthDate) errors.push({ path: 'person.birthDate', message: 'does not match the birth date in the id number' });
    if (await personByNationalId(ctx.tx, ctx.actor.municipalityId, f.nationalId, opts.personId)) {
      throw new AppError('CONFLICT', 'Another person already has this id number', { fields: [{ path: 'person.nationalId', message: 'is already registered on another person' }] });
    }
  }
  if (f.householdRole && !opts.hasHousehold) errors.push({ path: 'person.householdRole', message: 'needs a household' });
  if (f.status !== 'active' && !f.statusDate) errors.push({ path: 'person.statusDate', message: 'is required when the status is not active' });
  if (f.interpreterNeeded && !f.interpreterLanguage) errors.push({ path: 'person.interpreterLanguage', message: 'is required when an interpreter is needed' });
  if (f.sponsorPersonId) {
    if (f.sponsorPersonId === opts.personId) errors.push({ path: 'person.sponsorPersonId', message: 'cannot be the person themself' });
    else if (!(await findPerson(ctx.tx, ctx.actor.municipalityId, f.sponsorPersonId))) errors.push({ path: 'person.sponsorPersonId', message: 'is not a person in this municipality' });
  }
  if (f.sponsorPersonId && f.arrivalCategory !== 'family_reunified') errors.push({ path: 'person.sponsorPersonId', message: 'only applies to family-reunified persons' });
  if (errors.length > 0) throw new AppError('VALIDATION', 'Some fields are not valid', { fields: errors });
}

/** The data categories a set of changed fields touches (for the audit row). */
export function categoriesOf(changes: { field: string }[]): DataCategory[] {
  const set = new Set<DataCategory>();
  for (const c of changes) {
    const cat = FIELD_CATEGORY[c.field as keyof Fields];
    if (cat) set.add(cat);
  }
  if (set.size === 0) set.add('identity');
  return [...set];
}
