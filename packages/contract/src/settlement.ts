import { z } from 'zod';
import {
  DWELLING_KINDS,
  NEXT_STEPS,
  PIPELINE_STAGES,
  SETTLED_CATEGORIES,
  TASK_CONDITIONS,
  TASK_SCOPES,
  UNIT_KINDS,
} from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';
import { ArrivalCategory, CalendarDate, HouseholdRole } from './people.ts';
import { DataCategory } from './platform.ts';

const Count = z.number().int().min(0).max(100_000);
const Text = (max: number) => z.string().trim().min(1).max(max);
const Money = z.number().int().min(0).max(10_000_000);

// ---------- Yearly numbers ----------

export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const SettlementYearFields = z
  .object({
    requestedTotal: Count.nullable().default(null),
    requestedUnaccompanied: Count.nullable().default(null),
    decidedTotal: Count.nullable().default(null),
    acceptsUnaccompanied: z.boolean().nullable().default(null),
    decidedUnaccompanied: Count.nullable().default(null),
    decisionDate: CalendarDate.nullable().default(null),
    decisionBody: Text(200).nullable().default(null),
    sentToImdiDate: CalendarDate.nullable().default(null),
    imdinettRegistered: z.boolean().default(false),
    extraCapacity: Count.nullable().default(null),
    note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  })
  .strict();
/** version null creates the year; a number edits it. */
export const PutSettlementYearRequest = z.object({ fields: SettlementYearFields, version: Version.nullable() }).strict();

export const SettledCategory = z.enum(SETTLED_CATEGORIES);
export const SettlementYearView = SettlementYearFields.extend({
  year: z.number().int(),
  version: Version.nullable(),
  settled: z.record(SettledCategory, z.number().int()),
  uncategorised: z.number().int(),
  counted: z.number().int(),
  unaccompanied: z.number().int(),
  remaining: z.number().int().nullable(),
  remainingUnaccompanied: z.number().int().nullable(),
  share: z.number().nullable(),
});
export type SettlementYearView = z.infer<typeof SettlementYearView>;
export const SettlementYearsResponse = z.object({
  items: z.array(SettlementYearView),
  can: z.object({ edit: z.boolean() }),
});

// ---------- Pipeline ----------

export const PipelineStage = z.enum(PIPELINE_STAGES);
export const NextStep = z.enum(NEXT_STEPS);

export const Timing = z.object({
  targetMonths: z.union([z.literal(3), z.literal(6)]),
  permitDate: z.string().nullable(),
  targetDate: z.string().nullable(),
  settledOn: z.string().nullable(),
  days: z.number().int().nullable(),
  status: z.enum(['no_permit', 'within', 'late', 'settled_within', 'settled_late']),
});

export const PipelineItem = z.object({
  id: Uuid,
  householdId: Uuid,
  householdName: z.string(),
  imdiReference: z.string().nullable(),
  memberCount: z.number().int(),
  stage: PipelineStage,
  nextStep: NextStep.nullable(),
  nextStepDue: z.string().nullable(),
  overdue: z.boolean(),
  offeredDate: z.string(),
  plannedArrivalDate: z.string().nullable(),
  timing: Timing,
});
export type PipelineItem = z.infer<typeof PipelineItem>;

export const PipelineQuery = z
  .object({
    stage: PipelineStage.optional(),
    /** Include households registered or declined more than 90 days ago. */
    includeFinished: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export const PipelineResponse = z.object({
  items: z.array(PipelineItem),
  counts: z.record(PipelineStage, z.number().int()),
  can: z.object({ edit: z.boolean(), import: z.boolean() }),
});

export const CreateCaseRequest = z
  .object({
    householdId: Uuid,
    imdiReference: Text(40).nullable().default(null),
    offeredDate: CalendarDate,
  })
  .strict();

export const CaseMemberFacts = z
  .object({
    personId: Uuid,
    settlementDate: CalendarDate.nullable(),
    populationRegisteredDate: CalendarDate.nullable(),
  })
  .strict();

export const UpdateCaseRequest = z
  .object({
    imdiReference: Text(40).nullable(),
    offeredDate: CalendarDate,
    response: z.enum(['accepted', 'declined']).nullable(),
    responseDate: CalendarDate.nullable(),
    declineReason: Text(LIMITS.textMax).nullable(),
    imdiDecisionDate: CalendarDate.nullable(),
    plannedArrivalDate: CalendarDate.nullable(),
    members: z.array(CaseMemberFacts).max(30),
    version: Version,
  })
  .strict();

export const TaskStatus = z.enum(['open', 'done', 'skipped']);

export const TaskView = z.object({
  id: Uuid,
  kind: z.string(),
  itemKey: z.string(),
  title: z.string(),
  /** The values a translated title needs (grant year, reminder number …); null when the title is the municipality's own text. */
  titleParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  description: z.string().nullable(),
  legalBasis: z.string().nullable(),
  category: DataCategory,
  personId: Uuid.nullable(),
  personName: z.string().nullable(),
  householdId: Uuid.nullable(),
  householdName: z.string().nullable(),
  dwellingId: Uuid.nullable(),
  dwellingAddress: z.string().nullable(),
  ownerUnitId: Uuid,
  ownerUnitName: z.string(),
  assigneeUserId: Uuid.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  status: TaskStatus,
  skipReason: z.string().nullable(),
  completedAt: IsoDateTime.nullable(),
  version: Version,
  can: z.object({ act: z.boolean() }),
});
export type TaskView = z.infer<typeof TaskView>;

export const CaseMemberView = z.object({
  personId: Uuid,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  householdRole: HouseholdRole.nullable(),
  arrivalCategory: ArrivalCategory.nullable(),
  permitDate: z.string().nullable(),
  settlementDate: z.string().nullable(),
  populationRegisteredDate: z.string().nullable(),
  status: z.string(),
});

export const CaseAllocation = z.object({ id: Uuid, dwellingId: Uuid, address: z.string(), fromDate: z.string(), toDate: z.string().nullable() });

export const CaseView = z.object({
  id: Uuid,
  householdId: Uuid,
  householdName: z.string(),
  imdiReference: z.string().nullable(),
  offeredDate: z.string(),
  response: z.enum(['accepted', 'declined']).nullable(),
  responseDate: z.string().nullable(),
  declineReason: z.string().nullable(),
  imdiDecisionDate: z.string().nullable(),
  plannedArrivalDate: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  stage: PipelineStage,
  nextStep: NextStep.nullable(),
  nextStepDue: z.string().nullable(),
  timing: Timing,
  members: z.array(CaseMemberView),
  allocations: z.array(CaseAllocation),
  tasks: z.array(TaskView),
  version: Version,
  can: z.object({ edit: z.boolean() }),
});
export type CaseView = z.infer<typeof CaseView>;

// ---------- Import of IMDi's distribution list ----------

/** The columns of a distribution-list CSV file (docs/imports.md). */
export const DISTRIBUTION_LIST_COLUMNS = [
  'imdi_reference',
  'offered_date',
  'given_name',
  'family_name',
  'birth_date',
  'sex',
  'household_role',
  'duf_number',
  'arrival_category',
  'permit_type',
  'permit_date',
  'nationality',
  'languages',
] as const;
export const REQUIRED_IMPORT_COLUMNS = ['imdi_reference', 'offered_date', 'given_name', 'family_name', 'birth_date', 'sex', 'household_role'] as const;

export const ImportDistributionListRequest = z
  .object({
    /** The file's text (UTF-8; a byte-order mark is ignored; comma or semicolon separated). */
    csv: z.string().min(1).max(2_000_000),
    /** all: nothing is written unless every row is valid; valid_only: import the valid households. */
    mode: z.enum(['all', 'valid_only']).default('all'),
    /** true: check and report, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export const ImportProblem = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });
export const ImportDistributionListResponse = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  households: z.number().int(),
  imported: z.object({ households: z.number().int(), persons: z.number().int() }),
  problems: z.array(ImportProblem),
  caseIds: z.array(Uuid),
});

// ---------- Family reunification ----------

export const ReunificationRelation = z.enum(['spouse', 'child', 'parent', 'sibling', 'other']);
export const ReunificationStatus = z.enum(['expected', 'arrived', 'withdrawn', 'refused']);
export const ReunificationFields = z
  .object({
    sponsorPersonId: Uuid,
    expectedName: Text(LIMITS.personNameMax * 2).regex(/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u, { message: 'may contain only letters, spaces, hyphens, apostrophes and dots' }),
    relation: ReunificationRelation,
    birthDate: CalendarDate.nullable().default(null),
    applicationDate: CalendarDate.nullable().default(null),
    expectedArrivalDate: CalendarDate.nullable().default(null),
    status: ReunificationStatus.default('expected'),
    arrivedPersonId: Uuid.nullable().default(null),
    note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  })
  .strict();
export const CreateReunificationRequest = ReunificationFields;
export const UpdateReunificationRequest = z.object({ fields: ReunificationFields, version: Version }).strict();
export const ReunificationView = z.object({
  id: Uuid,
  sponsorPersonId: Uuid,
  sponsorName: z.string(),
  sponsorFirstSettlement: z.string().nullable(),
  expectedName: z.string(),
  relation: ReunificationRelation,
  birthDate: z.string().nullable(),
  applicationDate: z.string().nullable(),
  expectedArrivalDate: z.string().nullable(),
  status: ReunificationStatus,
  arrivedPersonId: Uuid.nullable(),
  note: z.string().nullable(),
  /** The day five years after the sponsor's first settlement; after it, no integration grant. */
  grantLimitDate: z.string().nullable(),
  grantLimitExceeded: z.boolean().nullable(),
  version: Version,
});
export const ReunificationListResponse = z.object({ items: z.array(ReunificationView), can: z.object({ edit: z.boolean() }) });

// ---------- Housing ----------

export const DwellingKind = z.enum(DWELLING_KINDS);
export const DwellingFields = z
  .object({
    address: Text(200),
    postalCode: z.string().regex(/^\d{4}$/, { message: 'must be four digits' }).nullable().default(null),
    kind: DwellingKind,
    rooms: z.number().int().min(1).max(20),
    sizeM2: z.number().int().min(5).max(1000).nullable().default(null),
    monthlyRent: Money,
    landlord: Text(200).nullable().default(null),
    leaseStart: CalendarDate,
    leaseEnd: CalendarDate.nullable().default(null),
    status: z.enum(['active', 'terminated']).default('active'),
    note: z.string().trim().max(LIMITS.textMax).nullable().default(null),
  })
  .strict();
export const CreateDwellingRequest = DwellingFields;
export const UpdateDwellingRequest = z.object({ fields: DwellingFields, version: Version }).strict();

export const AllocationView = z.object({
  id: Uuid,
  dwellingId: Uuid,
  householdId: Uuid,
  householdName: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  version: Version,
});
export const DwellingView = DwellingFields.extend({
  id: Uuid,
  version: Version,
  occupied: z.boolean(),
  currentHouseholdId: Uuid.nullable(),
  currentHouseholdName: z.string().nullable(),
  leaseWarning: z.boolean(),
  allocations: z.array(AllocationView),
  can: z.object({ edit: z.boolean() }),
});
export type DwellingView = z.infer<typeof DwellingView>;
export const DwellingListResponse = z.object({ items: z.array(DwellingView.omit({ allocations: true })), can: z.object({ create: z.boolean() }) });

export const CreateAllocationRequest = z
  .object({ householdId: Uuid, fromDate: CalendarDate, toDate: CalendarDate.nullable().default(null) })
  .strict();
export const UpdateAllocationRequest = z.object({ toDate: CalendarDate.nullable(), version: Version }).strict();

export const VacancyQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
export const VacancyResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  vacant: z.array(z.object({ id: Uuid, address: z.string(), kind: DwellingKind, rooms: z.number().int(), monthlyRent: z.number().int(), vacantSince: z.string().nullable() })),
  /** Cost of empty waiting dwellings, per month of the year (index 0 = January), in kroner. */
  waitingCostByMonth: z.array(z.number()),
  waitingCostYear: z.number(),
  /** What the waiting dwellings empty today cost per month. */
  waitingCostPerMonthNow: z.number(),
});

// ---------- Checklist template ----------

export const ChecklistItemSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'must be lower-case letters, digits and _' }),
    title: Text(200),
    description: z.string().trim().max(1000).default(''),
    ownerUnitKind: z.enum(UNIT_KINDS),
    scope: z.enum(TASK_SCOPES),
    condition: z.enum(TASK_CONDITIONS),
    dueOffsetMonths: z.number().int().min(0).max(24),
    dueOffsetDays: z.number().int().min(-30).max(365),
  })
  .strict();
export const ChecklistTemplateView = z.object({ items: z.array(ChecklistItemSchema), version: Version, can: z.object({ edit: z.boolean() }) });
export const PutChecklistTemplateRequest = z
  .object({ items: z.array(ChecklistItemSchema).min(1).max(100), version: Version })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((it, i) => {
      if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: 'is used twice' });
      seen.add(it.key);
    });
  });

// ---------- Work queue ----------

export const TaskQuery = z
  .object({
    scope: z.enum(['mine', 'unit']).default('unit'),
    kind: z.string().regex(/^[a-z_.]{1,60}$/).optional(),
    status: TaskStatus.default('open'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const TaskListResponse = z.object({
  items: z.array(TaskView),
  total: z.number().int(),
  overdue: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  kinds: z.array(z.string()),
});

export const TaskActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('done'), version: Version }).strict(),
  z.object({ action: z.literal('skip'), reason: Text(LIMITS.textMax), version: Version }).strict(),
  z.object({ action: z.literal('reopen'), version: Version }).strict(),
  z.object({ action: z.literal('reassign'), ownerUnitId: Uuid, assigneeUserId: Uuid.nullable(), version: Version }).strict(),
]);
