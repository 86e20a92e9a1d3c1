import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  DATA_CATEGORIES,
  PERMISSIONS,
  RELATIONSHIPS,
  ROLES,
  SPECIAL_CATEGORIES,
  UNIT_KINDS,
  type Actor,
  type DataCategory,
  type Relationship,
  type RelationshipKind,
  type Role,
  type UnitKind,
} from './model.ts';
import { accessMatrix, can, canAccessPerson, permissionsOf, personAbilities, receivableCategories } from './policy.ts';

const actor = (role: Role, unitKind: UnitKind = 'refugee_service'): Actor => ({
  userId: 'u1',
  municipalityId: 'm1',
  assignments: [{ role, unitId: 'unit-1', unitKind }],
});
const TEAM: Relationship = { kind: 'team_member' };
const rel = (r: (Relationship | 'team_member' | 'break_glass')[] = []) =>
  new Map([['unit-1', r.map((x): Relationship => (typeof x === 'string' ? { kind: x } : x))]]);

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
    expect(cells).toHaveLength((ROLES.length - 1 + UNIT_KINDS.length) * DATA_CATEGORIES.length * ACTIONS.length * RELATIONSHIPS.length);
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
    .dictionary(fc.constantFrom('u-a', 'u-b', 'u-c'), fc.constantFrom<Relationship[]>([], [TEAM]))
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
        const team = canAccessPerson(a, act, c, new Map(a.assignments.map((x) => [x.unitId, [TEAM]]))).allowed;
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

describe('referrals, consent and break-the-glass (issue 7)', () => {
  const referral = (...categories: DataCategory[]): Relationship => ({ kind: 'referral', categories });
  const consent = (...categories: DataCategory[]): Relationship => ({ kind: 'consent', categories });

  it('an accepted referral naming health lets a health partner read and write health and read identity, nothing else', () => {
    const h = actor('partner', 'health');
    expect(canAccessPerson(h, 'read', 'health', rel()).allowed).toBe(false);
    const r = rel([referral('health')]);
    expect(canAccessPerson(h, 'read', 'identity', r)).toMatchObject({ allowed: true, relationship: 'referral' });
    expect(canAccessPerson(h, 'read', 'health', r).allowed).toBe(true);
    expect(canAccessPerson(h, 'write', 'health', r).allowed).toBe(true);
    expect(canAccessPerson(h, 'write', 'identity', r).allowed).toBe(false); // the scope reads identity only
    expect(canAccessPerson(h, 'read', 'settlement', r).allowed).toBe(false);
  });

  it('a referral never gives more than the unit kind’s scope: NAV never reads health, even when named', () => {
    const nav = actor('partner', 'nav');
    expect(canAccessPerson(nav, 'read', 'health', rel([referral('health', 'economy')])).allowed).toBe(false);
    expect(canAccessPerson(nav, 'write', 'economy', rel([referral('health', 'economy')])).allowed).toBe(true);
    expect(canAccessPerson(nav, 'read', 'programme', rel([referral('economy')])).allowed).toBe(false);
  });

  it('consent gives read on identity and its categories, never write', () => {
    const h = actor('partner', 'health');
    const c = rel([consent('health')]);
    expect(canAccessPerson(h, 'read', 'health', c)).toMatchObject({ allowed: true, relationship: 'consent' });
    expect(canAccessPerson(h, 'write', 'health', c).allowed).toBe(false);
    expect(canAccessPerson(h, 'read', 'identity', c).allowed).toBe(true);
    expect(canAccessPerson(actor('partner', 'school'), 'read', 'health', rel([consent('health')])).allowed).toBe(false);
  });

  it('break-the-glass reads what the scope reads for a team, and writes nothing', () => {
    const nav = actor('partner', 'nav');
    const b = rel(['break_glass']);
    expect(canAccessPerson(nav, 'read', 'economy', b)).toMatchObject({ allowed: true, relationship: 'break_glass' });
    expect(canAccessPerson(nav, 'read', 'programme', b).allowed).toBe(true);
    expect(canAccessPerson(nav, 'write', 'economy', b).allowed).toBe(false);
    expect(canAccessPerson(nav, 'read', 'health', b).allowed).toBe(false);
  });

  it('the strongest relationship is named when several allow', () => {
    const d = canAccessPerson(actor('partner', 'nav'), 'read', 'economy', rel(['break_glass', referral('economy'), 'team_member']));
    expect(d.relationship).toBe('team_member');
  });

  it('a relationship of another unit gives nothing', () => {
    const h = actor('partner', 'health');
    expect(canAccessPerson(h, 'read', 'identity', new Map([['other-unit', [TEAM]]])).allowed).toBe(false);
  });

  it('a referral may name only what the receiving kind could read', () => {
    expect(receivableCategories('health')).toEqual(['identity', 'health']);
    expect(receivableCategories('nav')).toEqual(['identity', 'programme', 'economy']);
    expect(receivableCategories('kindergarten')).toEqual(['identity']);
    expect(receivableCategories('refugee_service')).toEqual(['identity', 'settlement', 'programme', 'economy']);
  });

  it('the matrix: referral and consent cells assume the cell’s category is named', () => {
    const cells = accessMatrix((role) => (role === 'partner' ? ['health'] : []));
    const cell = (category: DataCategory, action: 'read' | 'write', relationship: RelationshipKind) =>
      cells.find((c) => c.category === category && c.action === action && c.relationship === relationship)!.expected;
    expect(cell('health', 'write', 'referral')).toBe(true);
    expect(cell('health', 'read', 'consent')).toBe(true);
    expect(cell('health', 'write', 'consent')).toBe(false);
    expect(cell('health', 'read', 'break_glass')).toBe(true);
    expect(cell('health', 'write', 'break_glass')).toBe(false);
    expect(cell('health', 'read', 'none')).toBe(false);
    expect(cell('economy', 'read', 'referral')).toBe(false);
  });
});

describe('relationship invariants (property tests)', () => {
  const arbActor = fc
    .array(fc.record({ role: fc.constantFrom(...ROLES), unitId: fc.constantFrom('u-a', 'u-b'), unitKind: fc.constantFrom(...UNIT_KINDS) }), { maxLength: 3 })
    .map((assignments): Actor => ({ userId: 'x', municipalityId: 'm', assignments }));
  const arbCats = fc.subarray([...DATA_CATEGORIES]);
  const arbEntry: fc.Arbitrary<Relationship> = fc.oneof(
    fc.constant<Relationship>({ kind: 'team_member' }),
    fc.constant<Relationship>({ kind: 'break_glass' }),
    arbCats.map((categories): Relationship => ({ kind: 'referral', categories })),
    arbCats.map((categories): Relationship => ({ kind: 'consent', categories })),
  );
  const arbRel = fc.dictionary(fc.constantFrom('u-a', 'u-b'), fc.array(arbEntry, { maxLength: 3 })).map((o) => new Map(Object.entries(o)));

  it('no relationship gives more than team membership of the same unit', () => {
    fc.assert(
      fc.property(arbActor, arbRel, fc.constantFrom(...DATA_CATEGORIES), fc.constantFrom(...ACTIONS), (a, r, c, act) => {
        if (!canAccessPerson(a, act, c, r).allowed) return;
        const asTeam = new Map([...r].map(([u, es]) => [u, es.length > 0 ? [TEAM] : []]));
        expect(canAccessPerson(a, act, c, asTeam).allowed).toBe(true);
      }),
    );
  });

  it('consent and break-the-glass never give write', () => {
    fc.assert(
      fc.property(arbActor, arbRel, fc.constantFrom(...DATA_CATEGORIES), (a, r, c) => {
        const d = canAccessPerson(a, 'write', c, r);
        if (d.allowed) expect(['consent', 'break_glass']).not.toContain(d.relationship);
      }),
    );
  });

  it('a referral or consent opens only identity and the categories it names', () => {
    fc.assert(
      fc.property(arbActor, arbEntry, fc.constantFrom(...DATA_CATEGORIES), fc.constantFrom(...ACTIONS), (a, e, c, act) => {
        const d = canAccessPerson(a, act, c, new Map(a.assignments.map((x) => [x.unitId, [e]])));
        if (d.allowed && (d.relationship === 'referral' || d.relationship === 'consent') && 'categories' in e) {
          expect(c === 'identity' || e.categories.includes(c)).toBe(true);
        }
      }),
    );
  });

  it('write still implies read under every relationship', () => {
    fc.assert(
      fc.property(arbActor, arbRel, fc.constantFrom(...DATA_CATEGORIES), (a, r, c) => {
        if (canAccessPerson(a, 'write', c, r).allowed) expect(canAccessPerson(a, 'read', c, r).allowed).toBe(true);
      }),
    );
  });
});
