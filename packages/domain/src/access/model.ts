/** Roles a user can hold in a unit. Names in code are English; the UI shows the Norwegian titles. */
export const ROLES = [
  'advisor', // programrådgiver / flyktningkonsulent in the refugee service
  'settlement_officer', // bosettingskonsulent
  'health_worker', // helsesykepleier / helseteam for flyktninger
  'grant_coordinator', // tilskuddskoordinator
  'leader', // leder
  'partner', // samarbeidspartner: NAV, school, health, child welfare, adult education …
  'finance', // økonomi
  'admin', // systemadministrator
  'auditor', // revisor / personvernombud: reads the access log
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of organisational unit (enhet). */
export const UNIT_KINDS = [
  'refugee_service',
  'nav',
  'health',
  'school',
  'kindergarten',
  'ppt',
  'child_welfare',
  'adult_education',
  'housing',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Data categories of a person's record. Health and child welfare are special-category data. */
export const DATA_CATEGORIES = ['identity', 'settlement', 'programme', 'health', 'child_welfare', 'economy'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Categories whose every read is audited and that GDPR art. 9 / barnevernsloven ch. 13 protect. */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = ['health', 'child_welfare'];

/**
 * Kinds of relationship between the actor and a person (issue 7 § 10 enumerates every one):
 * - `none`: no relationship; only roles that reach everyone (`all`) see anything.
 * - `team_member`: the unit is on the person's team; it gets its scope's `team` grants.
 * - `referral`: an accepted, not yet closed referral to the unit names some categories; the unit gets
 *   its `team` grants (read, and write where its scope writes) on identity and those categories only.
 * - `consent`: an active consent covers the unit for some categories; the unit gets **read** on identity
 *   and those categories (within its scope), never write.
 * - `break_glass`: the user holds an active break-the-glass grant (per user, not per unit; the server
 *   adds the entry to each of the user's units); **read** on every category the scope reads for a team.
 */
export const RELATIONSHIPS = ['none', 'team_member', 'referral', 'consent', 'break_glass'] as const;
export type RelationshipKind = (typeof RELATIONSHIPS)[number];

/**
 * One relationship of a unit to a person. Referral and consent entries name the data categories they
 * open (identity is always implied); team membership and break-the-glass are not limited by category.
 */
export type Relationship =
  | { kind: 'team_member' | 'break_glass' }
  | { kind: 'referral' | 'consent'; categories: readonly DataCategory[] };

/** The relationships of each of the actor's units to one person (unit id → entries; absent = none). */
export type Relationships = ReadonlyMap<string, readonly Relationship[]>;

export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

/** Functions that are not about one person's record. */
export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.review', // review break-the-glass uses and set the access review's thresholds (a leader, never the user reviewed)
  'persons.register',
  'persons.team', // edit which units are on a person's team (the refugee service)
  'persons.access_log', // see "who has looked at this record" (Normen: the right to see one's access log)
  'settlement.view', // yearly numbers, the arrival pipeline, family reunifications
  'settlement.manage', // record IMDi's request and the decision, run the pipeline, import lists, edit the checklist
  'housing.view', // the dwelling register, vacancy and its cost
  'housing.manage', // add and edit dwellings, allocate them
  'payments.prepare', // prepare the monthly payment run of the introduction benefit
  'payments.approve', // approve and export it (never the same person who prepared it)
  'grants.view', // IMDi grants: schedules, forecast, reconciliation results, the grant overview
  'grants.manage', // import IMDi's payment lists, reconcile, export the change-request worksheet, grant settings
  'grants.rates', // correct or add a year in the grant rate tables (audited)
  'extra_grants.manage', // the extra-grant (tilskudd 1 and 2) case workflow of the grant coordinator
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** One role held in one unit. */
export type RoleAssignment = { role: Role; unitId: string; unitKind: UnitKind };

/** Who is acting: resolved from the session on every request. */
export type Actor = {
  userId: string;
  municipalityId: string;
  assignments: readonly RoleAssignment[];
};

/** A decision with the reason, so the screen and the audit log can say why. */
export type Decision = { allowed: boolean; reason: string; via?: RoleAssignment; relationship?: RelationshipKind };
