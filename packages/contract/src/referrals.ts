import { z } from 'zod';
import { BREAK_GLASS_REASON_MIN, LEGAL_BASES, REFERRAL_STATUSES } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { CalendarDate } from './people.ts';
import { DataCategory, IdParams, UnitKind } from './platform.ts';

// Issue 7 §§ 2–4: referrals between units, consent records and break-the-glass access.

export const REFERRAL_LIMITS = {
  reasonMax: 4000,
  requestedHelpMax: 4000,
  answerMax: 2000,
  outcomeMax: 4000,
  purposeMax: 1000,
  nameMax: 200,
  attachmentsMax: 20,
  breakGlassReasonMin: BREAK_GLASS_REASON_MIN,
  breakGlassReasonMax: 1000,
} as const;

const Text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` });
const Categories = z
  .array(DataCategory)
  .min(1, { message: 'name at least one category' })
  .refine((xs) => new Set(xs).size === xs.length, { message: 'must not repeat a category' });

export const LegalBasis = z.enum(LEGAL_BASES);
export const ReferralStatus = z.enum(REFERRAL_STATUSES);

// ---------- referrals ----------

export const CreateReferralRequest = z
  .object({
    /** The sending unit (one of the actor's); by default the unit through which the actor works with the person. */
    fromUnitId: Uuid.nullable().default(null),
    toUnitId: Uuid,
    reason: Text(REFERRAL_LIMITS.reasonMax),
    requestedHelp: Text(REFERRAL_LIMITS.requestedHelpMax),
    /** What the receiver needs to see (identity is always included). */
    categories: Categories,
    legalBasis: LegalBasis,
    /** Required when the legal basis is consent: an active consent covering the receiver and the categories. */
    consentId: Uuid.nullable().default(null),
    /** Journal documents of the person sent with the referral. */
    attachmentIds: z.array(Uuid).max(REFERRAL_LIMITS.attachmentsMax).default([]),
    dueDate: CalendarDate.nullable().default(null),
  })
  .strict();

export const AnswerReferralRequest = z
  .object({
    decision: z.enum(['accept', 'decline']),
    /** Required when declining; optional note when accepting. */
    reason: z.string().trim().max(REFERRAL_LIMITS.answerMax).nullable().default(null),
    version: Version,
  })
  .strict();

export const CloseReferralRequest = z.object({ outcome: Text(REFERRAL_LIMITS.outcomeMax), version: Version }).strict();
export const WithdrawReferralRequest = z.object({ reason: Text(REFERRAL_LIMITS.answerMax), version: Version }).strict();

export const UnitRef = z.object({ id: Uuid, name: z.string(), kind: UnitKind });

export const ReferralView = z.object({
  id: Uuid,
  /** Name and birth date are null when withheld (see `withheld`). */
  person: z.object({ id: Uuid, name: z.string().nullable(), birthDate: z.string().nullable() }),
  from: UnitRef,
  to: UnitRef,
  /** Null when withheld (see `withheld`). */
  reason: z.string().nullable(),
  requestedHelp: z.string().nullable(),
  categories: z.array(DataCategory),
  legalBasis: LegalBasis,
  consent: z.object({ id: Uuid, purpose: z.string().nullable(), state: z.enum(['pending', 'active', 'expired', 'withdrawn']) }).nullable(),
  attachments: z.array(z.object({ id: Uuid, fileName: z.string(), category: z.string() })),
  dueDate: z.string().nullable(),
  status: ReferralStatus,
  sentAt: IsoDateTime,
  sentBy: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
  answeredBy: z.string().nullable(),
  answerReason: z.string().nullable(),
  endedAt: IsoDateTime.nullable(),
  endedBy: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Does the referral give the receiver access right now (accepted, and its consent, if any, in force)? */
  givesAccess: z.boolean(),
  version: Version,
  /**
   * What the reader may not see: the person (the receiving unit once the referral is declined, withdrawn
   * or closed, or its consent ended) and the texts and attachments (also the sending side, when it may
   * not read every category the referral names).
   */
  withheld: z.object({ person: z.boolean(), details: z.boolean() }),
  /** Which side the actor is on, and what they may do now. */
  side: z.array(z.enum(['sender', 'receiver'])),
  can: z.object({ accept: z.boolean(), decline: z.boolean(), close: z.boolean(), withdraw: z.boolean() }),
});

export const ReferralOptions = z.object({
  /** The units the actor may send from. */
  fromUnits: z.array(UnitRef),
  /** Every other active unit, with the categories a referral to it may name. */
  receivers: z.array(UnitRef.extend({ categories: z.array(DataCategory) })),
  /** The person's consents in force now, for a referral on consent. */
  consents: z.array(z.object({ id: Uuid, purpose: z.string(), categories: z.array(DataCategory), unitIds: z.array(Uuid), validUntil: z.string() })),
  /** The person's documents the actor may read, to attach. */
  documents: z.array(z.object({ id: Uuid, fileName: z.string(), category: z.string(), dataCategory: DataCategory })),
});

export const PersonReferralsView = z.object({
  personId: Uuid,
  items: z.array(ReferralView),
  can: z.object({ send: z.boolean() }),
  /** Present when the actor may send. */
  options: ReferralOptions.nullable(),
});

export const ReferralListQuery = z
  .object({
    box: z.enum(['in', 'out']).default('in'),
    status: z.enum(['open', 'all']).default('open'),
  })
  .strict();
export const ReferralListView = z.object({ items: z.array(ReferralView) });

// ---------- consent ----------

export const ConsentGiver = z.enum(['person', 'guardian']);

export const CreateConsentRequest = z
  .object({
    givenBy: ConsentGiver,
    /** The guardian's name, when a guardian gave the consent. */
    guardianName: z.string().trim().max(REFERRAL_LIMITS.nameMax).nullable().default(null),
    purpose: Text(REFERRAL_LIMITS.purposeMax),
    categories: Categories,
    unitIds: z.array(Uuid).min(1, { message: 'name at least one unit' }).max(50),
    validFrom: CalendarDate,
    validUntil: CalendarDate,
  })
  .strict()
  .superRefine((v, c) => {
    if (v.validUntil < v.validFrom) c.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
    if (v.givenBy === 'guardian' && !v.guardianName) c.addIssue({ code: 'custom', path: ['guardianName'], message: "the guardian's name is required" });
    if (v.givenBy === 'person' && v.guardianName) c.addIssue({ code: 'custom', path: ['guardianName'], message: 'only when a guardian gave the consent' });
    if (new Set(v.unitIds).size !== v.unitIds.length) c.addIssue({ code: 'custom', path: ['unitIds'], message: 'must not repeat a unit' });
  });

export const ConsentWithdrawalRequest = z
  .object({
    withdrawnOn: CalendarDate,
    withdrawnBy: ConsentGiver,
    withdrawnByName: z.string().trim().max(REFERRAL_LIMITS.nameMax).nullable().default(null),
    version: Version,
  })
  .strict()
  .superRefine((v, c) => {
    if (v.withdrawnBy === 'guardian' && !v.withdrawnByName) c.addIssue({ code: 'custom', path: ['withdrawnByName'], message: "the guardian's name is required" });
  });

export const ConsentView = z.object({
  id: Uuid,
  personId: Uuid,
  givenBy: ConsentGiver,
  guardianName: z.string().nullable(),
  purpose: z.string(),
  categories: z.array(DataCategory),
  units: z.array(UnitRef),
  validFrom: z.string(),
  validUntil: z.string(),
  state: z.enum(['pending', 'active', 'expired', 'withdrawn']),
  recordedAt: IsoDateTime,
  recordedBy: z.string().nullable(),
  withdrawal: z
    .object({ on: z.string(), by: ConsentGiver, byName: z.string().nullable(), recordedAt: IsoDateTime, recordedBy: z.string().nullable() })
    .nullable(),
  version: Version,
  canWithdraw: z.boolean(),
});

export const PersonConsentsView = z.object({
  personId: Uuid,
  /** The consents the actor may see: their categories are all readable to the actor, or they cover one of its units. */
  items: z.array(ConsentView),
  /** How many other consents the person has (not shown). */
  hidden: z.number().int().nonnegative(),
  can: z.object({ record: z.boolean() }),
  /** Units a consent may cover. */
  units: z.array(UnitRef),
});

// ---------- break-the-glass ----------

export const BreakGlassRequest = z
  .object({
    /** The person's fødselsnummer, D-nummer or DUF number, typed in full (a body field, never in the URL). */
    idNumber: z.string().trim().min(1, { message: 'must not be empty' }).max(40),
    reason: z
      .string()
      .trim()
      .min(REFERRAL_LIMITS.breakGlassReasonMin, { message: `must be at least ${REFERRAL_LIMITS.breakGlassReasonMin} characters` })
      .max(REFERRAL_LIMITS.breakGlassReasonMax),
  })
  .strict();

export const BreakGlassGrantView = z.object({ id: Uuid, personId: Uuid, startedAt: IsoDateTime, expiresAt: IsoDateTime, endedAt: IsoDateTime.nullable(), reason: z.string() });
export const ActiveBreakGlassView = z.object({ active: BreakGlassGrantView.nullable() });

export const referralEndpoints = {
  personReferrals: { method: 'GET', path: '/api/referrals/persons/:id', summary: "A person's referrals the actor's units sent or received, with what a new one may name (audited)", params: IdParams, status: 200, response: PersonReferralsView },
  createReferral: { method: 'POST', path: '/api/referrals/persons/:id', summary: 'Send a referral about a person to another unit, on a legal basis or consent (audited; a task for the receiver)', params: IdParams, body: CreateReferralRequest, status: 201, response: ReferralView },
  unitReferrals: { method: 'GET', path: '/api/referrals', summary: "The referrals the actor's units received (in) or sent (out) (audited)", query: ReferralListQuery, status: 200, response: ReferralListView },
  getReferral: { method: 'GET', path: '/api/referrals/:id', summary: 'One referral, to its sending or receiving unit (audited)', params: IdParams, status: 200, response: ReferralView },
  answerReferral: { method: 'POST', path: '/api/referrals/:id/answer', summary: 'The receiving unit accepts (access begins) or declines with a reason (audited)', params: IdParams, body: AnswerReferralRequest, status: 200, response: ReferralView },
  closeReferral: { method: 'POST', path: '/api/referrals/:id/close', summary: 'Close an accepted referral with its outcome; access ends at once (audited)', params: IdParams, body: CloseReferralRequest, status: 200, response: ReferralView },
  withdrawReferral: { method: 'POST', path: '/api/referrals/:id/withdraw', summary: 'The sending unit withdraws a referral; access ends at once (audited)', params: IdParams, body: WithdrawReferralRequest, status: 200, response: ReferralView },
  personConsents: { method: 'GET', path: '/api/consents/persons/:id', summary: "A person's consent records (audited)", params: IdParams, status: 200, response: PersonConsentsView },
  createConsent: { method: 'POST', path: '/api/consents/persons/:id', summary: 'Record a consent: who gave it, purpose, categories, units, validity (audited)', params: IdParams, body: CreateConsentRequest, status: 201, response: ConsentView },
  withdrawConsent: { method: 'POST', path: '/api/consents/:id/withdraw', summary: 'Record the withdrawal of a consent; the access it gave ends at once (audited)', params: IdParams, body: ConsentWithdrawalRequest, status: 200, response: ConsentView },
  breakGlass: { method: 'POST', path: '/api/break-glass', summary: 'Break-the-glass: read access to a person outside one\'s reach for 3 hours, with a reason (audited, reviewed, the coordinator notified)', body: BreakGlassRequest, status: 201, response: BreakGlassGrantView },
  activeBreakGlass: { method: 'GET', path: '/api/break-glass/persons/:id', summary: "The actor's own break-the-glass grant on a person in force now, if any", params: IdParams, status: 200, response: ActiveBreakGlassView },
  endBreakGlass: { method: 'POST', path: '/api/break-glass/:id/end', summary: 'End one\'s own break-the-glass grant early (audited)', params: IdParams, status: 200, response: BreakGlassGrantView },
} as const;
