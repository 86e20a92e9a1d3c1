import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createWorld, signedIn, type World } from '../../test/harness.ts';

let w: World;
let advisor: Agent;
let nav: Agent;
let school: Agent;
let outsider: Agent; // advisor in municipality B
let person: { id: string; version: number };
let referralId: string;

const unit = (k: string) => w.a.unitIds[k]!;
type Overview = {
  person: { id: string; team: { unitId: string }[]; identity?: unknown; settlement?: unknown };
  journal: { total: number; notes: { id: string; category: string; excerpt: string; truncated: boolean; corrected: boolean; createdBy: string | null }[] } | null;
  referrals: { total: number; open: { id: string; status: string }[] };
};
const overview = async (agent: Agent, id = person.id) => {
  const res = await agent.get(`/api/persons/${id}/overview`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
};
const auditOf = (id: string, after: string) =>
  w.database.query<{ action: string; categories: string[]; actor_user_id: string }>(
    'SELECT action, categories, actor_user_id FROM audit_log WHERE subject_id = $1 AND id > $2 ORDER BY id',
    [id, after],
  );
const lastAuditId = async () => String((await w.database.query<{ id: string | null }>('SELECT max(id) AS id FROM audit_log'))[0]!.id ?? 0);

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  const res = await advisor.post('/api/persons', {
    person: { givenName: 'Yonas', familyName: 'Tesfamariam', birthDate: '1988-02-11', sex: 'male', originCountry: 'ERI', languages: ['ti'] },
    household: { mode: 'none' },
  });
  expect(res.statusCode, res.body).toBe(201);
  person = res.json();
  expect((await advisor.put(`/api/persons/${person.id}/team`, { unitIds: [unit('nav')], version: person.version })).statusCode).toBe(200);
  // Seven notes, minutes apart (the clock moves), the third corrected, the newest long.
  const texts = ['Første samtale.', 'Bolig gjennomgått.', 'Avtalt språkkurs.', 'Kartlegging av kompetanse.', 'Møte med NAV.', 'Oppfølging av skole for barna.', 'Lang notat. '.repeat(40)];
  const categories = ['general', 'settlement', 'programme', 'programme', 'economy', 'general', 'programme'];
  const ids: string[] = [];
  const versions: number[] = [];
  for (const [i, text] of texts.entries()) {
    w.clock.advance(5 * 60_000);
    const note = await advisor.post(`/api/journal/persons/${person.id}/notes`, { category: categories[i], text });
    expect(note.statusCode, note.body).toBe(201);
    ids.push(note.json().id);
    versions.push(note.json().versions[0].version);
  }
  w.clock.advance(60_000);
  const fixed = await advisor.post(`/api/journal/notes/${ids[4]}/versions`, { text: 'Møte med NAV, rettet dato.', reason: 'Feil dato', version: versions[4] });
  expect(fixed.statusCode, fixed.body).toBe(201);
  const sent = await advisor.post(`/api/referrals/persons/${person.id}`, {
    toUnitId: unit('nav'),
    reason: 'Behov for arbeidsrettet oppfølging.',
    requestedHelp: 'Kartlegging og tiltak.',
    categories: ['programme'],
    legalBasis: 'integreringsloven_41',
    dueDate: '2026-12-15',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  referralId = sent.json().id;
  // Signed in after the clock moved, so their sessions are fresh.
  nav = await signedIn(w.app, 'nav@a.test');
  school = await signedIn(w.app, 'school@a.test');
  outsider = await signedIn(w.app, 'advisor@b.test');
});
afterAll(async () => w?.close());

describe('GET /api/persons/:id/overview (the person page in one read)', () => {
  it('gives the person and team, the five newest notes with their current text shortened, and the open referrals', async () => {
    const o = await overview(advisor);
    expect(o.person.id).toBe(person.id);
    expect(o.person.team.map((t) => t.unitId)).toEqual([unit('nav')]);
    expect(o.journal!.total).toBe(7);
    expect(o.journal!.notes).toHaveLength(5);
    const long = o.journal!.notes[0]!;
    expect(long.excerpt).toHaveLength(300);
    expect(long.truncated).toBe(true);
    const corrected = o.journal!.notes.find((n) => n.excerpt.startsWith('Møte med NAV'))!;
    expect(corrected).toMatchObject({ excerpt: 'Møte med NAV, rettet dato.', corrected: true, truncated: false, category: 'economy' });
    expect(o.referrals.total).toBe(1);
    expect(o.referrals.open.map((r) => r.id)).toEqual([referralId]);
  });

  it('shows each user exactly the start of their own journal and referrals pages', async () => {
    for (const agent of [advisor, nav]) {
      const o = await overview(agent);
      const journal = (await agent.get(`/api/journal/persons/${person.id}`)).json();
      expect(o.journal!.total).toBe(journal.notes.length);
      expect(o.journal!.notes.map((n) => n.id)).toEqual(journal.notes.slice(0, 5).map((n: { id: string }) => n.id));
      for (const n of o.journal!.notes) {
        const full = journal.notes.find((x: { id: string }) => x.id === n.id);
        expect(full.versions[0].text.startsWith(n.excerpt)).toBe(true);
        expect(n.category).toBe(full.category);
      }
      const page = (await agent.get(`/api/referrals/persons/${person.id}`)).json();
      expect(o.referrals.open).toEqual(page.items.filter((r: { status: string }) => r.status === 'sent' || r.status === 'accepted'));
      expect(o.referrals.total).toBe(page.items.length);
    }
    // NAV on the team reads fewer categories than the refugee service: its notes are a subset.
    const navNotes = (await overview(nav)).journal;
    const allCategories = new Set((await overview(advisor)).journal!.notes.map((n) => n.category));
    expect(navNotes === null || navNotes.notes.every((n) => allCategories.has(n.category) || n.category === 'programme')).toBe(true);
  });

  it('audits the parts it shows, as the separate pages would: the person, the journal with its categories, each referral', async () => {
    const after = await lastAuditId();
    await overview(advisor);
    const rows = await auditOf(person.id, after);
    expect(rows.map((r) => r.action)).toEqual(['person.read', 'journal.read', 'referral.read']);
    expect(rows.every((r) => r.actor_user_id === w.a.userIds.advisor)).toBe(true);
    expect([...rows[1]!.categories].sort()).toEqual(['economy', 'identity', 'programme']);
    // The audit rows are chained after the commit, like every other.
    await w.sealer.sealNow(w.a.municipalityId);
    const unsealed = await w.database.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE subject_id = $1 AND seq IS NULL', [person.id]);
    expect(Number(unsealed[0]!.n)).toBe(0);
  });

  it('an ended referral leaves the open list and is only counted', async () => {
    const r = (await nav.get(`/api/referrals/${referralId}`)).json();
    const declined = await nav.post(`/api/referrals/${referralId}/answer`, { decision: 'decline', reason: 'Ikke vårt ansvar nå.', version: r.version });
    expect(declined.statusCode, declined.body).toBe(200);
    const o = await overview(advisor);
    expect(o.referrals).toMatchObject({ total: 1, open: [] });
  });

  it('401 without a session; 404 outside the team or municipality, with nothing written; 400 naming a bad id', async () => {
    expect((await new Agent(w.app).get(`/api/persons/${person.id}/overview`)).statusCode).toBe(401);
    const count = async () => Number((await w.database.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);
    const before = await count();
    expect((await school.get(`/api/persons/${person.id}/overview`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/persons/${person.id}/overview`)).statusCode).toBe(404);
    expect(await count()).toBe(before);
    const bad = await advisor.get('/api/persons/not-an-id/overview');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('id');
  });
});
