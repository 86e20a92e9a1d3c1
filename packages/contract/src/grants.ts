import { z } from 'zod';
import { GRANT_CODES, GRANT_TYPES, MIX_KINDS, RATE_STATUSES, SPLIT_RULES } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';
import { CalendarDate, PermitType } from './people.ts';

export const GrantCode = z.enum(GRANT_CODES);
export const GrantType = z.enum(GRANT_TYPES);
export const RateStatus = z.enum(RATE_STATUSES);
export const SplitRule = z.enum(SPLIT_RULES);

// ---------- Rate tables ----------

export const GrantRateView = z.object({
  code: GrantCode,
  type: GrantType,
  year: z.number().int(),
  amount: z.number().int(),
  source: z.string(),
  status: RateStatus,
  note: z.string().nullable(),
  /** true: the municipality's own row (a correction or an added year); false: the shipped default. */
  own: z.boolean(),
  /** The shipped default this row replaces, if any. */
  defaultAmount: z.number().int().nullable(),
  version: Version.nullable(),
  updatedAt: IsoDateTime.nullable(),
});
export const GrantRatesResponse = z.object({ rates: z.array(GrantRateView), mayEdit: z.boolean() });
export const PutGrantRateRequest = z
  .object({
    code: GrantCode,
    year: z.number().int().min(2000).max(2100),
    amount: z.number().int().min(0).max(100_000_000),
    source: z.string().trim().min(1).max(LIMITS.textMax),
    status: RateStatus,
    note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
    /** The version read, or null when adding a row the municipality does not have yet. */
    version: Version.nullable(),
  })
  .strict();
export const DeleteGrantRateRequest = z.object({ code: GrantCode, year: z.number().int(), version: Version }).strict();

// ---------- Settings ----------

export const GrantSettingsView = z.object({ splitRule: SplitRule, version: Version });
export const PutGrantSettingsRequest = z.object({ splitRule: SplitRule, version: Version }).strict();

// ---------- Per-person schedule ----------

export const ScheduleReason = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const ScheduleLineView = z.object({
  code: GrantCode,
  type: GrantType,
  grantYear: z.number().int().nullable(),
  calendarYear: z.number().int(),
  fullAmount: z.number().int().nullable(),
  share: z.number(),
  amount: z.number().int().nullable(),
  rateYear: z.number().int().nullable(),
  rateStatus: RateStatus.nullable(),
  carriedFrom: z.number().int().nullable(),
  terms: z.array(z.object({ term: z.string(), amount: z.number().int() })),
  notes: z.array(ScheduleReason),
});
export const GrantFactsFields = z
  .object({
    firstSettlementDate: CalendarDate.nullable().default(null),
    settledByAgreement: z.boolean().nullable().default(null),
    imdinettRegisteredDate: CalendarDate.nullable().default(null),
    sponsorFirstSettlementDate: CalendarDate.nullable().default(null),
    sponsorPermitType: PermitType.nullable().default(null),
    sponsorWasFamilyImmigrant: z.boolean().default(false),
    sponsorNordicCitizen: z.boolean().default(false),
    familyApplicationDate: CalendarDate.nullable().default(null),
    specialAgreement: z.boolean().default(false),
    movedTo: z.string().trim().min(1).max(LIMITS.nameMax).nullable().default(null),
    emigratedDate: CalendarDate.nullable().default(null),
  })
  .strict();
export const PersonGrantsView = z.object({
  personId: Uuid,
  facts: GrantFactsFields,
  factsVersion: Version.nullable(),
  /** What the schedule used that came from elsewhere in the record. */
  derived: z.object({
    settlementDate: z.string().nullable(),
    firstSettlementDate: z.string().nullable(),
    householdSize: z.number().int(),
    sponsorInRegister: z.boolean(),
    motherSettlementDate: z.string().nullable(),
    populationRegisteredDate: z.string().nullable(),
  }),
  eligible: z.boolean().nullable(),
  category: z.enum(['single_adult', 'adult_in_family', 'child', 'unaccompanied_minor']).nullable(),
  windowYears: z.number().int(),
  reasons: z.array(ScheduleReason),
  lines: z.array(ScheduleLineView),
  total: z.number().int(),
  splitRule: SplitRule,
  mayEdit: z.boolean(),
});
export const PutGrantFactsRequest = z.object({ facts: GrantFactsFields, version: Version.nullable() }).strict();

// ---------- Forecast ----------

export const Mix = z.partialRecord(z.enum(MIX_KINDS), z.number().int().min(0).max(10_000));
export const ForecastRequest = z
  .object({
    fromYear: z.number().int().min(2000).max(2100).optional(),
    years: z.number().int().min(1).max(10).default(5),
    /** Settle this many more people of this mix on this date (default 1 July of the first year). */
    whatIf: z.object({ mix: Mix, date: CalendarDate.nullable().default(null) }).strict().nullable().default(null),
    /** Include the rest of this year's settlement decision (default true). */
    includeDecision: z.boolean().default(true),
  })
  .strict();
export const ForecastYearView = z.object({ year: z.number().int(), byType: z.record(GrantType, z.number().int()), total: z.number().int() });
export const ForecastResponse = z.object({
  fromYear: z.number().int(),
  settled: z.array(ForecastYearView),
  withDecision: z.array(ForecastYearView),
  withWhatIf: z.array(ForecastYearView).nullable(),
  decision: z.object({ year: z.number().int(), decided: z.number().int().nullable(), settledAgainstDecision: z.number().int(), remainingMix: Mix }),
  people: z.number().int(),
  undetermined: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  rateWarnings: z.array(z.object({ code: GrantCode, year: z.number().int(), status: RateStatus, carriedFrom: z.number().int().nullable() })),
  missingRates: z.array(z.object({ code: GrantCode, year: z.number().int() })),
  splitRule: SplitRule,
});

// ---------- Payment lists and reconciliation ----------

export const PaymentListQuery = z
  .object({
    /** true: check and report, write nothing. */
    dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** all: nothing is written unless every line is valid; valid_only: import the valid lines. */
    mode: z.enum(['all', 'valid_only']).default('all'),
  })
  .strict();
export const LineProblem = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });
export const PaymentListImportResponse = z.object({
  dryRun: z.boolean(),
  /** The same file was imported before: nothing changed. */
  alreadyImported: z.boolean(),
  lines: z.number().int(),
  validLines: z.number().int(),
  /** Lines written now (0 on a dry run, a refused import or a file already imported). */
  imported: z.number().int(),
  /** Lines already stored from an earlier list (overlapping files). */
  alreadyStored: z.number().int(),
  problemLines: z.number().int(),
  /** Empty lines, skipped. */
  emptyLines: z.number().int(),
  /** The first 1,000 problems, each naming its line and column. */
  problems: z.array(LineProblem),
  terms: z.array(z.string()),
  listId: Uuid.nullable(),
});
export const PaymentListView = z.object({
  id: Uuid,
  fileKind: z.enum(['csv', 'xlsx']),
  lines: z.number().int(),
  importedLines: z.number().int(),
  terms: z.array(z.string()),
  importedAt: IsoDateTime,
  importedBy: z.string().nullable(),
});
export const PaymentListsResponse = z.object({ lists: z.array(PaymentListView) });

export const RECONCILIATION_REASONS = [
  'ok',
  'settlement_date_missing',
  'not_in_imdinett',
  'not_in_population_register',
  'moved',
  'emigrated',
  'deceased',
  'unknown_person',
  'duplicate_payment',
  'not_expected',
  'amount_mismatch',
  'not_paid',
] as const;
export const ReconciliationReason = z.enum(RECONCILIATION_REASONS);
export const ReconcileRequest = z.object({ year: z.number().int().min(2000).max(2100) }).strict();
export const ReconcileSummary = z.object({
  year: z.number().int(),
  reconciledAt: IsoDateTime.nullable(),
  expected: z.number(),
  paid: z.number(),
  difference: z.number(),
  /** Person-term-grant combinations where expected and paid agree (within one krone). */
  agreeing: z.number().int(),
  /** The terms reconciled: those an imported list holds. */
  terms: z.array(z.string()).default([]),
  /** Terms whose payment day has passed but no list of them is imported yet. */
  termsWithoutList: z.array(z.string()).default([]),
  byReason: z.array(z.object({ reason: ReconciliationReason, rows: z.number().int(), difference: z.number() })),
  matched: z.object({ nationalId: z.number().int(), dufNumber: z.number().int(), nameBirthDate: z.number().int(), unmatched: z.number().int() }),
});
export const ReconciliationQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    reason: ReconciliationReason.optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const ReconciliationRowView = z.object({
  id: z.number().int(),
  personId: Uuid.nullable(),
  /** The person's name from the register, or the name on IMDi's line for an unknown person. */
  name: z.string().nullable(),
  birthDate: z.string().nullable(),
  term: z.string(),
  code: GrantCode,
  expected: z.number(),
  paid: z.number(),
  difference: z.number(),
  reason: ReconciliationReason,
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export const ReconciliationResponse = z.object({ summary: ReconcileSummary, total: z.number().int(), rows: z.array(ReconciliationRowView) });
export const ReconciliationExportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

// ---------- Overview ----------

export const GrantOverviewQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
export const GrantOverviewResponse = z.object({
  year: z.number().int(),
  byType: z.array(z.object({ type: GrantType, expected: z.number(), received: z.number() })),
  expected: z.number(),
  received: z.number(),
  reconciledAt: IsoDateTime.nullable(),
  openApplications: z.number().int(),
  deadlines: z.array(z.object({ kind: z.string(), due: z.string(), title: z.string(), caseId: Uuid.nullable(), submitted: z.boolean(), amountAtRisk: z.number().nullable() })),
  moneyAtRisk: z.number(),
  rateWarnings: z.number().int(),
});
