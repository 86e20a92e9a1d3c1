import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_CATEGORIES, JOURNAL_DATA_CATEGORY, type JournalCategoryName } from '@eidor/contract';
import { accessMatrix, DATA_CATEGORIES, ROLES, UNIT_KINDS, type DataCategory, type MatrixCell, type RelationshipKind, type Role, type UnitKind } from '@eidor/domain';
import { createWorld, signedIn, type Agent, type World } from '../test/harness.ts';

/**
 * Issue 7 § 10: the access matrix as a test. Every role × unit kind (all kinds for partners) × data
 * category × action × relationship (none, team member, active referral, active consent,
 * break-the-glass) is tried over HTTP against a seeded municipality; the expected answer comes from
 * the policy table (`accessMatrix` in domain/access/policy.ts), and any difference fails the test —
 * a leak (allowed where the policy refuses) or a lock-out (refused where it allows).
 *
 * The probe for a data category is the person's journal, whose categories map one-to-one to the
 * data categories (general → identity): a read is allowed when the journal shows the seeded note of
 * that category (and, for identity, when the person can be opened at all); a write is allowed when a
 * note of that category is stored, and a refused write must leave the journal unchanged.
 *
 * The relationships are seeded in the database as the modules would store them (team rows, an
 * accepted referral naming the category, an active consent naming it, a break-the-glass grant),
 * so the test checks the whole chain: tables → person_access_grants → relationshipsTo → policy → HTTP.
 */

const JOURNAL_OF = Object.fromEntries(JOURNAL_CATEGORIES.map((j) => [JOURNAL_DATA_CATEGORY[j], j])) as Record<DataCategory, JournalCategoryName>;
/** Roles other than partner get the same grants in any unit; they are tried in the unit they work in. */
const HOME: Record<Exclude<Role, 'partner'>, UnitKind> = {
  advisor: 'refugee_service',
  settlement_officer: 'refugee_service',
  health_worker: 'health',
  grant_coordinator: 'refugee_service',
  leader: 'refugee_service',
  finance: 'refugee_service',
  admin: 'refugee_service',
  auditor: 'refugee_service',
};
const unitKindsOf = (role: Role): readonly UnitKind[] => (role === 'partner' ? UNIT_KINDS : [HOME[role]]);

let w: World;
let cells: MatrixCell[];
const agents = new Map<string, Agent>(); // `${role}:${unitKind}` → signed-in user
const people: { none: string; team: string; breakGlass: string; referral: Record<DataCategory, string>; consent: Record<DataCategory, string> } = {
  none: '',
  team: '',
  breakGlass: '',
  referral: {} as Record<DataCategory, string>,
  consent: {} as Record<DataCategory, string>,
};

function personFor(relationship: RelationshipKind, category: DataCategory): string {
  switch (relationship) {
    case 'none':
      return people.none;
    case 'team_member':
      return people.team;
    case 'referral':
      return people.referral[category];
    case 'consent':
      return people.consent[category];
    case 'break_glass':
      return people.breakGlass;
  }
}

beforeAll(async () => {
  w = await createWorld();
  cells = accessMatrix(unitKindsOf);
  const m = w.a.municipalityId;
  const now = w.clock.now();
  const hour = 3_600_000;
  const advisor = await signedIn(w.app, 'advisor@a.test');
  const q = w.database.query;

  // One unit of every kind, and one user per role and unit kind, signing in with the demo password.
  const unitOf = new Map<UnitKind, string>();
  for (const kind of UNIT_KINDS) {
    const [u] = await q<{ id: string }>('INSERT INTO units (municipality_id, name, kind, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id', [m, `Matrise ${kind}`, kind, now]);
    unitOf.set(kind, u!.id);
  }
  const [template] = await q<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = 'advisor@a.test'");
  const users: { id: string; unitId: string }[] = [];
  let ip = 1;
  for (const role of ROLES) {
    for (const kind of unitKindsOf(role)) {
      const email = `matrix-${role}-${kind}@a.test`.replace(/_/g, '-');
      const [u] = await q<{ id: string }>("INSERT INTO users (municipality_id, email, name, status, password_hash) VALUES ($1, $2, $3, 'active', $4) RETURNING id", [m, email, `Matrise ${role} ${kind}`, template!.password_hash]);
      await q('INSERT INTO role_assignments (municipality_id, user_id, unit_id, role) VALUES ($1, $2, $3, $4)', [m, u!.id, unitOf.get(kind), role]);
      users.push({ id: u!.id, unitId: unitOf.get(kind)! });
      agents.set(`${role}:${kind}`, await signedIn(w.app, email, `10.77.${Math.floor(ip / 250)}.${(ip % 250) + 1}`));
      ip++;
    }
  }

  // The people, registered through the API, each with a journal note in every category.
  const register = async (given: string) => {
    const res = await advisor.post('/api/persons', {
      person: { givenName: given, familyName: 'Matrise', birthDate: '1990-01-01', sex: 'female', arrivalCategory: 'resettlement', permitType: 'refugee', permitDate: '2026-01-10' },
      household: { mode: 'none' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    for (const category of JOURNAL_CATEGORIES) {
      const [note] = await q<{ id: string }>('INSERT INTO journal_notes (municipality_id, person_id, category, created_at, created_by) VALUES ($1, $2, $3, $4, NULL) RETURNING id', [m, id, category, now]);
      await q('INSERT INTO journal_note_versions (municipality_id, note_id, version, body, written_at) VALUES ($1, $2, 0, $3, $4)', [m, note!.id, `Notat (${category})`, now]);
    }
    return id;
  };
  people.none = await register('Ingen');
  people.team = await register('Team');
  people.breakGlass = await register('Nødtilgang');
  for (const c of DATA_CATEGORIES) {
    people.referral[c] = await register(`Henvisning ${c.replace(/_/g, ' ')}`);
    people.consent[c] = await register(`Samtykke ${c.replace(/_/g, ' ')}`);
  }

  // Team: every matrix unit is on the team person's team.
  for (const unitId of unitOf.values()) {
    await q('INSERT INTO person_team (municipality_id, person_id, unit_id, added_at) VALUES ($1, $2, $3, $4)', [m, people.team, unitId, now]);
  }
  // Referral: an accepted referral to every matrix unit naming only that person's category, sent by
  // the demo refugee service (a unit outside the matrix).
  const [sender] = await q<{ id: string }>("SELECT id FROM users WHERE email = 'advisor@a.test'");
  for (const c of DATA_CATEGORIES) {
    for (const unitId of unitOf.values()) {
      await q(
        `INSERT INTO referrals (municipality_id, person_id, from_unit_id, to_unit_id, reason, requested_help, categories, legal_basis, status, sent_at, sent_by, answered_at, answered_by)
         VALUES ($1, $2, $3, $4, 'Oppfølging', 'Vurdering', $5::text[], 'integreringsloven_41', 'accepted', $6, $7, $8, $7)`,
        [m, people.referral[c], w.a.unitIds.refugee, unitId, `{${c}}`, new Date(now.getTime() - 2 * hour), sender!.id, new Date(now.getTime() - hour)],
      );
    }
    // Consent: the person consents to every matrix unit reading that one category.
    const [consent] = await q<{ id: string }>(
      `INSERT INTO consents (municipality_id, person_id, given_by, purpose, categories, valid_from, valid_until, effective_from, effective_until, recorded_at, recorded_by)
       VALUES ($1, $2, 'person', 'Samordnet oppfølging', $3::text[], '2026-11-01', '2027-11-01', $4, $5, $4, $6) RETURNING id`,
      [m, people.consent[c], `{${c}}`, new Date(now.getTime() - 24 * hour), new Date(now.getTime() + 365 * 24 * hour), sender!.id],
    );
    for (const unitId of unitOf.values()) await q('INSERT INTO consent_units (municipality_id, consent_id, unit_id) VALUES ($1, $2, $3)', [m, consent!.id, unitId]);
  }
  // Break-the-glass: every matrix user holds an active grant on the break-the-glass person.
  for (const u of users) {
    await q(
      "INSERT INTO break_glass_grants (municipality_id, person_id, user_id, unit_id, reason, started_at, expires_at) VALUES ($1, $2, $3, $4, 'Akutt situasjon, trenger opplysninger', $5, $6)",
      [m, people.breakGlass, u.id, u.unitId, new Date(now.getTime() - hour), new Date(now.getTime() + 2 * hour)],
    );
  }
}, 300_000);
afterAll(async () => w?.close());

describe('the access matrix', () => {
  it('answers every role × unit kind × category × action × relationship over HTTP exactly as the policy says', async () => {
    const leaks: string[] = [];
    const lockouts: string[] = [];
    let allowed = 0;
    const noteCount = async (personId: string) => Number((await w.database.query<{ n: string }>('SELECT count(*) AS n FROM journal_notes WHERE person_id = $1', [personId]))[0]!.n);
    // Reads first (a write would add notes), then writes.
    const ordered = [...cells.filter((c) => c.action === 'read'), ...cells.filter((c) => c.action === 'write')];
    for (const cell of ordered) {
      const agent = agents.get(`${cell.role}:${cell.unitKind}`)!;
      const personId = personFor(cell.relationship, cell.category);
      const journalCategory = JOURNAL_OF[cell.category];
      const name = `${cell.role}/${cell.unitKind} ${cell.action} ${cell.category} (${cell.relationship})`;
      let got: boolean;
      if (cell.action === 'read') {
        const res = await agent.get(`/api/journal/persons/${personId}`);
        if (res.statusCode === 404) got = false;
        else {
          expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
          got = (res.json().notes as { category: string }[]).some((n) => n.category === journalCategory);
        }
        if (cell.category === 'identity') {
          // Identity is the record itself: the person page opens exactly when identity may be read.
          const page = await agent.get(`/api/persons/${personId}`);
          expect([200, 404], name).toContain(page.statusCode);
          if ((page.statusCode === 200) !== got) (got ? lockouts : leaks).push(`${name}: person page ${page.statusCode}, journal ${got}`);
        }
      } else {
        const before = await noteCount(personId);
        const res = await agent.post(`/api/journal/persons/${personId}/notes`, { category: journalCategory, text: `Matrise: ${name}`, meetingDate: null });
        got = res.statusCode === 201;
        if (!got) {
          expect([403, 404], `${name}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
          expect(await noteCount(personId), `${name}: a refused write stored nothing`).toBe(before);
        }
      }
      if (got) allowed++;
      if (got && !cell.expected) leaks.push(name);
      if (!got && cell.expected) lockouts.push(name);
    }
    const relationships = new Set(cells.map((c) => c.relationship)).size;
    const roleKinds = new Set(cells.map((c) => `${c.role}:${c.unitKind}`)).size;
    console.log(
      `access matrix: ${cells.length} cells (${roleKinds} role × unit kind pairs × ${DATA_CATEGORIES.length} categories × 2 actions × ${relationships} relationships) tried over HTTP: ` +
        `${allowed} allowed, ${cells.length - allowed} refused, ${leaks.length} leaks, ${lockouts.length} lock-outs`,
    );
    expect(leaks, 'allowed where the policy refuses').toEqual([]);
    expect(lockouts, 'refused where the policy allows').toEqual([]);
    expect(relationships).toBe(5);
    expect(cells.length).toBe(roleKinds * DATA_CATEGORIES.length * 2 * 5);
  }, 600_000);

  it('ends access with the relationship: a closed referral, a withdrawn consent, an expired break-the-glass', async () => {
    const nav = agents.get('partner:nav')!;
    const navUnit = (await w.database.query<{ id: string }>("SELECT id FROM units WHERE name = 'Matrise nav'"))[0]!.id;
    const canOpen = async (personId: string) => (await nav.get(`/api/persons/${personId}`)).statusCode === 200;
    expect(await canOpen(people.referral.programme)).toBe(true);
    await w.database.query("UPDATE referrals SET status = 'closed', ended_at = $1, outcome = 'Avsluttet' WHERE person_id = $2 AND to_unit_id = $3", [w.clock.now(), people.referral.programme, navUnit]);
    expect(await canOpen(people.referral.programme)).toBe(false);
    expect(await canOpen(people.consent.economy)).toBe(true);
    const [user] = await w.database.query<{ id: string }>("SELECT id FROM users WHERE email = 'advisor@a.test'");
    await w.database.query(
      "UPDATE consents SET withdrawn_on = '2026-11-23', withdrawn_by = 'person', withdrawn_at = $1, withdrawal_recorded_by = $2 WHERE person_id = $3",
      [w.clock.now(), user!.id, people.consent.economy],
    );
    expect(await canOpen(people.consent.economy)).toBe(false);
    expect(await canOpen(people.breakGlass)).toBe(true);
    w.clock.advance(2 * 3_600_000 + 1);
    expect(await canOpen(people.breakGlass)).toBe(false);
    // The probe itself is sound: a fresh id is unknown to everyone.
    expect(await canOpen(randomUUID())).toBe(false);
  });
});
