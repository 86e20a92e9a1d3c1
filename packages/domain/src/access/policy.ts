import type {
  Action,
  Actor,
  DataCategory,
  Decision,
  Permission,
  Relationship,
  RelationshipKind,
  Relationships,
  Role,
  RoleAssignment,
  UnitKind,
} from './model.ts';
import { ACTIONS, DATA_CATEGORIES, PERMISSIONS, RELATIONSHIPS, ROLES, UNIT_KINDS } from './model.ts';

/**
 * How far a grant reaches: `all` = every person in the municipality,
 * `team` = only people the actor's unit has a relationship with (team membership, or — limited as
 * `relationshipAllows` says — an accepted referral, a consent or the user's break-the-glass grant).
 */
export type Reach = 'all' | 'team';
type Grant = { read?: Reach; write?: Reach };
type CategoryGrants = Partial<Record<DataCategory, Grant>>;

const RW_ALL: Grant = { read: 'all', write: 'all' };
const R_ALL: Grant = { read: 'all' };
const RW_TEAM: Grant = { read: 'team', write: 'team' };
const R_TEAM: Grant = { read: 'team' };

/**
 * The policy table: role × data category → read/write reach. Health and child-welfare data are
 * special-category data; only roles with a service need (tjenstlig behov) get them
 * (Normen faktaark 14; integreringsloven §§ 41–43; barnevernsloven ch. 13).
 * Partners get their categories from PARTNER_SCOPE, by the kind of their unit.
 */
export const ROLE_GRANTS: Record<Exclude<Role, 'partner'>, CategoryGrants> = {
  advisor: { identity: RW_ALL, settlement: RW_ALL, programme: RW_ALL, economy: RW_ALL },
  settlement_officer: { identity: RW_ALL, settlement: RW_ALL, programme: R_ALL, economy: R_ALL },
  health_worker: { identity: R_ALL, settlement: R_ALL, health: RW_ALL },
  grant_coordinator: { identity: R_ALL, settlement: R_ALL, programme: R_ALL, economy: RW_ALL },
  leader: { identity: R_ALL, settlement: R_ALL, programme: R_ALL, economy: R_ALL },
  finance: { identity: R_ALL, economy: R_ALL },
  admin: {},
  auditor: {},
};

/** What a partner unit may see of the people on whose team it is, by unit kind. */
export const PARTNER_SCOPE: Record<UnitKind, CategoryGrants> = {
  nav: { identity: R_TEAM, programme: RW_TEAM, economy: RW_TEAM },
  health: { identity: R_TEAM, health: RW_TEAM },
  school: { identity: R_TEAM, programme: R_TEAM },
  kindergarten: { identity: R_TEAM },
  ppt: { identity: R_TEAM, health: R_TEAM },
  child_welfare: { identity: R_TEAM, child_welfare: RW_TEAM },
  adult_education: { identity: R_TEAM, programme: RW_TEAM },
  housing: { identity: R_TEAM, settlement: R_TEAM },
  refugee_service: { identity: R_TEAM },
  other: { identity: R_TEAM },
};

/** Function-level permissions per role. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  advisor: ['units.read', 'persons.register', 'persons.team', 'persons.access_log', 'settlement.view', 'settlement.manage', 'housing.view', 'housing.manage', 'payments.prepare', 'grants.view'],
  settlement_officer: ['units.read', 'persons.register', 'persons.team', 'settlement.view', 'settlement.manage', 'housing.view', 'housing.manage', 'grants.view'],
  health_worker: ['units.read'],
  grant_coordinator: ['units.read', 'settlement.view', 'housing.view', 'grants.view', 'grants.manage', 'grants.rates', 'extra_grants.manage'],
  leader: ['units.read', 'users.read', 'audit.read', 'audit.review', 'persons.access_log', 'settlement.view', 'housing.view', 'payments.approve', 'grants.view'],
  partner: [],
  finance: ['units.read', 'housing.view', 'payments.prepare', 'payments.approve', 'grants.view', 'grants.manage', 'grants.rates'],
  admin: ['units.read', 'units.manage', 'users.read', 'users.manage'],
  auditor: ['units.read', 'users.read', 'audit.read'],
};

function grantFor(assignment: RoleAssignment, category: DataCategory): Grant | undefined {
  if (assignment.role === 'partner') return PARTNER_SCOPE[assignment.unitKind][category];
  return ROLE_GRANTS[assignment.role][category];
}

/** Strongest first: the decision names the relationship that allowed it (audit, banners). */
const RELATIONSHIP_ORDER: readonly RelationshipKind[] = ['team_member', 'referral', 'consent', 'break_glass'];

/**
 * Does one relationship open `action` on `category` for a unit whose scope reaches it for a team?
 * Team membership opens everything the scope allows; a referral opens identity and its categories
 * (read, and write where the scope writes); a consent opens identity and its categories for reading
 * only; break-the-glass opens every category of the scope for reading only.
 */
export function relationshipAllows(r: Relationship, action: Action, category: DataCategory): boolean {
  switch (r.kind) {
    case 'team_member':
      return true;
    case 'referral':
      return category === 'identity' || r.categories.includes(category);
    case 'consent':
      return action === 'read' && (category === 'identity' || r.categories.includes(category));
    case 'break_glass':
      return action === 'read';
  }
}

/**
 * May the actor do `action` on `category` of one person? `relationships` maps each of the actor's
 * unit ids to that unit's relationships to the person (absent = none). A role's `all` grant needs no
 * relationship; a `team` grant needs one that `relationshipAllows` — so a relationship never gives
 * more than the unit kind's scope (PARTNER_SCOPE) or the role's table row.
 */
export function canAccessPerson(actor: Actor, action: Action, category: DataCategory, relationships: Relationships): Decision {
  for (const a of actor.assignments) {
    const reach = grantFor(a, category)?.[action];
    if (reach === 'all') return { allowed: true, reason: `role ${a.role} may ${action} ${category}`, via: a };
    if (reach !== 'team') continue;
    const rels = relationships.get(a.unitId) ?? [];
    for (const kind of RELATIONSHIP_ORDER) {
      const hit = rels.find((r) => r.kind === kind && relationshipAllows(r, action, category));
      if (!hit) continue;
      const why =
        kind === 'team_member'
          ? "unit is on the person's team"
          : kind === 'referral'
            ? 'unit has an accepted referral naming the category'
            : kind === 'consent'
              ? "the person's consent covers the unit and category"
              : 'the user has an active break-the-glass grant';
      return { allowed: true, reason: `${why} (${a.role}, ${a.unitKind})`, via: a, relationship: kind };
    }
  }
  return { allowed: false, reason: `no role grants ${action} on ${category}` };
}

/** The categories the actor may read and write for one person: sent with every person response. */
export function personAbilities(
  actor: Actor,
  relationships: Relationships,
): Record<DataCategory, { read: boolean; write: boolean }> {
  const out = {} as Record<DataCategory, { read: boolean; write: boolean }>;
  for (const c of DATA_CATEGORIES) {
    out[c] = {
      read: canAccessPerson(actor, 'read', c, relationships).allowed,
      write: canAccessPerson(actor, 'write', c, relationships).allowed,
    };
  }
  return out;
}

/**
 * Which people the actor can find at all: everyone in the municipality (a role reads identity for
 * all), or only people related to one of `teamUnitIds` — on its team, or reached by an accepted
 * referral or an active consent to that unit — and, when `teamUnitIds` is not empty, people the
 * user holds an active break-the-glass grant for (every relationship opens identity). Lists and
 * searches filter by this, so a partner never learns that a person outside their reach exists.
 */
export function personReach(actor: Actor): { all: boolean; teamUnitIds: string[] } {
  let all = false;
  const team = new Set<string>();
  for (const a of actor.assignments) {
    const reach = grantFor(a, 'identity')?.read;
    if (reach === 'all') all = true;
    else if (reach === 'team') team.add(a.unitId);
  }
  return { all, teamUnitIds: [...team] };
}

/**
 * For lists that span many people (the work queue): the categories the actor reads for everyone,
 * and the (unit, category) pairs read only for people related to that unit (see `personReach`;
 * a referral or consent relationship opens identity and its own categories only).
 */
export function categoryReach(actor: Actor, action: Action = 'read'): { all: DataCategory[]; team: { unitId: string; category: DataCategory }[] } {
  const all = new Set<DataCategory>();
  const team: { unitId: string; category: DataCategory }[] = [];
  for (const a of actor.assignments) {
    for (const c of DATA_CATEGORIES) {
      const reach = grantFor(a, c)?.[action];
      if (reach === 'all') all.add(c);
      else if (reach === 'team') team.push({ unitId: a.unitId, category: c });
    }
  }
  return { all: [...all], team };
}

/** Does any of the actor's roles give the permission? */
export function can(actor: Actor, permission: Permission): Decision {
  const hit = actor.assignments.find((a) => ROLE_PERMISSIONS[a.role].includes(permission));
  return hit
    ? { allowed: true, reason: `role ${hit.role} has ${permission}`, via: hit }
    : { allowed: false, reason: `no role has ${permission}` };
}

/** Every permission the actor holds: sent to the client so it never re-implements the policy. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => can(actor, p).allowed);
}

/**
 * The categories a referral to a unit of this kind may name: those its partner scope reads for a
 * team (a referral can never give more). The refugee service's own roles read identity, settlement,
 * programme and economy for everyone, so a referral to it may name those too (it adds no access).
 */
export function receivableCategories(kind: UnitKind): DataCategory[] {
  const own = new Set(DATA_CATEGORIES.filter((c) => PARTNER_SCOPE[kind][c]?.read));
  if (kind === 'refugee_service') {
    for (const role of ['advisor', 'settlement_officer', 'grant_coordinator', 'leader', 'finance'] as const) {
      for (const c of DATA_CATEGORIES) if (ROLE_GRANTS[role][c]?.read) own.add(c);
    }
  }
  return DATA_CATEGORIES.filter((c) => own.has(c));
}

/** Every unit kind with the categories a referral to it may name. */
export const RECEIVABLE_CATEGORIES: Record<UnitKind, DataCategory[]> = Object.fromEntries(
  UNIT_KINDS.map((k) => [k, receivableCategories(k)]),
) as Record<UnitKind, DataCategory[]>;

/** One cell of the generated access matrix. */
export type MatrixCell = {
  role: Role;
  unitKind: UnitKind;
  category: DataCategory;
  action: Action;
  relationship: RelationshipKind;
  expected: boolean;
};

/**
 * The relationship entry a matrix cell stands for: a referral or consent names exactly the cell's
 * category (identity is implied by both); break-the-glass is the user's grant on the actor's unit.
 */
export function matrixRelationship(kind: RelationshipKind, category: DataCategory): Relationship[] {
  switch (kind) {
    case 'none':
      return [];
    case 'team_member':
    case 'break_glass':
      return [{ kind }];
    case 'referral':
    case 'consent':
      return [{ kind, categories: [category] }];
  }
}

/**
 * Enumerates role × unit kind (for partners) × category × action × relationship with the expected
 * answer from the table above. Tests drive requests from this so policy and checks cannot drift.
 *
 * Semantics of the relationship column, as an HTTP test must set it up for one actor (one role in one
 * unit of `unitKind`) and one person:
 * - `none`: nothing links the unit or the user to the person;
 * - `team_member`: the unit is on the person's team;
 * - `referral`: an accepted, open referral to the unit naming the cell's category (for identity cells,
 *   any category: identity is always included) — expected = write/read as the scope allows;
 * - `consent`: an active consent covering the unit and naming the cell's category — read only;
 * - `break_glass`: the user holds an active break-the-glass grant on the person — read only.
 * Roles whose grants reach `all` get the same answer under every relationship.
 */
export function accessMatrix(unitKindOf: (role: Role) => readonly UnitKind[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const role of ROLES) {
    for (const unitKind of unitKindOf(role)) {
      for (const category of DATA_CATEGORIES) {
        for (const action of ACTIONS) {
          for (const relationship of RELATIONSHIPS) {
            const actor: Actor = { userId: 'u', municipalityId: 'm', assignments: [{ role, unitId: 'x', unitKind }] };
            const rel = new Map([['x', matrixRelationship(relationship, category)]]);
            cells.push({ role, unitKind, category, action, relationship, expected: canAccessPerson(actor, action, category, rel).allowed });
          }
        }
      }
    }
  }
  return cells;
}
