import { z } from 'zod';
import { ACTION_KINDS, FINDING_KINDS, REVIEW_LIMITS } from '@eidor/domain';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { CalendarDate } from './people.ts';
import { DataCategory, IdParams, Role, UnitKind } from './platform.ts';

// Issue 7 § 9: the access review (tilgangskontroll) for roles with audit.read (leader, auditor).
// Every filter travels in the request body: a person is named by an opaque id, never in the URL.

export const ActionKind = z.enum(ACTION_KINDS);
export const FindingKind = z.enum(FINDING_KINDS);

const DAY_MS = 86_400_000;
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' });

/** The period (both days inclusive, Norwegian time): `to` not before `from`, at most a year. */
const Period = { from: CalendarDate, to: CalendarDate };
function periodCheck(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1 > REVIEW_LIMITS.periodDaysMax) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may be at most ${REVIEW_LIMITS.periodDaysMax} days` });
  }
}

/** Who opened which records: every filter is optional except the period. */
export const ReviewFilter = z
  .object({
    ...Period,
    userId: Uuid.optional(),
    unitId: Uuid.optional(),
    role: Role.optional(),
    /** Chosen in the person picker; an opaque id. */
    personId: Uuid.optional(),
    category: DataCategory.optional(),
    kind: ActionKind.optional(),
  })
  .strict()
  .superRefine(periodCheck);
export type ReviewFilterInput = z.input<typeof ReviewFilter>;

export const ReviewReadsRequest = z
  .object({
    filter: ReviewFilter,
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();

const Named = z.object({ id: Uuid, name: z.string() });

export const ReviewReadView = z.object({
  /** The audit row's number in insertion order. */
  id: z.number().int(),
  /** Its place in the hash chain; null for the moment between its commit and its sealing. */
  seq: z.number().int().nullable(),
  occurredAt: IsoDateTime,
  user: z.object({ id: Uuid, name: z.string(), email: z.string() }).nullable(),
  unit: Named.nullable(),
  role: z.string().nullable(),
  action: z.string(),
  kind: ActionKind,
  /** The person whose record it was; null for a search or list over many people. */
  person: Named.nullable(),
  categories: z.array(z.string()),
});
export const ReviewReadsResponse = z.object({
  items: z.array(ReviewReadView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ReviewSummaryRequest = z.object({ filter: ReviewFilter }).strict();
export const ReviewSummaryResponse = z.object({
  /** Per user: how many distinct records they opened in the period and which categories. */
  users: z.array(
    z.object({
      user: z.object({ id: Uuid, name: z.string(), email: z.string() }),
      units: z.array(z.string()),
      persons: z.number().int(),
      events: z.number().int(),
      categories: z.array(z.string()),
      first: IsoDateTime,
      last: IsoDateTime,
    }),
  ),
  /** Per person: how many users looked at the record and which categories. */
  persons: z.array(
    z.object({
      person: Named,
      users: z.number().int(),
      events: z.number().int(),
      categories: z.array(z.string()),
      last: IsoDateTime,
    }),
  ),
  /** Each list shows at most this many, most active first. */
  limit: z.number().int(),
});

export const ReviewThresholdsView = z.object({
  burstPersons: z.number().int(),
  burstMinutes: z.number().int(),
  workdayStart: z.string(),
  workdayEnd: z.string(),
  /** false: the shipped defaults apply. */
  own: z.boolean(),
  version: Version,
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
});
export const PutReviewThresholdsRequest = z
  .object({
    burstPersons: z.number().int().min(REVIEW_LIMITS.burstPersonsMin).max(REVIEW_LIMITS.burstPersonsMax),
    burstMinutes: z.number().int().min(REVIEW_LIMITS.burstMinutesMin).max(REVIEW_LIMITS.burstMinutesMax),
    workdayStart: Time,
    workdayEnd: Time,
    /** The version read; a newer one answers 409. */
    version: Version,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.workdayEnd <= v.workdayStart) ctx.addIssue({ code: 'custom', path: ['workdayEnd'], message: 'must be after workdayStart' });
  });

export const ReviewPatternsRequest = z
  .object({ filter: z.object({ ...Period, userId: Uuid.optional(), unitId: Uuid.optional() }).strict().superRefine(periodCheck) })
  .strict();

/** One unusual pattern, with what the sentence explaining it needs (the screen words it). */
export const FindingView = z.object({
  kind: FindingKind,
  user: z.object({ id: Uuid, name: z.string(), email: z.string() }).nullable(),
  unit: Named.nullable(),
  person: Named.nullable(),
  from: IsoDateTime,
  to: IsoDateTime,
  /** Distinct records (burst, after hours) or openings (special category, break-the-glass). */
  count: z.number().int(),
  categories: z.array(z.string()),
  /** Break-the-glass: the stated reason; after hours: the local day. */
  detail: z.string().nullable(),
  /** The reason in Norwegian bokmål, as the export writes it. */
  reason: z.string(),
});
export const ReviewPatternsResponse = z.object({
  thresholds: ReviewThresholdsView,
  findings: z.array(FindingView),
  /** Per kind, how many findings (the list holds at most `limit`). */
  counts: z.record(FindingKind, z.number().int()),
  limit: z.number().int(),
});

export const ReviewPersonLookupRequest = z.object({ name: z.string().trim().min(2, { message: 'must be at least 2 characters' }).max(100) }).strict();
export const ReviewPersonLookupResponse = z.object({ items: z.array(z.object({ id: Uuid, name: z.string(), birthYear: z.number().int().nullable() })) });

const ExportFormat = z.enum(['xlsx', 'csv']);
export const ReviewExportRequest = z.discriminatedUnion('what', [
  z.object({ what: z.literal('reads'), format: ExportFormat, filter: ReviewFilter }).strict(),
  z.object({ what: z.literal('patterns'), format: ExportFormat, filter: ReviewPatternsRequest.shape.filter }).strict(),
]);

export const BreakGlassReviewQuery = z
  .object({
    status: z.enum(['unreviewed', 'all']).default('unreviewed'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const BreakGlassUseView = z.object({
  id: Uuid,
  user: z.object({ id: Uuid, name: z.string(), email: z.string() }),
  unit: z.object({ id: Uuid, name: z.string(), kind: UnitKind }),
  person: Named,
  reason: z.string(),
  startedAt: IsoDateTime,
  expiresAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  /** What the user opened of the person's record during the grant, from the audit log. */
  opened: z.array(z.object({ occurredAt: IsoDateTime, action: z.string(), categories: z.array(z.string()) })),
  review: z.object({ at: IsoDateTime, by: z.string(), note: z.string() }).nullable(),
  /** false: the viewer may not mark it reviewed, with why. */
  canReview: z.boolean(),
  cannotReviewReason: z.enum(['not_leader', 'own_use', 'reviewed']).nullable(),
});
export const BreakGlassReviewResponse = z.object({
  items: z.array(BreakGlassUseView),
  total: z.number().int(),
  unreviewed: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const ReviewBreakGlassRequest = z
  .object({ note: z.string().trim().min(1, { message: 'must not be empty' }).max(2000, { message: 'must be at most 2000 characters' }) })
  .strict();

export const accessReviewEndpoints = {
  accessReviewReads: { method: 'POST', path: '/api/access-review/reads', summary: 'Who opened which records: the audit rows about people, filtered and paged (filters in the body; audited)', body: ReviewReadsRequest, status: 200, response: ReviewReadsResponse },
  accessReviewSummary: { method: 'POST', path: '/api/access-review/summary', summary: 'Per user and per person: how many records were opened in the period and which categories (audited)', body: ReviewSummaryRequest, status: 200, response: ReviewSummaryResponse },
  accessReviewPatterns: { method: 'POST', path: '/api/access-review/patterns', summary: 'Unusual patterns in the period with the reason for each: bursts, after hours, special categories outside the team, break-the-glass (audited)', body: ReviewPatternsRequest, status: 200, response: ReviewPatternsResponse },
  accessReviewPeople: { method: 'POST', path: '/api/access-review/people', summary: 'The person picker of the review: people by name (body, never the URL; audited)', body: ReviewPersonLookupRequest, status: 200, response: ReviewPersonLookupResponse },
  accessReviewExport: { method: 'POST', path: '/api/access-review/export', summary: 'The filtered list or the findings as XLSX or CSV, streamed, with the filter and the time of export (audited)', body: ReviewExportRequest, status: 200 },
  accessReviewThresholds: { method: 'GET', path: '/api/access-review/thresholds', summary: "The municipality's thresholds for the patterns", status: 200, response: ReviewThresholdsView },
  putAccessReviewThresholds: { method: 'PUT', path: '/api/access-review/thresholds', summary: 'Set the thresholds for the patterns (leader; audited)', body: PutReviewThresholdsRequest, status: 200, response: ReviewThresholdsView },
  breakGlassReviews: { method: 'GET', path: '/api/access-review/break-glass', summary: 'Break-the-glass uses, unreviewed first, with what was opened during each (audited)', query: BreakGlassReviewQuery, status: 200, response: BreakGlassReviewResponse },
  reviewBreakGlass: { method: 'POST', path: '/api/access-review/break-glass/:id/review', summary: 'Mark a break-the-glass use reviewed with a note (a leader other than its user; audited)', params: IdParams, body: ReviewBreakGlassRequest, status: 200, response: BreakGlassUseView },
} as const;
