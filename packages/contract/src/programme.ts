import { z } from 'zod';
import { ABSENCE_KINDS, COMPULSORY_ELEMENTS, ELIGIBILITY, PARTICIPANT_GROUPS } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';
import { CalendarDate } from './people.ts';

export const Regime = z.enum(['introl', 'integl', '6a']);
export const ParticipantGroup = z.enum(PARTICIPANT_GROUPS);
export const CompulsoryElement = z.enum(COMPULSORY_ELEMENTS);
export const ProgrammeStatus = z.enum(['planned', 'active', 'suspended', 'ended']);
export const AttendanceAbsence = z.enum([...ABSENCE_KINDS, 'leave_without_benefit']);

export const ProgrammeFields = z
  .object({
    requestDate: CalendarDate.nullable().default(null),
    participantGroup: ParticipantGroup.nullable().default(null),
    livesWithParents: z.boolean().default(false),
    coupleBothParticipantsNoChildren: z.boolean().default(false),
    hasChildrenOrExpecting: z.boolean().default(false),
    skillsMappingDate: CalendarDate.nullable().default(null),
    careerGuidanceDate: CalendarDate.nullable().default(null),
    decisionDate: CalendarDate.nullable().default(null),
    startDate: CalendarDate.nullable().default(null),
    endGoal: z.string().trim().min(1).max(LIMITS.textMax).nullable().default(null),
    plannedMonths: z.number().int().min(1).max(48).nullable().default(null),
    extensionMonths: z.number().int().min(0).max(24).default(0),
    extensionReason: z.string().trim().max(LIMITS.textMax).nullable().default(null),
    weeklyHours: z.number().min(0).max(60).multipleOf(0.5).nullable().default(null),
    hoursReason: z.string().trim().max(LIMITS.textMax).nullable().default(null),
    elements: z.partialRecord(CompulsoryElement, z.boolean()).default({}),
    status: ProgrammeStatus.default('planned'),
    endDate: CalendarDate.nullable().default(null),
    endReason: z.string().trim().max(200).nullable().default(null),
    mainActivity: z.string().trim().max(200).nullable().default(null),
  })
  .strict();
export const PutProgrammeRequest = z.object({ fields: ProgrammeFields, version: Version.nullable() }).strict();

export const ProgrammeDeadline = z.object({
  key: z.enum(['skills_mapping', 'programme_decision', 'programme_start', 'residence_limit', 'nir_registration']),
  due: z.string(),
  done: z.boolean(),
  overdue: z.boolean(),
  legalBasis: z.string(),
});

export const ProgrammeView = z.object({
  personId: Uuid,
  eligibility: z.object({ regime: Regime.nullable(), status: z.enum(ELIGIBILITY), reasons: z.array(z.string()), residenceLimit: z.string().nullable() }),
  deadlines: z.array(ProgrammeDeadline),
  fields: ProgrammeFields,
  compulsory: z.array(z.object({ element: CompulsoryElement, done: z.boolean() })),
  lengthRule: z.object({ minMonths: z.number(), maxMonths: z.number(), maxExtensionMonths: z.number(), basis: z.string() }).nullable(),
  counters: z.object({ selfCertifications: z.number(), selfCertificationsLimit: z.number(), childSickDays: z.number(), childSickDaysLimit: z.number(), unexcusedDays: z.number() }),
  version: Version.nullable(),
  updatedAt: IsoDateTime.nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

// ---------- Attendance ----------

export const WeekQuery = z.object({ weekStart: CalendarDate }).strict();
export const AttendanceDay = z
  .object({
    day: CalendarDate,
    plannedHours: z.number().min(0).max(24).multipleOf(0.25),
    presentHours: z.number().min(0).max(24).multipleOf(0.25),
    absenceKind: AttendanceAbsence.nullable().default(null),
  })
  .strict();
export const WeekGridRequest = z
  .object({
    weekStart: CalendarDate,
    rows: z.array(z.object({ personId: Uuid, days: z.array(AttendanceDay).max(7) }).strict()).min(1).max(60),
  })
  .strict();
export const WeekGridResponse = z.object({
  weekStart: z.string(),
  rows: z.array(
    z.object({
      personId: Uuid,
      name: z.string(),
      programmeStart: z.string().nullable(),
      programmeEnd: z.string().nullable(),
      weeklyHours: z.number().nullable(),
      days: z.array(z.object({ day: z.string(), plannedHours: z.number(), presentHours: z.number(), absenceKind: AttendanceAbsence.nullable() })),
    }),
  ),
  saved: z.number().int(),
});

// ---------- Benefit ----------

export const MonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' }) }).strict();
export const BenefitLine = z.object({ code: z.string(), text: z.string(), amount: z.number().int() });
export const BenefitView = z.object({
  personId: Uuid,
  month: z.string(),
  lines: z.array(BenefitLine),
  gross: z.number().int(),
  absenceDeduction: z.number().int(),
  coordinationDeduction: z.number().int(),
  recovered: z.number().int(),
  net: z.number().int(),
  decisionRequired: z.boolean(),
});

export const PaymentRunStatus = z.enum(['prepared', 'approved', 'exported']);
export const PrepareRunRequest = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' }) }).strict();
export const PaymentRunSummary = z.object({
  id: Uuid,
  month: z.string(),
  status: PaymentRunStatus,
  participants: z.number().int(),
  totalNet: z.number().int(),
  preparedAt: IsoDateTime,
  preparedBy: z.string().nullable(),
  approvedAt: IsoDateTime.nullable(),
  approvedBy: z.string().nullable(),
  exportedAt: IsoDateTime.nullable(),
  version: Version,
});
export const PaymentRunView = PaymentRunSummary.extend({
  lines: z.array(
    z.object({
      personId: Uuid,
      name: z.string(),
      gross: z.number().int(),
      absenceDeduction: z.number().int(),
      coordinationDeduction: z.number().int(),
      recovered: z.number().int(),
      net: z.number().int(),
      decisionRequired: z.boolean(),
      lines: z.array(BenefitLine),
    }),
  ),
  can: z.object({ approve: z.boolean(), export: z.boolean(), prepareAgain: z.boolean() }),
});
export const PaymentRunListResponse = z.object({ items: z.array(PaymentRunSummary), can: z.object({ prepare: z.boolean() }) });
export const RunActionRequest = z
  .object({
    version: Version,
    /** Approving a run with deductions that need an individual decision: confirms the decisions are made. */
    decisionsMade: z.boolean().default(false),
  })
  .strict();
/** The payroll file (docs/payroll.md): CSV text and a file name. */
export const PayrollExport = z.object({ filename: z.string(), csv: z.string(), run: PaymentRunSummary });
