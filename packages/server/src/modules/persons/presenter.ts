import type { z } from 'zod';
import type { HouseholdView, PersonSummary, PersonView } from '@eidor/contract';
import type { abilities } from './access.ts';
import type { SearchRow } from './search-sql.ts';
import type { HouseholdRow, PersonRow, teamOf } from './queries.ts';

type Out<T extends z.ZodType> = z.output<T>;

export function presentSummary(r: SearchRow | (PersonRow & { score?: number | null })): Out<typeof PersonSummary> {
  if ('given_name' in r) {
    return {
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      sex: r.sex as 'female',
      arrivalCategory: r.arrival_category as never,
      settlementDate: r.settlement_date,
      status: r.status as 'active',
      householdId: r.household_id,
      score: r.score === null ? null : Number(r.score),
    };
  }
  return {
    id: r.id,
    givenName: r.givenName,
    familyName: r.familyName,
    birthDate: r.birthDate,
    sex: r.sex as 'female',
    arrivalCategory: r.arrivalCategory as never,
    settlementDate: r.settlementDate,
    status: r.status as 'active',
    householdId: r.householdId,
    score: r.score ?? null,
  };
}

/** Only the categories the actor may read leave the server. */
export function presentPerson(p: PersonRow, team: Awaited<ReturnType<typeof teamOf>>, can: ReturnType<typeof abilities>): Out<typeof PersonView> {
  return {
    id: p.id,
    version: p.version,
    ...(can.categories.identity.read
      ? {
          identity: {
            givenName: p.givenName,
            familyName: p.familyName,
            otherSpellings: p.otherSpellings,
            birthDate: p.birthDate,
            sex: p.sex as 'female',
            nationalId: p.nationalId,
            dufNumber: p.dufNumber,
            originCountry: p.originCountry,
            nationality: p.nationality,
            languages: p.languages,
            interpreterNeeded: p.interpreterNeeded,
            interpreterLanguage: p.interpreterLanguage,
            householdId: p.householdId,
            householdRole: p.householdRole as never,
            status: p.status as 'active',
            statusDate: p.statusDate,
          },
        }
      : {}),
    ...(can.categories.settlement.read
      ? {
          settlement: {
            arrivalCategory: p.arrivalCategory as never,
            sponsorPersonId: p.sponsorPersonId,
            permitType: p.permitType as never,
            permitDate: p.permitDate,
            settlementDate: p.settlementDate,
            previousMunicipality: p.previousMunicipality,
          },
        }
      : {}),
    team: team.map((t) => ({ unitId: t.unitId, unitName: t.unitName, unitKind: t.unitKind as 'nav', addedAt: t.addedAt.toISOString() })),
    can,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentHousehold(h: HouseholdRow, members: PersonRow[], canEdit: boolean): Out<typeof HouseholdView> {
  return {
    id: h.id,
    name: h.name,
    version: h.version,
    members: members.map((m) => ({ ...presentSummary(m), householdRole: m.householdRole as never })),
    can: { edit: canEdit },
  };
}
