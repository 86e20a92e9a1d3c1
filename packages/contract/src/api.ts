import type { z } from 'zod';
import * as p from './platform.ts';
import * as pp from './people.ts';
import * as st from './settlement.ts';
import * as pr from './programme.ts';
import * as gr from './grants.ts';
import { extraGrantEndpoints } from './extra-grants.ts';
import { journalEndpoints } from './journal.ts';
import { notificationEndpoints } from './notifications.ts';
import { referralEndpoints } from './referrals.ts';
import { personOverviewEndpoints } from './person-overview.ts';
import { groupEndpoints } from './groups.ts';
import { accessReviewEndpoints } from './access-review.ts';

/** One endpoint: method, path, request schemas and the success response schema. */
export type Endpoint = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** true: no session needed. */
  public?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  status: 200 | 201 | 204 | 302;
  response?: z.ZodType;
  /** Bytes the request body may have (default 64 KiB). */
  bodyLimit?: number;
  /** A raw upload: the body is the file itself, in one of these content types (no JSON schema). */
  upload?: readonly string[];
};

const e = <T extends Endpoint>(x: T) => x;

/** The API, one entry per endpoint. Server routes and the web client are both typed from this. */
export const api = {
  grantRates: e({ method: 'GET', path: '/api/grants/rates', summary: 'The grant rate tables: shipped defaults with source and status, and the municipality\'s own rows', status: 200, response: gr.GrantRatesResponse }),
  putGrantRate: e({ method: 'PUT', path: '/api/grants/rates', summary: 'Correct a rate or add a year (audited)', body: gr.PutGrantRateRequest, status: 200, response: gr.GrantRatesResponse }),
  deleteGrantRate: e({ method: 'POST', path: '/api/grants/rates/revert', summary: "Remove the municipality's own row: the shipped default applies again (audited)", body: gr.DeleteGrantRateRequest, status: 200, response: gr.GrantRatesResponse }),
  grantSettings: e({ method: 'GET', path: '/api/grants/settings', summary: 'Grant settings (the split rule for moves)', status: 200, response: gr.GrantSettingsView }),
  putGrantSettings: e({ method: 'PUT', path: '/api/grants/settings', summary: 'Change the grant settings (audited)', body: gr.PutGrantSettingsRequest, status: 200, response: gr.GrantSettingsView }),
  personGrants: e({ method: 'GET', path: '/api/grants/persons/:id', summary: "A person's grant schedule with the reasons, and the grant facts (audited)", params: p.IdParams, status: 200, response: gr.PersonGrantsView }),
  putPersonGrantFacts: e({ method: 'PUT', path: '/api/grants/persons/:id', summary: "Record a person's grant facts (first settlement in Norway, sponsor, IMDinett, moves)", params: p.IdParams, body: gr.PutGrantFactsRequest, status: 200, response: gr.PersonGrantsView }),
  grantForecast: e({ method: 'POST', path: '/api/grants/forecast', summary: 'Expected grant income per type for this year and the next, with the decision and a what-if', body: gr.ForecastRequest, status: 200, response: gr.ForecastResponse }),
  importPaymentList: e({ method: 'POST', path: '/api/grants/payment-lists', summary: "Import IMDi's payment list (the file as the body: CSV or XLSX); a report per line", query: gr.PaymentListQuery, status: 200, response: gr.PaymentListImportResponse, bodyLimit: 64 * 1024 * 1024, upload: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] }),
  listPaymentLists: e({ method: 'GET', path: '/api/grants/payment-lists', summary: 'Payment lists imported', status: 200, response: gr.PaymentListsResponse }),
  reconcileGrants: e({ method: 'POST', path: '/api/grants/reconcile', summary: "Match the year's payment lines to people and compare with what was expected", body: gr.ReconcileRequest, status: 200, response: gr.ReconcileSummary }),
  grantReconciliation: e({ method: 'GET', path: '/api/grants/reconciliation', summary: 'Expected vs paid per person and term, and why they differ (audited)', query: gr.ReconciliationQuery, status: 200, response: gr.ReconciliationResponse }),
  exportReconciliation: e({ method: 'GET', path: '/api/grants/reconciliation/export', summary: 'The differences as a worksheet (XLSX) for change requests to IMDi (audited)', query: gr.ReconciliationExportQuery, status: 200 }),
  grantOverview: e({ method: 'GET', path: '/api/grants/overview', summary: 'Expected vs received per type, open applications, deadlines and money at risk', query: gr.GrantOverviewQuery, status: 200, response: gr.GrantOverviewResponse }),

  health: e({ method: 'GET', path: '/api/health', summary: 'Liveness, database kind and migration version', public: true, status: 200, response: p.HealthResponse }),

  csrf: e({ method: 'GET', path: '/api/auth/csrf', summary: 'Pre-session CSRF token (double submit)', public: true, status: 200, response: p.CsrfResponse }),
  signIn: e({ method: 'POST', path: '/api/auth/sign-in', summary: 'Sign in with e-mail and password', public: true, body: p.SignInRequest, status: 200, response: p.SignInResponse }),
  verifyTotp: e({ method: 'POST', path: '/api/auth/totp', summary: 'Second factor after a password sign-in', public: true, body: p.TotpVerifyRequest, status: 200, response: p.SessionView }),
  session: e({ method: 'GET', path: '/api/auth/session', summary: 'The current session', status: 200, response: p.SessionView }),
  signOut: e({ method: 'POST', path: '/api/auth/sign-out', summary: 'End this session', status: 204 }),
  signOutEverywhere: e({ method: 'POST', path: '/api/auth/sign-out-everywhere', summary: "End all of the user's sessions", status: 204 }),
  totpSetup: e({ method: 'POST', path: '/api/auth/totp/setup', summary: 'Start enrolling a TOTP second factor', status: 200, response: p.TotpSetupResponse }),
  totpEnable: e({ method: 'POST', path: '/api/auth/totp/enable', summary: 'Confirm TOTP enrolment with a code', body: p.TotpEnableRequest, status: 204 }),
  totpDisable: e({ method: 'POST', path: '/api/auth/totp/disable', summary: 'Remove the TOTP second factor', body: p.TotpDisableRequest, status: 204 }),
  oidcConfig: e({ method: 'GET', path: '/api/auth/oidc', summary: 'Whether single sign-on is switched on', public: true, status: 200, response: p.OidcConfigResponse }),

  listUnits: e({ method: 'GET', path: '/api/units', summary: 'Units of the municipality', status: 200, response: p.UnitListResponse }),
  createUnit: e({ method: 'POST', path: '/api/units', summary: 'Create a unit', body: p.CreateUnitRequest, status: 201, response: p.UnitView }),
  updateUnit: e({ method: 'PATCH', path: '/api/units/:id', summary: 'Rename, re-kind or deactivate a unit', params: p.IdParams, body: p.UpdateUnitRequest, status: 200, response: p.UnitView }),

  listUsers: e({ method: 'GET', path: '/api/users', summary: 'Users of the municipality', status: 200, response: p.UserListResponse }),
  inviteUser: e({ method: 'POST', path: '/api/users', summary: 'Invite a user (one-time link by e-mail)', body: p.InviteUserRequest, status: 201, response: p.UserView }),
  setUserRoles: e({ method: 'PUT', path: '/api/users/:id/roles', summary: "Replace a user's roles", params: p.IdParams, body: p.SetRolesRequest, status: 200, response: p.UserView }),
  disableUser: e({ method: 'POST', path: '/api/users/:id/disable', summary: 'Disable a user; their sessions end at once', params: p.IdParams, body: p.VersionRequest, status: 200, response: p.UserView }),
  enableUser: e({ method: 'POST', path: '/api/users/:id/enable', summary: 'Enable a disabled user', params: p.IdParams, body: p.VersionRequest, status: 200, response: p.UserView }),

  lookupInvitation: e({ method: 'POST', path: '/api/invitations/lookup', summary: 'What an invitation is for', public: true, body: p.InvitationLookupRequest, status: 200, response: p.InvitationView }),
  acceptInvitation: e({ method: 'POST', path: '/api/invitations/accept', summary: 'Accept an invitation and set a password', public: true, body: p.AcceptInvitationRequest, status: 200, response: p.SessionView }),

  devMailbox: e({ method: 'GET', path: '/api/dev/mailbox', summary: 'Development mailbox (outbox), not in production', public: true, status: 200, response: p.MailboxResponse }),

  listAudit: e({ method: 'GET', path: '/api/audit', summary: 'The audit log, filtered', query: p.AuditQuery, status: 200, response: p.AuditListResponse }),
  searchPeople: e({ method: 'POST', path: '/api/persons/search', summary: 'Find people by any spelling, birth date, id or DUF number (body, never the URL)', body: pp.SearchPeopleRequest, status: 200, response: pp.SearchPeopleResponse }),
  checkDuplicates: e({ method: 'POST', path: '/api/persons/duplicates', summary: 'Likely duplicates of a person about to be registered', body: pp.DuplicateCheckRequest, status: 200, response: pp.DuplicateCheckResponse }),
  createPerson: e({ method: 'POST', path: '/api/persons', summary: 'Register a person', body: pp.CreatePersonRequest, status: 201, response: pp.PersonView }),
  getPerson: e({ method: 'GET', path: '/api/persons/:id', summary: 'A person, with only the sections the actor may see (audited)', params: p.IdParams, status: 200, response: pp.PersonView }),
  updatePerson: e({ method: 'PUT', path: '/api/persons/:id', summary: 'Edit a person (with the version read)', params: p.IdParams, body: pp.UpdatePersonRequest, status: 200, response: pp.PersonView }),
  setPersonTeam: e({ method: 'PUT', path: '/api/persons/:id/team', summary: "Set the units on a person's team", params: p.IdParams, body: pp.SetTeamRequest, status: 200, response: pp.PersonView }),
  personHistory: e({ method: 'GET', path: '/api/persons/:id/history', summary: 'Every change of a person', params: p.IdParams, status: 200, response: pp.HistoryResponse }),
  personAccessLog: e({ method: 'GET', path: '/api/persons/:id/access-log', summary: 'Who has looked at this record', params: p.IdParams, status: 200, response: pp.AccessLogResponse }),
  createHousehold: e({ method: 'POST', path: '/api/households', summary: 'Create an empty household', body: pp.CreateHouseholdRequest, status: 201, response: pp.HouseholdView }),
  getHousehold: e({ method: 'GET', path: '/api/households/:id', summary: 'A household and the members the actor may see', params: p.IdParams, status: 200, response: pp.HouseholdView }),
  updateHousehold: e({ method: 'PATCH', path: '/api/households/:id', summary: 'Rename a household', params: p.IdParams, body: pp.UpdateHouseholdRequest, status: 200, response: pp.HouseholdView }),

  listSettlementYears: e({ method: 'GET', path: '/api/settlement/years', summary: 'Yearly numbers: IMDi request, council decision and settled per category', status: 200, response: st.SettlementYearsResponse }),
  putSettlementYear: e({ method: 'PUT', path: '/api/settlement/years/:year', summary: "Record IMDi's request and the council's decision for a year", params: st.YearParams, body: st.PutSettlementYearRequest, status: 200, response: st.SettlementYearView }),

  listPipeline: e({ method: 'GET', path: '/api/settlement/pipeline', summary: "Every household's stage, next step and due date", query: st.PipelineQuery, status: 200, response: st.PipelineResponse }),
  createSettlementCase: e({ method: 'POST', path: '/api/settlement/cases', summary: "A household offered on IMDi's distribution list (entered by hand)", body: st.CreateCaseRequest, status: 201, response: st.CaseView }),
  importDistributionList: e({ method: 'POST', path: '/api/settlement/cases/import', summary: "Import IMDi's distribution list (CSV; all rows or none unless valid_only)", body: st.ImportDistributionListRequest, status: 200, response: st.ImportDistributionListResponse, bodyLimit: 8 * 1024 * 1024 }),
  getSettlementCase: e({ method: 'GET', path: '/api/settlement/cases/:id', summary: "A household's pipeline with members, dwelling and tasks (audited)", params: p.IdParams, status: 200, response: st.CaseView }),
  updateSettlementCase: e({ method: 'PUT', path: '/api/settlement/cases/:id', summary: 'Record the dated facts of the pipeline; settling creates the first weeks\' tasks', params: p.IdParams, body: st.UpdateCaseRequest, status: 200, response: st.CaseView }),

  listReunifications: e({ method: 'GET', path: '/api/settlement/reunifications', summary: 'Expected family reunifications with the five-year grant rule', status: 200, response: st.ReunificationListResponse }),
  createReunification: e({ method: 'POST', path: '/api/settlement/reunifications', summary: 'Record an expected family member of a sponsor', body: st.CreateReunificationRequest, status: 201, response: st.ReunificationView }),
  updateReunification: e({ method: 'PUT', path: '/api/settlement/reunifications/:id', summary: 'Edit an expected family reunification', params: p.IdParams, body: st.UpdateReunificationRequest, status: 200, response: st.ReunificationView }),

  listDwellings: e({ method: 'GET', path: '/api/housing/dwellings', summary: 'The register of dwellings with occupancy and lease warnings', status: 200, response: st.DwellingListResponse }),
  createDwelling: e({ method: 'POST', path: '/api/housing/dwellings', summary: 'Add a dwelling', body: st.CreateDwellingRequest, status: 201, response: st.DwellingView }),
  getDwelling: e({ method: 'GET', path: '/api/housing/dwellings/:id', summary: 'A dwelling and its allocations', params: p.IdParams, status: 200, response: st.DwellingView }),
  updateDwelling: e({ method: 'PUT', path: '/api/housing/dwellings/:id', summary: 'Edit a dwelling', params: p.IdParams, body: st.UpdateDwellingRequest, status: 200, response: st.DwellingView }),
  allocateDwelling: e({ method: 'POST', path: '/api/housing/dwellings/:id/allocations', summary: 'Allocate a dwelling to a household (no overlapping periods)', params: p.IdParams, body: st.CreateAllocationRequest, status: 201, response: st.DwellingView }),
  updateAllocation: e({ method: 'PUT', path: '/api/housing/allocations/:id', summary: 'End or change the end of an allocation', params: p.IdParams, body: st.UpdateAllocationRequest, status: 200, response: st.DwellingView }),
  housingVacancy: e({ method: 'GET', path: '/api/housing/vacancy', summary: 'Vacant dwellings and the cost of empty waiting dwellings', query: st.VacancyQuery, status: 200, response: st.VacancyResponse }),

  getChecklistTemplate: e({ method: 'GET', path: '/api/settlement/checklist-template', summary: "The municipality's first-weeks checklist", status: 200, response: st.ChecklistTemplateView }),
  putChecklistTemplate: e({ method: 'PUT', path: '/api/settlement/checklist-template', summary: "Replace the municipality's first-weeks checklist", body: st.PutChecklistTemplateRequest, status: 200, response: st.ChecklistTemplateView }),

  listTasks: e({ method: 'GET', path: '/api/tasks', summary: "The work queue: my tasks or my units' tasks, due first", query: st.TaskQuery, status: 200, response: st.TaskListResponse }),
  actOnTask: e({ method: 'POST', path: '/api/tasks/:id', summary: 'Mark a task done, skip it with a reason, reopen or reassign it', params: p.IdParams, body: st.TaskActionRequest, status: 200, response: st.TaskView }),

  getProgramme: e({ method: 'GET', path: '/api/programme/persons/:id', summary: "A person's programme: eligibility with reasons, deadlines, decision, compulsory elements, absence counters (audited)", params: p.IdParams, status: 200, response: pr.ProgrammeView }),
  putProgramme: e({ method: 'PUT', path: '/api/programme/persons/:id', summary: 'Record the programme decision and its changes (length, hours, elements, ending)', params: p.IdParams, body: pr.PutProgrammeRequest, status: 200, response: pr.ProgrammeView }),
  getAttendanceWeek: e({ method: 'GET', path: '/api/programme/attendance', summary: "A week's attendance grid for the participants the user follows", query: pr.WeekQuery, status: 200, response: pr.WeekGridResponse }),
  saveAttendanceWeek: e({ method: 'PUT', path: '/api/programme/attendance', summary: 'Save a week grid for a class or group at once (all or nothing)', body: pr.WeekGridRequest, status: 200, response: pr.WeekGridResponse }),
  getBenefit: e({ method: 'GET', path: '/api/programme/persons/:id/benefit', summary: "A participant's benefit for a month, line by line", params: p.IdParams, query: pr.MonthQuery, status: 200, response: pr.BenefitView }),
  listPlans: e({ method: 'GET', path: '/api/programme/persons/:id/plans', summary: 'Every version of the integration plan (audited)', params: p.IdParams, status: 200, response: pr.PlanListResponse }),
  draftPlan: e({ method: 'POST', path: '/api/programme/persons/:id/plans', summary: 'A new draft version of the integration plan, or the pending draft changed', params: p.IdParams, body: pr.PlanDraftRequest, status: 201, response: pr.PlanView }),
  adoptPlan: e({ method: 'POST', path: '/api/programme/plans/:id/adopt', summary: 'Adopt a draft: a formal decision with complaint information; the review goes on the queue', params: p.IdParams, body: pr.AdoptPlanRequest, status: 200, response: pr.PlanView }),
  getOtherBenefits: e({ method: 'GET', path: '/api/programme/persons/:id/other-benefits', summary: 'Other benefits the introduction benefit is coordinated with', params: p.IdParams, status: 200, response: pr.OtherBenefitsResponse }),
  putOtherBenefits: e({ method: 'PUT', path: '/api/programme/persons/:id/other-benefits', summary: 'Replace the other benefits of a participant', params: p.IdParams, body: pr.PutOtherBenefitsRequest, status: 200, response: pr.OtherBenefitsResponse }),
  listOverpayments: e({ method: 'GET', path: '/api/programme/persons/:id/overpayments', summary: "A participant's overpayment ledger", params: p.IdParams, status: 200, response: pr.OverpaymentListResponse }),
  createOverpayment: e({ method: 'POST', path: '/api/programme/persons/:id/overpayments', summary: 'Record an overpayment to recover from future payments', params: p.IdParams, body: pr.CreateOverpaymentRequest, status: 201, response: pr.OverpaymentListResponse }),
  programmeResults: e({ method: 'GET', path: '/api/programme/results', summary: 'Results: share ending in work or education by year, sex and age group; missing end reasons; follow-up', status: 200, response: pr.ResultsResponse }),
  nirExport: e({ method: 'POST', path: '/api/programme/nir-export', summary: 'Everything NIR requires, as a CSV file (docs/nir.md)', status: 200, response: pr.NirExport }),
  nirCompare: e({ method: 'POST', path: '/api/programme/nir-compare', summary: "Compare with NIR's participant list (CSV) and list every difference", body: pr.NirCompareRequest, status: 200, response: pr.NirCompareResponse, bodyLimit: 16 * 1024 * 1024 }),
  programmeLetter: e({ method: 'GET', path: '/api/programme/persons/:id/letters/:kind', summary: 'A decision letter or the participant certificate as PDF (bokmål or nynorsk), with legal basis and complaint information', params: pr.LetterParams, query: pr.LetterQuery, status: 200 }),
  listPaymentRuns: e({ method: 'GET', path: '/api/payment-runs', summary: 'Monthly payment runs', status: 200, response: pr.PaymentRunListResponse }),
  preparePaymentRun: e({ method: 'POST', path: '/api/payment-runs', summary: "Prepare (or prepare again) a month's payment run for every participant", body: pr.PrepareRunRequest, status: 201, response: pr.PaymentRunView }),
  getPaymentRun: e({ method: 'GET', path: '/api/payment-runs/:id', summary: 'A payment run with every line explained (audited)', params: p.IdParams, status: 200, response: pr.PaymentRunView }),
  approvePaymentRun: e({ method: 'POST', path: '/api/payment-runs/:id/approve', summary: 'Approve a prepared run (someone other than who prepared it)', params: p.IdParams, body: pr.RunActionRequest, status: 200, response: pr.PaymentRunView }),
  exportPaymentRun: e({ method: 'POST', path: '/api/payment-runs/:id/export', summary: 'Export an approved run as the payroll file and lock the month', params: p.IdParams, body: pr.RunActionRequest, status: 200, response: pr.PayrollExport }),

  verifyAudit: e({ method: 'POST', path: '/api/audit/verify', summary: "Check the municipality's audit hash chain", status: 200, response: p.AuditVerifyResponse }),
  ...extraGrantEndpoints,
  ...journalEndpoints,
  ...notificationEndpoints,
  ...referralEndpoints,
  ...personOverviewEndpoints,
  ...groupEndpoints,
  ...accessReviewEndpoints,
} as const;

export type Api = typeof api;
export type EndpointName = keyof Api;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Input<T> = T extends z.ZodType ? z.input<T> : undefined;
export type BodyOf<N extends EndpointName> = Input<Api[N] extends { body: infer B } ? B : undefined>;
export type QueryOf<N extends EndpointName> = Input<Api[N] extends { query: infer Q } ? Q : undefined>;
export type ParamsOf<N extends EndpointName> = Infer<Api[N] extends { params: infer P } ? P : undefined>;
export type ResponseOf<N extends EndpointName> = Infer<Api[N] extends { response: infer R } ? R : undefined>;
