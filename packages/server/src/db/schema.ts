import { bigint, boolean, customType, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The SQL in migrations/ is the source of truth for DDL (roles, grants, RLS, extensions);
// this file mirrors the tables for typed queries.

const citext = customType<{ data: string }>({ dataType: () => 'citext' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  email: citext('email').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull().$type<'invited' | 'active' | 'disabled'>(),
  passwordHash: text('password_hash'),
  totpSecretEnc: text('totp_secret_enc'),
  totpPendingEnc: text('totp_pending_enc'),
  totpLastCounter: bigint('totp_last_counter', { mode: 'number' }).notNull().default(0),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    municipalityId: uuid('municipality_id').notNull(),
    userId: uuid('user_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId, t.role] })],
);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  csrfToken: text('csrf_token').notNull(),
  authMethod: text('auth_method').notNull().$type<'password' | 'oidc'>(),
  mfaPending: boolean('mfa_pending').notNull().default(false),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  idleExpiresAt: ts('idle_expires_at').notNull(),
  absoluteExpiresAt: ts('absolute_expires_at').notNull(),
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
});

export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

export const oidcFlows = pgTable('oidc_flows', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const auditLog = pgTable('audit_log', {
  /** Insertion order; the row's identity. */
  id: bigint('id', { mode: 'number' }).primaryKey(),
  municipalityId: uuid('municipality_id').notNull(),
  /** The row's place in the municipality's hash chain, given by the sealer after commit (null until then). */
  seq: bigint('seq', { mode: 'number' }),
  occurredAt: ts('occurred_at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorEmail: text('actor_email'),
  unitId: uuid('unit_id'),
  role: text('role'),
  action: text('action').notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  categories: text('categories').array().notNull(),
  requestId: text('request_id').notNull(),
  ip: text('ip'),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

export const auditChainHead = pgTable('audit_chain_head', {
  municipalityId: uuid('municipality_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const households = pgTable('households', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  householdId: uuid('household_id'),
  householdRole: text('household_role'),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  otherSpellings: text('other_spellings').array().notNull().default([]),
  searchText: text('search_text').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  sex: text('sex').notNull(),
  nationalId: text('national_id'),
  dufNumber: text('duf_number'),
  originCountry: text('origin_country'),
  nationality: text('nationality'),
  languages: text('languages').array().notNull().default([]),
  interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
  interpreterLanguage: text('interpreter_language'),
  arrivalCategory: text('arrival_category'),
  sponsorPersonId: uuid('sponsor_person_id'),
  permitType: text('permit_type'),
  permitDate: date('permit_date', { mode: 'string' }),
  settlementDate: date('settlement_date', { mode: 'string' }),
  previousMunicipality: text('previous_municipality'),
  status: text('status').notNull().default('active'),
  statusDate: date('status_date', { mode: 'string' }),
  populationRegisteredDate: date('population_registered_date', { mode: 'string' }),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const personTeam = pgTable(
  'person_team',
  {
    municipalityId: uuid('municipality_id').notNull(),
    personId: uuid('person_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    addedAt: ts('added_at').notNull(),
    addedBy: uuid('added_by'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.unitId] })],
);

export const personHistory = pgTable('person_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  version: integer('version').notNull(),
  changedAt: ts('changed_at').notNull(),
  changedBy: uuid('changed_by'),
  changes: jsonb('changes').notNull().$type<{ field: string; from: unknown; to: unknown }[]>(),
});

const day = (name: string) => date(name, { mode: 'string' });

export const settlementYears = pgTable(
  'settlement_years',
  {
    municipalityId: uuid('municipality_id').notNull(),
    year: integer('year').notNull(),
    requestedTotal: integer('requested_total'),
    requestedUnaccompanied: integer('requested_unaccompanied'),
    decidedTotal: integer('decided_total'),
    acceptsUnaccompanied: boolean('accepts_unaccompanied'),
    decidedUnaccompanied: integer('decided_unaccompanied'),
    decisionDate: day('decision_date'),
    decisionBody: text('decision_body'),
    sentToImdiDate: day('sent_to_imdi_date'),
    imdinettRegistered: boolean('imdinett_registered').notNull().default(false),
    extraCapacity: integer('extra_capacity'),
    note: text('note'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.year] })],
);

export const settlementCases = pgTable('settlement_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  householdId: uuid('household_id').notNull(),
  imdiReference: text('imdi_reference'),
  offeredDate: day('offered_date').notNull(),
  response: text('response').$type<'accepted' | 'declined'>(),
  responseDate: day('response_date'),
  declineReason: text('decline_reason'),
  imdiDecisionDate: day('imdi_decision_date'),
  plannedArrivalDate: day('planned_arrival_date'),
  source: text('source').notNull().$type<'manual' | 'import'>().default('manual'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const familyReunifications = pgTable('family_reunifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  sponsorPersonId: uuid('sponsor_person_id').notNull(),
  expectedName: text('expected_name').notNull(),
  relation: text('relation').notNull(),
  birthDate: day('birth_date'),
  applicationDate: day('application_date'),
  expectedArrivalDate: day('expected_arrival_date'),
  status: text('status').notNull().default('expected'),
  arrivedPersonId: uuid('arrived_person_id'),
  note: text('note'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const dwellings = pgTable('dwellings', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  address: text('address').notNull(),
  postalCode: text('postal_code'),
  kind: text('kind').notNull(),
  rooms: integer('rooms').notNull(),
  sizeM2: integer('size_m2'),
  monthlyRent: integer('monthly_rent').notNull(),
  landlord: text('landlord'),
  leaseStart: day('lease_start').notNull(),
  leaseEnd: day('lease_end'),
  status: text('status').notNull().default('active'),
  note: text('note'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const dwellingAllocations = pgTable('dwelling_allocations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  dwellingId: uuid('dwelling_id').notNull(),
  householdId: uuid('household_id').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const checklistTemplates = pgTable('checklist_templates', {
  municipalityId: uuid('municipality_id').primaryKey(),
  items: jsonb('items').notNull().$type<unknown[]>(),
  version: integer('version').notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  kind: text('kind').notNull(),
  itemKey: text('item_key').notNull(),
  title: text('title').notNull(),
  titleParams: jsonb('title_params').$type<Record<string, string | number>>(),
  description: text('description'),
  legalBasis: text('legal_basis'),
  category: text('category').notNull(),
  personId: uuid('person_id'),
  householdId: uuid('household_id'),
  dwellingId: uuid('dwelling_id'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  assigneeUserId: uuid('assignee_user_id'),
  dueDate: day('due_date'),
  status: text('status').notNull().$type<'open' | 'done' | 'skipped'>().default('open'),
  skipReason: text('skip_reason'),
  completedAt: ts('completed_at'),
  completedBy: uuid('completed_by'),
  sourceKey: text('source_key').notNull(),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const programmes = pgTable('programmes', {
  personId: uuid('person_id').primaryKey(),
  municipalityId: uuid('municipality_id').notNull(),
  requestDate: day('request_date'),
  participantGroup: text('participant_group'),
  livesWithParents: boolean('lives_with_parents').notNull().default(false),
  coupleBothParticipantsNoChildren: boolean('couple_both_participants_no_children').notNull().default(false),
  hasChildrenOrExpecting: boolean('has_children_or_expecting').notNull().default(false),
  skillsMappingDate: day('skills_mapping_date'),
  careerGuidanceDate: day('career_guidance_date'),
  decisionDate: day('decision_date'),
  startDate: day('start_date'),
  endGoal: text('end_goal'),
  plannedMonths: integer('planned_months'),
  extensionMonths: integer('extension_months').notNull().default(0),
  extensionReason: text('extension_reason'),
  weeklyHours: numeric('weekly_hours', { mode: 'number' }),
  hoursReason: text('hours_reason'),
  elements: jsonb('elements').notNull().$type<Record<string, boolean>>().default({}),
  status: text('status').notNull().default('planned'),
  endDate: day('end_date'),
  endReason: text('end_reason'),
  mainActivity: text('main_activity'),
  followUpActivity: text('follow_up_activity'),
  followUpDate: day('follow_up_date'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const programmeEvents = pgTable('programme_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  eventDate: day('event_date').notNull(),
  version: integer('version').notNull(),
  changes: jsonb('changes').notNull().$type<{ field: string; from: unknown; to: unknown }[]>(),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by'),
});

export const attendance = pgTable(
  'attendance',
  {
    municipalityId: uuid('municipality_id').notNull(),
    personId: uuid('person_id').notNull(),
    day: day('day').notNull(),
    plannedHours: numeric('planned_hours', { mode: 'number' }).notNull(),
    presentHours: numeric('present_hours', { mode: 'number' }).notNull(),
    absenceKind: text('absence_kind'),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] })],
);

export const paymentRuns = pgTable('payment_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  month: text('month').notNull(),
  status: text('status').notNull().$type<'prepared' | 'approved' | 'exported'>(),
  preparedAt: ts('prepared_at').notNull(),
  preparedBy: uuid('prepared_by').notNull(),
  approvedAt: ts('approved_at'),
  approvedBy: uuid('approved_by'),
  exportedAt: ts('exported_at'),
  totalNet: bigint('total_net', { mode: 'number' }).notNull(),
  participants: integer('participants').notNull(),
  version: integer('version').notNull().default(0),
});

export const paymentLines = pgTable(
  'payment_lines',
  {
    runId: uuid('run_id').notNull(),
    municipalityId: uuid('municipality_id').notNull(),
    personId: uuid('person_id').notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    absenceDeduction: bigint('absence_deduction', { mode: 'number' }).notNull(),
    coordinationDeduction: bigint('coordination_deduction', { mode: 'number' }).notNull(),
    recovered: bigint('recovered', { mode: 'number' }).notNull(),
    net: bigint('net', { mode: 'number' }).notNull(),
    decisionRequired: boolean('decision_required').notNull(),
    lines: jsonb('lines').notNull().$type<{ code: string; text: string; amount: number }[]>(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.personId] })],
);

export type PlanMeasure = { type: string; description: string; providerUnitId: string | null; from: string; to: string; hoursPerWeek: number };

export const integrationPlans = pgTable('integration_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  planNo: integer('plan_no').notNull(),
  status: text('status').notNull().$type<'draft' | 'adopted' | 'superseded'>(),
  goals: jsonb('goals').notNull().$type<string[]>(),
  norwegianGoal: text('norwegian_goal'),
  measures: jsonb('measures').notNull().$type<PlanMeasure[]>(),
  changeReason: text('change_reason'),
  significant: boolean('significant').notNull().default(true),
  decisionDate: day('decision_date'),
  reviewDue: day('review_due'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  adoptedAt: ts('adopted_at'),
  adoptedBy: uuid('adopted_by'),
});

export const otherBenefits = pgTable('other_benefits', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').notNull(),
  monthlyAmount: bigint('monthly_amount', { mode: 'number' }).notNull(),
  earnedBeforeProgramme: boolean('earned_before_programme').notNull().default(false),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date'),
});

export const overpayments = pgTable('overpayments', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  recoverPerMonth: bigint('recover_per_month', { mode: 'number' }).notNull(),
  recovered: bigint('recovered', { mode: 'number' }).notNull().default(0),
  status: text('status').notNull().$type<'open' | 'recovered' | 'claimed' | 'written_off'>().default('open'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(0),
});

/** Hours of a day per measure of the integration plan in force that day (migration 0007). */
export const attendanceMeasures = pgTable(
  'attendance_measures',
  {
    municipalityId: uuid('municipality_id').notNull(),
    personId: uuid('person_id').notNull(),
    day: day('day').notNull(),
    planId: uuid('plan_id').notNull(),
    measureNo: integer('measure_no').notNull(),
    presentHours: numeric('present_hours', { mode: 'number' }).notNull(),
    absentHours: numeric('absent_hours', { mode: 'number' }).notNull(),
    absenceKind: text('absence_kind'),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day, t.planId, t.measureNo] })],
);

/** Break-the-glass grants: one user's time-limited read access to one person, reviewed by a leader (migration 0013). */
export const breakGlassGrants = pgTable('break_glass_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  reason: text('reason').notNull(),
  startedAt: ts('started_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  endedAt: ts('ended_at'),
  reviewedAt: ts('reviewed_at'),
  reviewedBy: uuid('reviewed_by'),
  reviewNote: text('review_note'),
});

// ---------- responsibility groups (ansvarsgruppe, migration 0015) ----------

type JournalCategoryText = 'general' | 'settlement' | 'programme' | 'health' | 'child_welfare' | 'economy';

export const responsibilityGroups = pgTable('responsibility_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  status: text('status').notNull().$type<'active' | 'closed'>().default('active'),
  closedAt: ts('closed_at'),
  closedBy: uuid('closed_by'),
  closedReason: text('closed_reason'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
});

/** A staff member (user + the unit they represent) or an external participant (kind + name). */
export const responsibilityGroupMembers = pgTable('responsibility_group_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  groupId: uuid('group_id').notNull(),
  userId: uuid('user_id'),
  unitId: uuid('unit_id'),
  externalKind: text('external_kind').$type<'person' | 'guardian' | 'gp' | 'other'>(),
  externalName: text('external_name'),
  roleInGroup: text('role_in_group').notNull(),
  addedAt: ts('added_at').notNull(),
  addedBy: uuid('added_by'),
  leftAt: ts('left_at'),
  leftBy: uuid('left_by'),
});

/** Coordinator periods; the current one has no until_at. */
export const responsibilityGroupCoordinators = pgTable('responsibility_group_coordinators', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  groupId: uuid('group_id').notNull(),
  memberId: uuid('member_id').notNull(),
  userId: uuid('user_id').notNull(),
  fromAt: ts('from_at').notNull(),
  untilAt: ts('until_at'),
  setBy: uuid('set_by'),
});

export const responsibilityGroupMeetings = pgTable('responsibility_group_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  groupId: uuid('group_id').notNull(),
  personId: uuid('person_id').notNull(),
  heldOn: day('held_on').notNull(),
  mode: text('mode').notNull().$type<'on_site' | 'video' | 'phone'>(),
  place: text('place'),
  agenda: jsonb('agenda').notNull().$type<string[]>().default([]),
  category: text('category').notNull().$type<JournalCategoryText>(),
  minutes: text('minutes'),
  attendeeMemberIds: uuid('attendee_member_ids').array().notNull().default([]),
  interpreterUseId: uuid('interpreter_use_id'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/** Decisions are only ever added (no UPDATE grant). */
export const responsibilityGroupDecisions = pgTable('responsibility_group_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  position: integer('position').notNull(),
  body: text('body').notNull(),
  category: text('category').notNull().$type<JournalCategoryText>(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
});

/** Each action point is also a task (source groups.action_point:<id>) on the owner unit's work queue. */
export const responsibilityGroupActionPoints = pgTable('responsibility_group_action_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  groupId: uuid('group_id').notNull(),
  personId: uuid('person_id').notNull(),
  body: text('body').notNull(),
  category: text('category').notNull().$type<JournalCategoryText>(),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  ownerUserId: uuid('owner_user_id'),
  dueDate: day('due_date').notNull(),
  status: text('status').notNull().$type<'open' | 'done'>().default('open'),
  doneAt: ts('done_at'),
  doneBy: uuid('done_by'),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
});
