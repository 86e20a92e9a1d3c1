import type {
  Action,
  Actor,
  DataCategory,
  Decision,
  Permission,
  Relationship,
  Role,
  RoleAssignment,
  UnitKind,
} from './model.ts';
import { ACTIONS, DATA_CATEGORIES, PERMISSIONS, RELATIONSHIPS, ROLES } from './model.ts';

/**
 * How far a grant reaches: `all` = every person in the municipality,
 * `team` = only people whose team includes the actor's unit.
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

/**
 * May the actor do `action` on `category` of one person? `relationships` maps each of the
 * actor's unit ids to that unit's relationships to the person (absent = none).
 */
export function canAccessPerson(
  actor: Actor,
  action: Action,
  category: DataCategory,
  relationships: ReadonlyMap<string, readonly Relationship[]>,
): Decision {
  for (const a of actor.assignments) {
    const reach = grantFor(a, category)?.[action];
    if (reach === 'all') return { allowed: true, reason: `role ${a.role} may ${action} ${category}`, via: a };
    if (reach === 'team' && (relationships.get(a.unitId) ?? []).includes('team_member')) {
      return { allowed: true, reason: `unit is on the person's team (${a.role}, ${a.unitKind})`, via: a };
    }
  }
  return { allowed: false, reason: `no role grants ${action} on ${category}` };
}

/** The categories the actor may read and write for one person: sent with every person response. */
export function personAbilities(
  actor: Actor,
  relationships: ReadonlyMap<string, readonly Relationship[]>,
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
 * all), or only people whose team includes one of `teamUnitIds`. Lists and searches filter by this,
 * so a partner never learns that a person outside their teams exists.
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
 * and the (unit, category) pairs read only for people on that unit's team.
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

/** One cell of the generated access matrix. */
export type MatrixCell = {
  role: Role;
  unitKind: UnitKind;
  category: DataCategory;
  action: Action;
  relationship: Relationship;
  expected: boolean;
};

/**
 * Enumerates role × unit kind (for partners) × category × action × relationship with the expected
 * answer from the table above. Tests drive requests from this so policy and checks cannot drift.
 */
export function accessMatrix(unitKindOf: (role: Role) => readonly UnitKind[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const role of ROLES) {
    for (const unitKind of unitKindOf(role)) {
      for (const category of DATA_CATEGORIES) {
        for (const action of ACTIONS) {
          for (const relationship of RELATIONSHIPS) {
            const actor: Actor = { userId: 'u', municipalityId: 'm', assignments: [{ role, unitId: 'x', unitKind }] };
            const rel = new Map([['x', relationship === 'none' ? [] : [relationship]]]);
            cells.push({ role, unitKind, category, action, relationship, expected: canAccessPerson(actor, action, category, rel).allowed });
          }
        }
      }
    }
  }
  return cells;
}
