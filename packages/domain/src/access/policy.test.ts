import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  DATA_CATEGORIES,
  PERMISSIONS,
  ROLES,
  SPECIAL_CATEGORIES,
  UNIT_KINDS,
  type Actor,
  type Relationship,
  type Role,
  type UnitKind,
} from './model.ts';
import { accessMatrix, can, canAccessPerson, permissionsOf, personAbilities } from './policy.ts';

const actor = (role: Role, unitKind: UnitKind = 'refugee_service'): Actor => ({
  userId: 'u1',
  municipalityId: 'm1',
  assignments: [{ role, unitId: 'unit-1', unitKind }],
});
const rel = (r: Relationship[] = []) => new Map([['unit-1', r]]);

describe('access policy', () => {
  it('the advisor works with identity, settlement, programme and economy, never health or child welfare', () => {
    const a = actor('advisor');
    expect(canAccessPerson(a, 'write', 'programme', rel()).allowed).toBe(true);
    expect(canAccessPerson(a, 'read', 'health', rel()).allowed).toBe(false);
    expect(canAccessPerson(a, 'read', 'child_welfare', rel(['team_member'])).allowed).toBe(false);
  });

  it('a NAV partner sees only people whose team includes the NAV unit', () => {
    const nav = actor('partner', 'nav');
    expect(canAccessPerson(nav, 'read', 'identity', rel()).allowed).toBe(false);
    expect(canAccessPerson(nav, 'read', 'identity', rel(['team_member'])).allowed).toBe(true);
    expect(canAccessPerson(nav, 'write', 'economy', rel(['team_member'])).allowed).toBe(true);
    expect(canAccessPerson(nav, 'read', 'health', rel(['team_member'])).allowed).toBe(false);
  });

  it('child welfare data is open only to the child-welfare unit on the team', () => {
    for (const role of ROLES) {
      for (const kind of UNIT_KINDS) {
        const d = canAccessPerson(actor(role, kind), 'read', 'child_welfare', rel(['team_member']));
        expect(d.allowed, `${role}/${kind}`).toBe(role === 'partner' && kind === 'child_welfare');
      }
    }
  });

  it('administrators and auditors see no person data at all', () => {
    for (const role of ['admin', 'auditor'] as const) {
      for (const c of DATA_CATEGORIES) {
        expect(canAccessPerson(actor(role), 'read', c, rel(['team_member'])).allowed).toBe(false);
      }
    }
  });

  it('decisions carry the reason and the role assignment that allowed them', () => {
    const d = canAccessPerson(actor('health_worker', 'health'), 'read', 'health', rel());
    expect(d).toMatchObject({ allowed: true, via: { role: 'health_worker', unitId: 'unit-1' } });
    expect(d.reason).toMatch(/health_worker/);
    expect(canAccessPerson(actor('finance'), 'read', 'health', rel()).reason).toMatch(/no role grants read on health/);
  });

  it('function permissions: only admins manage users and units; auditors and leaders read the log', () => {
    expect(permissionsOf(actor('admin'))).toEqual(['units.read', 'units.manage', 'users.read', 'users.manage']);
    expect(can(actor('auditor'), 'audit.read').allowed).toBe(true);
    expect(can(actor('leader'), 'audit.read').allowed).toBe(true);
    expect(can(actor('advisor'), 'users.manage').allowed).toBe(false);
    expect(permissionsOf(actor('partner', 'nav'))).toEqual([]);
  });

  it('abilities list every category with read and write', () => {
    const ab = personAbilities(actor('settlement_officer'), rel());
    expect(Object.keys(ab)).toEqual([...DATA_CATEGORIES]);
    expect(ab.settlement).toEqual({ read: true, write: true });
    expect(ab.programme).toEqual({ read: true, write: false });
  });

  it('the generated matrix covers role × unit kind × category × action × relationship', () => {
    const cells = accessMatrix((role) => (role === 'partner' ? UNIT_KINDS : ['refugee_service']));
    expect(cells).toHaveLength((ROLES.length - 1 + UNIT_KINDS.length) * DATA_CATEGORIES.length * ACTIONS.length * 2);
    expect(cells.filter((c) => c.expected && SPECIAL_CATEGORIES.includes(c.category)).length).toBeGreaterThan(0);
  });
});

describe('access policy invariants (property tests)', () => {
  const arbActor = fc
    .array(
      fc.record({ role: fc.constantFrom(...ROLES), unitId: fc.constantFrom('u-a', 'u-b', 'u-c'), unitKind: fc.constantFrom(...UNIT_KINDS) }),
      { maxLength: 4 },
    )
    .map((assignments): Actor => ({ userId: 'x', municipalityId: 'm', assignments }));
  const arbRel = fc
    .dictionary(fc.constantFrom('u-a', 'u-b', 'u-c'), fc.constantFrom<Relationship[]>([], ['team_member']))
    .map((o) => new Map(Object.entries(o)));

  it('write access always implies read access', () => {
    fc.assert(
      fc.property(arbActor, arbRel, fc.constantFrom(...DATA_CATEGORIES), (a, r, c) => {
        if (canAccessPerson(a, 'write', c, r).allowed) expect(canAccessPerson(a, 'read', c, r).allowed).toBe(true);
      }),
    );
  });

  it('being on the team never takes access away, and an actor without roles sees nothing', () => {
    fc.assert(
      fc.property(arbActor, fc.constantFrom(...DATA_CATEGORIES), fc.constantFrom(...ACTIONS), (a, c, act) => {
        const none = canAccessPerson(a, act, c, new Map()).allowed;
        const team = canAccessPerson(a, act, c, new Map(a.assignments.map((x) => [x.unitId, ['team_member'] as Relationship[]]))).allowed;
        if (none) expect(team).toBe(true);
        if (a.assignments.length === 0) expect(team).toBe(false);
      }),
    );
  });

  it('a partner with no relationship to the person sees nothing of them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_KINDS), fc.constantFrom(...DATA_CATEGORIES), fc.constantFrom(...ACTIONS), (k, c, act) => {
        expect(canAccessPerson(actor('partner', k), act, c, rel()).allowed).toBe(false);
      }),
    );
  });

  it('every permission is held by some role, and only admins hold users.manage', () => {
    for (const p of PERMISSIONS) expect(ROLES.some((r) => can(actor(r), p).allowed), p).toBe(true);
    expect(ROLES.filter((r) => can(actor(r), 'users.manage').allowed)).toEqual(['admin']);
  });
});

describe('category reach (lists across many people)', () => {
  it('gives refugee-service roles their categories for everyone and partners per unit and team', async () => {
    const { categoryReach } = await import('./policy.ts');
    expect(categoryReach(actor('settlement_officer')).all.sort()).toEqual(['economy', 'identity', 'programme', 'settlement']);
    const nav = categoryReach(actor('partner', 'nav'));
    expect(nav.all).toEqual([]);
    expect(nav.team.map((t) => t.category).sort()).toEqual(['economy', 'identity', 'programme']);
    expect(categoryReach(actor('settlement_officer'), 'write').all).toContain('settlement');
  });
});
