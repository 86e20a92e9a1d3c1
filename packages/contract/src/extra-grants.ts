import { z } from 'zod';
import {
  CONSENT_SIGNERS,
  EXTRA_GRANT_CHECKLIST,
  EXTRA_GRANT_KINDS,
  EXTRA_GRANT_REQUEST_KINDS,
  EXTRA_GRANT_STATUSES,
  type ExtraGrantChecklistKey,
} from '@eidor/domain';
import type { Endpoint } from './api.ts';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { LIMITS } from './limits.ts';
import { CalendarDate } from './people.ts';
import { IdParams, UnitKind } from './platform.ts';

// Extra grants (tilskudd 1 and 2, FHT1/FHT2): the grant coordinator's case workflow (issue 6, point 5).
// Amounts are integer øre. Request answers are special-category data: the server sends them only to
// the coordinator and to the unit the request was sent to.

export const ExtraGrantKind = z.enum(EXTRA_GRANT_KINDS);
export const ExtraGrantStatus = z.enum(EXTRA_GRANT_STATUSES);
export const ExtraGrantRequestKind = z.enum(EXTRA_GRANT_REQUEST_KINDS);
export const ConsentSigner = z.enum(CONSENT_SIGNERS);
export const ExtraGrantSignal = z.enum(['health_team', 'ppt_team', 'child_welfare_team', 'health_task']);

const Text = z.string().trim().max(LIMITS.textMax);
const LongText = z.string().trim().max(LIMITS.textMax * 4);
const Ore = z.number().int().min(0).max(1_000_000_000_00);

export const ExtraGrantChecklist = z
  .object(Object.fromEntries(EXTRA_GRANT_CHECKLIST.map((k) => [k, LongText.optional()])) as Record<ExtraGrantChecklistKey, z.ZodOptional<typeof LongText>>)
  .strict();

// ---------- list and suggestions ----------

export const ExtraGrantCaseListItem = z.object({
  id: Uuid,
  personId: Uuid,
  name: z.string(),
  status: z.enum(['open', 'closed']),
  consent: z.boolean(),
  openRequests: z.number(),
  applications: z.array(z.object({ grantYear: z.number(), kind: ExtraGrantKind, status: ExtraGrantStatus })),
  nextDeadline: z.object({ due: z.string(), grantYear: z.number(), overdue: z.boolean() }).nullable(),
});
export const ExtraGrantCaseListResponse = z.object({ items: z.array(ExtraGrantCaseListItem) });

export const ExtraGrantSuggestion = z.object({
  personId: Uuid,
  name: z.string(),
  birthDate: z.string(),
  firstSettlementDate: z.string(),
  signals: z.array(ExtraGrantSignal),
  firstDeadline: z.string(),
});
export const ExtraGrantSuggestionsResponse = z.object({ items: z.array(ExtraGrantSuggestion) });

// ---------- the case ----------

export const CreateExtraGrantCaseRequest = z.object({ personId: Uuid, signal: ExtraGrantSignal.nullable().default(null) }).strict();
export const PutExtraGrantChecklistRequest = z.object({ checklist: ExtraGrantChecklist, version: Version }).strict();
export const RecordConsentRequest = z
  .object({
    signedBy: ConsentSigner,
    signerName: z.string().trim().min(1).max(LIMITS.nameMax),
    scope: z.array(UnitKind).max(12),
    scopeNote: Text.nullable().default(null),
    consentDate: CalendarDate,
  })
  .strict();
export const WithdrawConsentRequest = z.object({ withdrawnDate: CalendarDate }).strict();
export const SendRequestRequest = z
  .object({ unitId: Uuid, kind: ExtraGrantRequestKind, message: z.string().trim().min(1).max(LIMITS.textMax), dueDate: CalendarDate })
  .strict();
export const RemindRequestRequest = z.object({ version: Version }).strict();
export const AddCostLineRequest = z
  .object({
    unitId: Uuid,
    grantYear: z.number().int(),
    description: z.string().trim().min(1).max(LIMITS.textMax),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code' }).default('NOK'),
    estimate: Ore,
    actual: Ore.nullable().default(null),
  })
  .strict();
export const UpdateCostLineRequest = AddCostLineRequest.omit({ unitId: true, grantYear: true }).extend({ version: Version }).strict();
export const CreateApplicationRequest = z.object({ grantYear: z.number().int(), kind: ExtraGrantKind }).strict();
export const ApplicationActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('request_postponement'), requestedDate: CalendarDate, until: CalendarDate, version: Version }).strict(),
  z.object({ action: z.literal('record_postponement'), granted: z.boolean(), version: Version }).strict(),
  z.object({ action: z.literal('submit'), submittedDate: CalendarDate, version: Version }).strict(),
  z.object({ action: z.literal('decide'), outcome: z.enum(['granted', 'partly_granted', 'rejected']), grantedAmount: Ore.nullable().default(null), decisionDate: CalendarDate, version: Version }).strict(),
  z.object({ action: z.literal('appeal'), appealDate: CalendarDate, version: Version }).strict(),
  z.object({ action: z.literal('report_costs'), reportedDate: CalendarDate, version: Version }).strict(),
]);
export const ExtraGrantPdfQuery = z
  .object({ lang: z.enum(['nb', 'nn']).default('nb'), document: z.enum(['application', 'cost_report']).default('application') })
  .strict();

export const ExtraGrantConsentView = z.object({
  id: Uuid,
  signedBy: ConsentSigner,
  signerName: z.string(),
  scope: z.array(UnitKind),
  scopeNote: z.string().nullable(),
  consentDate: z.string(),
  withdrawnDate: z.string().nullable(),
  recordedAt: IsoDateTime,
});

export const ExtraGrantRequestSummary = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  unitKind: UnitKind,
  kind: ExtraGrantRequestKind,
  message: z.string(),
  dueDate: z.string(),
  status: z.enum(['sent', 'answered']),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  costEstimate: z.number().nullable(),
  informant: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
  reminders: z.number(),
  sentAt: IsoDateTime,
  version: Version,
});

export const ExtraGrantCostLineView = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  grantYear: z.number(),
  description: z.string(),
  currency: z.literal('NOK'),
  estimate: z.number(),
  actual: z.number().nullable(),
  version: Version,
});

export const ExtraGrantApplicationView = z.object({
  id: Uuid,
  grantYear: z.number(),
  calendarYear: z.number(),
  kind: ExtraGrantKind,
  code: z.enum(['FHT1', 'FHT2']),
  status: ExtraGrantStatus,
  deadline: z.string(),
  deadlineRule: z.string(),
  effectiveDeadline: z.string(),
  overdue: z.boolean(),
  postponement: z.object({ status: z.enum(['requested', 'granted', 'refused']), requestedDate: z.string().nullable(), until: z.string() }).nullable(),
  submittedDate: z.string().nullable(),
  totalEstimate: z.number(),
  totalActual: z.number().nullable(),
  cap: z.object({ amount: z.number(), status: z.enum(['verified', 'unverified', 'estimate']), source: z.string() }).nullable(),
  appliedAmount: z.number(),
  capped: z.boolean(),
  grantedAmount: z.number().nullable(),
  decisionDate: z.string().nullable(),
  appealDate: z.string().nullable(),
  costsReportedDate: z.string().nullable(),
  /** The granted amount shared by the units in proportion to their estimated costs. */
  distribution: z.array(z.object({ unitId: Uuid, unitName: z.string(), cost: z.number(), share: z.number(), actual: z.number().nullable() })),
  version: Version,
  can: z.object({ requestPostponement: z.boolean(), recordPostponement: z.boolean(), submit: z.boolean(), decide: z.boolean(), appeal: z.boolean(), reportCosts: z.boolean() }),
});

export const ExtraGrantCaseView = z.object({
  id: Uuid,
  personId: Uuid,
  person: z.object({
    name: z.string(),
    birthDate: z.string(),
    unaccompaniedMinor: z.boolean(),
    firstSettlementDate: z.string().nullable(),
  }),
  status: z.enum(['open', 'closed']),
  signal: ExtraGrantSignal.nullable(),
  checklist: ExtraGrantChecklist,
  lastGrantYear: z.number(),
  lastGrantYearRule: z.string(),
  /** The first application's deadline (year 1 or 2) while no application exists. */
  firstDeadline: z.string().nullable(),
  consents: z.array(ExtraGrantConsentView),
  consentInForce: z.boolean(),
  requests: z.array(ExtraGrantRequestSummary),
  costLines: z.array(ExtraGrantCostLineView),
  applications: z.array(ExtraGrantApplicationView),
  openedAt: IsoDateTime,
  version: Version,
  can: z.object({ edit: z.boolean() }),
});
export type ExtraGrantCaseView = z.infer<typeof ExtraGrantCaseView>;
export type ExtraGrantApplicationView = z.infer<typeof ExtraGrantApplicationView>;

// ---------- the unit's side ----------

export const ExtraGrantInboxItem = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  personName: z.string(),
  kind: ExtraGrantRequestKind,
  dueDate: z.string(),
  status: z.enum(['sent', 'answered']),
  overdue: z.boolean(),
});
export const ExtraGrantInboxResponse = z.object({ items: z.array(ExtraGrantInboxItem) });

export const ExtraGrantRequestView = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  person: z.object({ name: z.string(), birthDate: z.string() }),
  kind: ExtraGrantRequestKind,
  message: z.string(),
  dueDate: z.string(),
  status: z.enum(['sent', 'answered']),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  costEstimate: z.number().nullable(),
  informant: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
  version: Version,
  can: z.object({ answer: z.boolean() }),
});
export type ExtraGrantRequestView = z.infer<typeof ExtraGrantRequestView>;
export const AnswerRequestRequest = z
  .object({
    answer: z.string().trim().min(1).max(LIMITS.textMax * 4),
    costEstimate: Ore.nullable().default(null),
    informant: z.string().trim().min(1).max(LIMITS.nameMax),
    version: Version,
  })
  .strict();

const e = <T extends Endpoint>(x: T) => x;

/** The extra-grant endpoints; spread into `api`. */
export const extraGrantEndpoints = {
  listExtraGrantCases: e({ method: 'GET', path: '/api/extra-grants/cases', summary: 'Extra-grant cases with their next deadline (audited)', status: 200, response: ExtraGrantCaseListResponse }),
  extraGrantSuggestions: e({ method: 'GET', path: '/api/extra-grants/suggestions', summary: 'People to consider for an extra grant, from signals in the register (audited)', status: 200, response: ExtraGrantSuggestionsResponse }),
  createExtraGrantCase: e({ method: 'POST', path: '/api/extra-grants/cases', summary: 'Open an extra-grant case for a person', body: CreateExtraGrantCaseRequest, status: 201, response: ExtraGrantCaseView }),
  getExtraGrantCase: e({ method: 'GET', path: '/api/extra-grants/cases/:id', summary: 'An extra-grant case: checklist, consent, requests and answers, costs, applications (audited)', params: IdParams, status: 200, response: ExtraGrantCaseView }),
  putExtraGrantChecklist: e({ method: 'PUT', path: '/api/extra-grants/cases/:id/checklist', summary: "The coordinator's checklist", params: IdParams, body: PutExtraGrantChecklistRequest, status: 200, response: ExtraGrantCaseView }),
  recordExtraGrantConsent: e({ method: 'POST', path: '/api/extra-grants/cases/:id/consents', summary: 'Record informed consent: by whom, scope, date', params: IdParams, body: RecordConsentRequest, status: 200, response: ExtraGrantCaseView }),
  withdrawExtraGrantConsent: e({ method: 'POST', path: '/api/extra-grants/consents/:id/withdraw', summary: 'Record that a consent was withdrawn: no new requests under it', params: IdParams, body: WithdrawConsentRequest, status: 200, response: ExtraGrantCaseView }),
  sendExtraGrantRequest: e({ method: 'POST', path: '/api/extra-grants/cases/:id/requests', summary: 'Send a documentation or cost request to a unit (needs consent covering it)', params: IdParams, body: SendRequestRequest, status: 200, response: ExtraGrantCaseView }),
  remindExtraGrantRequest: e({ method: 'POST', path: '/api/extra-grants/requests/:id/remind', summary: 'Remind the unit of an unanswered request', params: IdParams, body: RemindRequestRequest, status: 200, response: ExtraGrantCaseView }),
  addExtraGrantCostLine: e({ method: 'POST', path: '/api/extra-grants/cases/:id/cost-lines', summary: "A unit's cost for a grant year (NOK)", params: IdParams, body: AddCostLineRequest, status: 200, response: ExtraGrantCaseView }),
  updateExtraGrantCostLine: e({ method: 'PUT', path: '/api/extra-grants/cost-lines/:id', summary: 'Change a cost line: estimate, later the actual cost', params: IdParams, body: UpdateCostLineRequest, status: 200, response: ExtraGrantCaseView }),
  createExtraGrantApplication: e({ method: 'POST', path: '/api/extra-grants/cases/:id/applications', summary: 'Start the application for a grant year (tilskudd 1 or 2); its deadline goes on the queue', params: IdParams, body: CreateApplicationRequest, status: 200, response: ExtraGrantCaseView }),
  actOnExtraGrantApplication: e({ method: 'POST', path: '/api/extra-grants/applications/:id', summary: 'Postponement, submission, decision, appeal, report of actual costs', params: IdParams, body: ApplicationActionRequest, status: 200, response: ExtraGrantCaseView }),
  extraGrantApplicationPdf: e({ method: 'GET', path: '/api/extra-grants/applications/:id/pdf', summary: "The application (answers and cost overview) or the report of actual costs as one PDF for IMDi's portal", params: IdParams, query: ExtraGrantPdfQuery, status: 200 }),
  extraGrantInbox: e({ method: 'GET', path: '/api/extra-grants/inbox', summary: "Requests sent to the user's units", status: 200, response: ExtraGrantInboxResponse }),
  getExtraGrantRequest: e({ method: 'GET', path: '/api/extra-grants/requests/:id', summary: "One request, for the unit it was sent to (audited)", params: IdParams, status: 200, response: ExtraGrantRequestView }),
  answerExtraGrantRequest: e({ method: 'POST', path: '/api/extra-grants/requests/:id/answer', summary: 'The unit answers its request: documentation, cost estimate, who gave the information', params: IdParams, body: AnswerRequestRequest, status: 200, response: ExtraGrantRequestView }),
} as const;
