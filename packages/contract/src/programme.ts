import { z } from 'zod';
import { ABSENCE_KINDS, AGE_GROUPS, COMPULSORY_ELEMENTS, ELIGIBILITY, END_REASONS, MAIN_ACTIVITIES, PARTICIPANT_GROUPS } from '@eidor/domain';
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
    endReason: z.enum(END_REASONS).nullable().default(null),
    mainActivity: z.enum(MAIN_ACTIVITIES).nullable().default(null),
    /** What the participant does one year after the end (results). */
    followUpActivity: z.enum(MAIN_ACTIVITIES).nullable().default(null),
    followUpDate: CalendarDate.nullable().default(null),
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

export const WeekQuery = z
  .object({
    weekStart: CalendarDate,
    /** A class or group: the participants on this unit's team (e.g. an adult-education class). */
    unitId: Uuid.optional(),
  })
  .strict();
/** Hours of one day spent on (or absent from) one measure of the integration plan in force that day. */
export const AttendanceMeasure = z
  .object({
    planId: Uuid,
    /** The measure's position in the plan's list (0-based); an adopted plan never changes. */
    measureNo: z.number().int().min(0).max(29),
    presentHours: z.number().min(0).max(24).multipleOf(0.25),
    absentHours: z.number().min(0).max(24).multipleOf(0.25).default(0),
    /** The absence of these hours; null = the day's kind. Only the day's kind or unexcused. */
    absenceKind: AttendanceAbsence.nullable().default(null),
  })
  .strict();
export const AttendanceDay = z
  .object({
    day: CalendarDate,
    plannedHours: z.number().min(0).max(24).multipleOf(0.25),
    presentHours: z.number().min(0).max(24).multipleOf(0.25),
    absenceKind: AttendanceAbsence.nullable().default(null),
    /** Hours per measure; omitted = the stored split is kept (and must still fit the day). */
    measures: z.array(AttendanceMeasure).max(30).optional(),
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
      days: z.array(
        z.object({
          day: z.string(),
          plannedHours: z.number(),
          presentHours: z.number(),
          absenceKind: AttendanceAbsence.nullable(),
          measures: z.array(z.object({ planId: Uuid, measureNo: z.number().int(), presentHours: z.number(), absentHours: z.number(), absenceKind: AttendanceAbsence.nullable() })),
        }),
      ),
      /** The measures of the integration plan(s) in force during the week that run on one of its days. */
      measures: z.array(z.object({ planId: Uuid, measureNo: z.number().int(), type: z.string(), description: z.string(), from: z.string(), to: z.string(), hoursPerWeek: z.number() })),
      /** Rolling 12-month absence counters at the end of the week. */
      counters: z.object({ selfCertifications: z.number(), selfCertificationsLimit: z.number(), childSickDays: z.number(), childSickDaysLimit: z.number(), unexcusedDays: z.number() }),
    }),
  ),
  /** Classes or groups to choose from: units on the teams of the week's participants. */
  groups: z.array(z.object({ unitId: Uuid, name: z.string(), participants: z.number().int() })),
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

// ---------- Integration plan ----------

export const PlanMeasure = z
  .object({
    type: z.enum(['norwegian', 'social_studies', 'life_skills', 'parenting_course', 'work_practice', 'education', 'job_training', 'other']),
    description: z.string().trim().min(1).max(500),
    providerUnitId: Uuid.nullable().default(null),
    from: CalendarDate,
    to: CalendarDate,
    hoursPerWeek: z.number().min(0.5).max(40).multipleOf(0.5),
  })
  .strict();
export const PlanDraftRequest = z
  .object({
    goals: z.array(z.string().trim().min(1).max(500)).min(1).max(10),
    norwegianGoal: z.string().trim().min(1).max(200),
    measures: z.array(PlanMeasure).min(1).max(30),
    changeReason: z.string().trim().max(LIMITS.textMax).nullable().default(null),
    /** A significant change needs a new decision (enkeltvedtak) with complaint information. */
    significant: z.boolean().default(true),
  })
  .strict();
export const AdoptPlanRequest = z.object({ decisionDate: CalendarDate, reviewDue: CalendarDate.nullable().default(null), version: Version }).strict();
export const PlanView = z.object({
  id: Uuid,
  planNo: z.number().int(),
  status: z.enum(['draft', 'adopted', 'superseded']),
  goals: z.array(z.string()),
  norwegianGoal: z.string().nullable(),
  measures: z.array(PlanMeasure),
  changeReason: z.string().nullable(),
  significant: z.boolean(),
  decisionDate: z.string().nullable(),
  reviewDue: z.string().nullable(),
  complaintInfo: z.string().nullable(),
  createdAt: IsoDateTime,
  adoptedAt: IsoDateTime.nullable(),
  version: Version,
});
export const PlanListResponse = z.object({ items: z.array(PlanView), can: z.object({ edit: z.boolean() }) });

// ---------- Other benefits and overpayments ----------

export const OtherBenefitKind = z.enum(['dagpenger', 'sykepenger', 'foreldrepenger', 'arbeidsavklaringspenger', 'uforetrygd', 'overgangsstonad', 'barnetrygd', 'kontantstotte', 'wages']);
export const OtherBenefitEntry = z
  .object({
    kind: OtherBenefitKind,
    /** øre per month */
    monthlyAmount: z.number().int().min(0).max(100_000_000),
    earnedBeforeProgramme: z.boolean().default(false),
    from: CalendarDate,
    to: CalendarDate.nullable().default(null),
  })
  .strict();
export const PutOtherBenefitsRequest = z.object({ items: z.array(OtherBenefitEntry).max(20) }).strict();
export const OtherBenefitsResponse = z.object({ items: z.array(OtherBenefitEntry) });

export const CreateOverpaymentRequest = z
  .object({ amount: z.number().int().min(1).max(100_000_000), reason: z.string().trim().min(1).max(LIMITS.textMax), recoverPerMonth: z.number().int().min(1).max(100_000_000) })
  .strict();
export const OverpaymentView = z.object({
  id: Uuid,
  amount: z.number().int(),
  reason: z.string(),
  recoverPerMonth: z.number().int(),
  recovered: z.number().int(),
  outstanding: z.number().int(),
  status: z.enum(['open', 'recovered', 'claimed', 'written_off']),
  createdAt: IsoDateTime,
});
export const OverpaymentListResponse = z.object({ items: z.array(OverpaymentView), outstanding: z.number().int() });

// ---------- Results and NIR ----------

const ResultCell = z.object({ ended: z.number().int(), inWorkOrEducation: z.number().int(), share: z.number().nullable() });
export const ResultsResponse = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      total: ResultCell,
      bySex: z.record(z.string(), ResultCell),
      byAge: z.record(z.enum(AGE_GROUPS), ResultCell),
      missingEndReason: z.number().int(),
      missingEndReasonShare: z.number().nullable(),
      followUp: z.object({ registered: z.number().int(), inWorkOrEducation: z.number().int() }),
    }),
  ),
});
export const NirExport = z.object({ filename: z.string(), csv: z.string(), participants: z.number().int() });
export const NirCompareRequest = z.object({ csv: z.string().min(1).max(5_000_000) }).strict();
export const NirCompareResponse = z.object({
  matched: z.number().int(),
  differences: z.array(
    z.object({
      line: z.number().int().nullable(),
      personId: Uuid.nullable(),
      name: z.string().nullable(),
      field: z.string(),
      eidor: z.string().nullable(),
      nir: z.string().nullable(),
    }),
  ),
  problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
});

// ---------- Letters ----------

export const LETTER_KINDS = ['programme_decision', 'integration_plan', 'deduction', 'suspension', 'ending', 'participant_certificate'] as const;
export const LetterParams = z.object({ id: Uuid, kind: z.enum(LETTER_KINDS) }).strict();
export const LetterQuery = z
  .object({
    lang: z.enum(['nb', 'nn']).default('nb'),
    /** For a deduction letter: the month of the payment. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' }).optional(),
  })
  .strict();
