import { z } from 'zod';
import { normaliseDufNumber, parseIsoDate, parseNationalId } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';
import { DataCategory, UnitKind } from './platform.ts';

export const ARRIVAL_CATEGORIES = [
  'resettlement', // overføringsflyktning (kvoteflyktning)
  'reception_centre', // fra mottak
  'family_reunified', // familiegjenforent
  'unaccompanied_minor', // enslig mindreårig
  'agreed_self_settlement', // avtalt selvbosetting
  'collective_protection', // kollektiv beskyttelse (kap. 6A)
  'self_settled', // selvbosatt
] as const;
export const PERSON_STATUSES = ['active', 'moved_away', 'ended', 'deceased'] as const;
export const HOUSEHOLD_ROLES = ['head', 'spouse', 'child', 'other'] as const;
export const SEXES = ['female', 'male', 'unknown'] as const;
export const PERMIT_TYPES = [
  'refugee', // flyktningstatus (utlendingsloven § 28)
  'humanitarian', // sterke menneskelige hensyn (§ 38)
  'family_immigration', // familieinnvandring
  'collective_protection', // § 34
  'other',
] as const;

export const ArrivalCategory = z.enum(ARRIVAL_CATEGORIES);
export const PersonStatus = z.enum(PERSON_STATUSES);
export const HouseholdRole = z.enum(HOUSEHOLD_ROLES);
export const Sex = z.enum(SEXES);
export const PermitType = z.enum(PERMIT_TYPES);

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is refused). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  .refine((s) => parseIsoDate(s) !== undefined, { message: 'is not a real date' });

/** Fødselsnummer or D-nummer: 11 digits, both check digits and a real date. */
export const NationalId = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .superRefine((s, ctx) => {
    const r = parseNationalId(s);
    if (!r.valid) {
      const msg = { format: 'must be 11 digits', checksum: 'has wrong check digits', date: 'does not contain a real birth date' }[r.reason];
      ctx.addIssue({ code: 'custom', message: msg });
    }
  });

export const DufNumber = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => normaliseDufNumber(s) !== undefined, { message: 'must be 12 digits' });

/** Names: letters of any script, spaces, hyphens, apostrophes and dots. No markup. */
const NamePart = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.personNameMax)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u, { message: 'may contain only letters, spaces, hyphens, apostrophes and dots' });
const CountryCode = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code, e.g. SYR' });
const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, { message: 'must be an ISO 639 code, e.g. ar' });
const Municipality = z.string().trim().min(1).max(100);

/** The fields of a person that staff edit. */
export const PersonFields = z
  .object({
    givenName: NamePart,
    familyName: NamePart,
    otherSpellings: z.array(z.string().trim().min(1).max(LIMITS.personNameMax * 2).regex(/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u, { message: 'may contain only letters, spaces, hyphens, apostrophes and dots' })).max(10).default([]),
    birthDate: CalendarDate,
    sex: Sex,
    nationalId: NationalId.nullable().default(null),
    dufNumber: DufNumber.nullable().default(null),
    originCountry: CountryCode.nullable().default(null),
    nationality: CountryCode.nullable().default(null),
    languages: z.array(LanguageCode).max(10).default([]),
    interpreterNeeded: z.boolean().default(false),
    interpreterLanguage: LanguageCode.nullable().default(null),
    householdRole: HouseholdRole.nullable().default(null),
    arrivalCategory: ArrivalCategory.nullable().default(null),
    sponsorPersonId: Uuid.nullable().default(null),
    permitType: PermitType.nullable().default(null),
    permitDate: CalendarDate.nullable().default(null),
    settlementDate: CalendarDate.nullable().default(null),
    previousMunicipality: Municipality.nullable().default(null),
    status: PersonStatus.default('active'),
    statusDate: CalendarDate.nullable().default(null),
  })
  .strict();

/** Household placement when registering: a new household, an existing one, or none. */
export const HouseholdChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z.object({ mode: z.literal('new'), name: z.string().trim().min(1).max(LIMITS.nameMax).optional() }).strict(),
  z.object({ mode: z.literal('existing'), householdId: Uuid }).strict(),
]);

export const CreatePersonRequest = z
  .object({ person: PersonFields, household: HouseholdChoice.default({ mode: 'none' }) })
  .strict();
export const UpdatePersonRequest = z
  .object({ person: PersonFields, householdId: Uuid.nullable(), version: Version })
  .strict();

export const CategoryAbilities = z.record(DataCategory, z.object({ read: z.boolean(), write: z.boolean() }));

export const PersonSummary = z.object({
  id: Uuid,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: Sex,
  arrivalCategory: ArrivalCategory.nullable(),
  settlementDate: z.string().nullable(),
  status: PersonStatus,
  householdId: Uuid.nullable(),
  score: z.number().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const SearchPeopleRequest = z
  .object({
    /** Any spelling of the name, a birth date (YYYY-MM-DD or DD.MM.YYYY), an id number or a DUF number. */
    q: z.string().trim().max(200).default(''),
    arrivalCategory: ArrivalCategory.optional(),
    status: PersonStatus.optional(),
    settlementYear: z.number().int().min(1990).max(2100).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export const SearchPeopleResponse = z.object({
  items: z.array(PersonSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** filterBySettlement: the reader reads settlement data for everyone, so results carry it and it may be filtered on. */
  can: z.object({ register: z.boolean(), filterBySettlement: z.boolean() }),
});

export const DuplicateCheckRequest = z
  .object({
    givenName: z.string().trim().max(LIMITS.personNameMax).default(''),
    familyName: z.string().trim().max(LIMITS.personNameMax).default(''),
    birthDate: CalendarDate.nullable().default(null),
    nationalId: z.string().max(20).nullable().default(null),
    dufNumber: z.string().max(20).nullable().default(null),
    excludePersonId: Uuid.nullable().default(null),
  })
  .strict();
export const DuplicateCandidate = PersonSummary.extend({
  reasons: z.array(z.enum(['same_national_id', 'same_duf_number', 'similar_name', 'same_birth_date'])),
});
export const DuplicateCheckResponse = z.object({ candidates: z.array(DuplicateCandidate) });

export const TeamMember = z.object({ unitId: Uuid, unitName: z.string(), unitKind: UnitKind, addedAt: IsoDateTime });

export const PersonView = z.object({
  id: Uuid,
  version: Version,
  /** Only the categories the actor may read are present. */
  identity: z
    .object({
      givenName: z.string(),
      familyName: z.string(),
      otherSpellings: z.array(z.string()),
      birthDate: z.string(),
      sex: Sex,
      nationalId: z.string().nullable(),
      dufNumber: z.string().nullable(),
      originCountry: z.string().nullable(),
      nationality: z.string().nullable(),
      languages: z.array(z.string()),
      interpreterNeeded: z.boolean(),
      interpreterLanguage: z.string().nullable(),
      householdId: Uuid.nullable(),
      householdRole: HouseholdRole.nullable(),
      status: PersonStatus,
      statusDate: z.string().nullable(),
    })
    .optional(),
  settlement: z
    .object({
      arrivalCategory: ArrivalCategory.nullable(),
      sponsorPersonId: Uuid.nullable(),
      permitType: PermitType.nullable(),
      permitDate: z.string().nullable(),
      settlementDate: z.string().nullable(),
      previousMunicipality: z.string().nullable(),
    })
    .optional(),
  team: z.array(TeamMember),
  can: z.object({
    categories: CategoryAbilities,
    editTeam: z.boolean(),
    viewHistory: z.boolean(),
    viewAccessLog: z.boolean(),
  }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PersonView = z.infer<typeof PersonView>;

export const SetTeamRequest = z.object({ unitIds: z.array(Uuid).max(30), version: Version }).strict();

export const HistoryEntry = z.object({
  version: z.number().int(),
  changedAt: IsoDateTime,
  changedBy: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export const HistoryResponse = z.object({ items: z.array(HistoryEntry) });

export const AccessLogEntry = z.object({
  occurredAt: IsoDateTime,
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
});
export const AccessLogResponse = z.object({ items: z.array(AccessLogEntry) });

export const HouseholdMember = PersonSummary.extend({ householdRole: HouseholdRole.nullable() });
export const HouseholdView = z.object({
  id: Uuid,
  name: z.string(),
  version: Version,
  members: z.array(HouseholdMember),
  can: z.object({ edit: z.boolean() }),
});
export const CreateHouseholdRequest = z.object({ name: z.string().trim().min(1).max(LIMITS.nameMax) }).strict();
export const UpdateHouseholdRequest = z.object({ name: z.string().trim().min(1).max(LIMITS.nameMax), version: Version }).strict();
