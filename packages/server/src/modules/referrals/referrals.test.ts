import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

let w: World;
let advisor: Agent;
let leader: Agent;
let nav: Agent;
let healthPartner: Agent;
let school: Agent;
let admin: Agent;
let outsider: Agent; // advisor in municipality B

const HOUR = 3_600_000;
let seq = 0;
/** A family name unique to this test run (letters only, as names must be). */
const family = (n = seq) => `Haddad${String(n).split('').map((d) => 'abcdefghij'[Number(d)]).join('')}`;

async function register(over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  seq += 1;
  const res = await advisor.post('/api/persons', {
    person: { givenName: 'Amina', familyName: family(), birthDate: '1990-05-01', sex: 'female', originCountry: 'SYR', languages: ['ar'], ...over },
    household: { mode: 'none' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const unit = (k: string) => w.a.unitIds[k]!;
const tables = ['referrals', 'referral_attachments', 'consents', 'consent_units', 'break_glass_grants', 'tasks'];
const snap = async () => Promise.all(tables.map((t) => snapshot(w.database, t)));

const referral = (over: Record<string, unknown> = {}) => ({
  toUnitId: unit('health'),
  reason: 'Søvnproblemer og hodepine etter ankomst.',
  requestedHelp: 'Helsevurdering og oppfølging.',
  categories: ['health'],
  legalBasis: 'forvaltningsloven_13b',
  dueDate: '2026-12-15',
  ...over,
});
const send = (agent: Agent, personId: string, over: Record<string, unknown> = {}) => agent.post(`/api/referrals/persons/${personId}`, referral(over));
const fieldOf = (res: { json(): unknown }) => (res.json() as { error: { fields?: { path: string }[] } }).error.fields?.[0]?.path;
const healthNote = (agent: Agent, personId: string) => agent.post(`/api/journal/persons/${personId}/notes`, { category: 'health', text: 'Vurdert av helsesykepleier.' });

beforeAll(async () => {
  w = await createWorld();
  // A partner user in the health unit (the demo's health worker holds the health_worker role, which reads health for all).
  const [nav0] = await w.database.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', ['nav@a.test']);
  const [u] = await w.database.query<{ id: string }>(
    `INSERT INTO users (municipality_id, email, name, status, password_hash, created_at, updated_at) VALUES ($1, 'hp@a.test', 'Hanne Helsepartner', 'active', $2, now(), now()) RETURNING id`,
    [w.a.municipalityId, nav0!.password_hash],
  );
  await w.database.query(`INSERT INTO role_assignments (municipality_id, user_id, unit_id, role) VALUES ($1, $2, $3, 'partner')`, [w.a.municipalityId, u!.id, unit('health')]);
  // A referral opens only what its sender reads: the advisor here also works in the refugee service's health team.
  await w.database.query(`INSERT INTO role_assignments (municipality_id, user_id, unit_id, role) VALUES ($1, $2, $3, 'health_worker')`, [w.a.municipalityId, w.a.userIds.advisor, unit('refugee')]);
  advisor = await signedIn(w.app, 'advisor@a.test');
  leader = await signedIn(w.app, 'leader@a.test');
  nav = await signedIn(w.app, 'nav@a.test');
  healthPartner = await signedIn(w.app, 'hp@a.test');
  school = await signedIn(w.app, 'school@a.test');
  admin = await signedIn(w.app, 'admin@a.test');
  outsider = await signedIn(w.app, 'advisor@b.test');
});
afterAll(async () => {
  await w?.close();
});

describe('referrals', () => {
  it('an accepted referral naming health opens health to the health partner; closing ends it at once', async () => {
    const p = await register();
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    const sent = await send(advisor, p.id);
    expect(sent.statusCode, sent.body).toBe(201);
    const r = sent.json();
    expect(r).toMatchObject({ status: 'sent', from: { id: unit('refugee') }, to: { id: unit('health') }, categories: ['health'], givesAccess: false, side: ['sender'] });
    expect(r.can).toEqual({ accept: false, decline: false, close: false, withdraw: true });

    // Sent, not accepted: still no access; the receiver sees the referral and its task (without the person's name).
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    const inbox = (await healthPartner.get('/api/referrals?box=in')).json();
    expect(inbox.items.map((x: { id: string }) => x.id)).toContain(r.id);
    const tasks = await w.database.query<{ status: string; item_key: string; owner_unit_id: string; person_id: string | null }>(
      'SELECT status, item_key, owner_unit_id, person_id FROM tasks WHERE source_key = $1',
      [`referral:${r.id}`],
    );
    expect(tasks).toEqual([{ status: 'open', item_key: 'answer', owner_unit_id: unit('health'), person_id: null }]);
    const queue = (await healthPartner.get('/api/tasks?scope=unit&status=open')).json();
    expect(JSON.stringify(queue)).toContain('referrals.referral');

    // The sender cannot accept its own referral.
    expect((await advisor.post(`/api/referrals/${r.id}/answer`, { decision: 'accept', version: r.version })).statusCode).toBe(403);
    const accepted = await healthPartner.post(`/api/referrals/${r.id}/answer`, { decision: 'accept', reason: null, version: r.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', givesAccess: true, side: ['receiver'] });

    const person = await healthPartner.get(`/api/persons/${p.id}`);
    expect(person.statusCode).toBe(200);
    expect(person.json().can.categories).toMatchObject({ identity: { read: true, write: false }, health: { read: true, write: true }, settlement: { read: false } });
    expect((await healthNote(healthPartner, p.id)).statusCode).toBe(201);
    expect((await healthPartner.get(`/api/journal/persons/${p.id}`)).json().notes.map((n: { category: string }) => n.category)).toContain('health');
    // A search finds the person through the referral.
    const found = (await healthPartner.post('/api/persons/search', { q: family() })).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await w.database.query('SELECT item_key FROM tasks WHERE source_key = $1', [`referral:${r.id}`]))[0]).toEqual({ item_key: 'follow_up' });

    // Another partner (NAV) still sees nothing.
    expect((await nav.get(`/api/persons/${p.id}`)).statusCode).toBe(404);

    const closed = await healthPartner.post(`/api/referrals/${r.id}/close`, { outcome: 'Vurdert og fulgt opp hos fastlege.', version: accepted.json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Vurdert og fulgt opp hos fastlege.', givesAccess: false });
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await healthNote(healthPartner, p.id)).statusCode).toBe(404);
    expect((await healthPartner.post('/api/persons/search', { q: family() })).json().items).toEqual([]);
    expect((await w.database.query('SELECT status FROM tasks WHERE source_key = $1', [`referral:${r.id}`]))[0]).toEqual({ status: 'done' });
    // A closed referral cannot be closed again.
    expect((await healthPartner.post(`/api/referrals/${r.id}/close`, { outcome: 'x', version: closed.json().version })).statusCode).toBe(409);

    const audit = await w.database.query<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'referral.%' ORDER BY id", [p.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['referral.send', 'referral.accept', 'referral.close', 'referral.list']));
  });

  it('declining needs a reason and gives no access; withdrawing by the sender ends access at once', async () => {
    const p = await register();
    const r = (await send(advisor, p.id)).json();
    const noReason = await healthPartner.post(`/api/referrals/${r.id}/answer`, { decision: 'decline', version: r.version });
    expect(noReason.statusCode).toBe(400);
    expect(fieldOf(noReason)).toBe('reason');
    const declined = await healthPartner.post(`/api/referrals/${r.id}/answer`, { decision: 'decline', reason: 'Hører til fastlegen.', version: r.version });
    expect(declined.json()).toMatchObject({ status: 'declined', answerReason: 'Hører til fastlegen.' });
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);

    const r2 = (await send(advisor, p.id)).json();
    const acc = (await healthPartner.post(`/api/referrals/${r2.id}/answer`, { decision: 'accept', version: r2.version })).json();
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(200);
    expect((await healthPartner.post(`/api/referrals/${r2.id}/withdraw`, { reason: 'x', version: acc.version })).statusCode).toBe(403);
    const wd = await advisor.post(`/api/referrals/${r2.id}/withdraw`, { reason: 'Personen har flyttet.', version: acc.version });
    expect(wd.json()).toMatchObject({ status: 'withdrawn' });
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    // A stale version is refused.
    const r3 = (await send(advisor, p.id)).json();
    expect((await healthPartner.post(`/api/referrals/${r3.id}/answer`, { decision: 'accept', version: r3.version + 1 })).statusCode).toBe(409);
  });

  it('a referral never gives more than the receiving kind may have: NAV gets its categories, never health', async () => {
    const p = await register();
    const bad = await send(advisor, p.id, { toUnitId: unit('nav'), categories: ['health'] });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toBe('categories');
    const r = (await send(advisor, p.id, { toUnitId: unit('nav'), categories: ['economy'] })).json();
    await nav.post(`/api/referrals/${r.id}/answer`, { decision: 'accept', version: r.version });
    const cats = (await nav.get(`/api/persons/${p.id}`)).json().can.categories;
    expect(cats).toMatchObject({ economy: { read: true, write: true }, programme: { read: false }, health: { read: false } });
  });

  it('bad input: own unit, unknown unit, missing or unsuitable consent, foreign attachment, past due date — 400 naming the field, nothing written', async () => {
    const p = await register();
    const before = await snap();
    const cases: [Record<string, unknown>, string][] = [
      [{ toUnitId: unit('refugee') }, 'toUnitId'],
      [{ toUnitId: w.b.unitIds.health }, 'toUnitId'],
      [{ toUnitId: '00000000-0000-4000-8000-000000000000' }, 'toUnitId'],
      [{ categories: ['settlement'] }, 'categories'],
      [{ categories: [] }, 'categories'],
      [{ legalBasis: 'consent' }, 'consentId'],
      [{ legalBasis: 'integreringsloven_42', consentId: '00000000-0000-4000-8000-000000000000' }, 'consentId'],
      [{ legalBasis: 'somewhere' }, 'legalBasis'],
      [{ attachmentIds: ['00000000-0000-4000-8000-000000000000'] }, 'attachmentIds'],
      [{ dueDate: '2020-01-01' }, 'dueDate'],
      [{ reason: '  ' }, 'reason'],
    ];
    for (const [over, field] of cases) {
      const res = await send(advisor, p.id, over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fieldOf(res), JSON.stringify(over)).toBe(field);
    }
    const ownUnit = await send(advisor, p.id, { toUnitId: unit('refugee') });
    expect(ownUnit.json().error.message).toMatch(/another unit/);
    expect(await snap()).toEqual(before);
  });

  it('401 without a session, outsiders get 404 with nothing written, a role that does no casework 403', async () => {
    const p = await register();
    const r = (await send(advisor, p.id)).json();
    const anon = w.app;
    for (const [method, url] of [
      ['GET', `/api/referrals/persons/${p.id}`],
      ['POST', `/api/referrals/persons/${p.id}`],
      ['GET', '/api/referrals'],
      ['GET', `/api/referrals/${r.id}`],
      ['POST', `/api/referrals/${r.id}/answer`],
      ['POST', `/api/referrals/${r.id}/close`],
      ['POST', `/api/referrals/${r.id}/withdraw`],
      ['GET', `/api/consents/persons/${p.id}`],
      ['POST', `/api/consents/persons/${p.id}`],
      ['POST', `/api/consents/${r.id}/withdraw`],
      ['POST', '/api/break-glass'],
      ['GET', `/api/break-glass/persons/${p.id}`],
      ['POST', `/api/break-glass/${r.id}/end`],
    ] as const) {
      expect((await anon.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode, url).toBe(401);
    }
    const before = await snap();
    for (const agent of [outsider, admin, nav, school]) {
      expect((await agent.get(`/api/referrals/persons/${p.id}`)).statusCode).toBe(404);
      expect((await send(agent, p.id)).statusCode).toBe(404);
      expect((await agent.get(`/api/referrals/${r.id}`)).statusCode).toBe(404);
      expect((await agent.post(`/api/referrals/${r.id}/answer`, { decision: 'accept', version: r.version })).statusCode).toBe(404);
      expect((await agent.post(`/api/referrals/${r.id}/close`, { outcome: 'x', version: r.version })).statusCode).toBe(404);
      expect((await agent.post(`/api/referrals/${r.id}/withdraw`, { reason: 'x', version: r.version })).statusCode).toBe(404);
      expect((await agent.get(`/api/consents/persons/${p.id}`)).statusCode).toBe(404);
    }
    expect((await outsider.get('/api/referrals?box=out')).json().items).toEqual([]);
    // The leader reads the person but does no casework: may not send a referral.
    expect((await send(leader, p.id)).statusCode).toBe(403);
    expect((await leader.post(`/api/consents/persons/${p.id}`, consent())).statusCode).toBe(403);
    expect(await snap()).toEqual(before);
    // The sender sees it in its outbox and on the person page.
    expect((await advisor.get('/api/referrals?box=out')).json().items.map((x: { id: string }) => x.id)).toContain(r.id);
    const page = (await advisor.get(`/api/referrals/persons/${p.id}`)).json();
    expect(page.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect(page.can.send).toBe(true);
    expect(page.options.receivers.find((u: { id: string }) => u.id === unit('health')).categories).toEqual(['identity', 'health']);
  });
});

describe('confidentiality of referrals', () => {
  it('a sender may not open a category it cannot read, nor answer its own referral', async () => {
    const p = await register();
    const team = await advisor.put(`/api/persons/${p.id}/team`, { unitIds: [unit('nav')], version: p.version });
    expect(team.statusCode, team.body).toBe(200);
    const before = await snap();
    const bad = await send(nav, p.id, { categories: ['health'] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(fieldOf(bad)).toBe('categories');
    expect(bad.json().error.message).toMatch(/may not read health/);
    expect(await snap()).toEqual(before);

    // A user acting for both units may send, but someone else must answer.
    const [nav0] = await w.database.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', ['nav@a.test']);
    const [u] = await w.database.query<{ id: string }>(
      `INSERT INTO users (municipality_id, email, name, status, password_hash, created_at, updated_at) VALUES ($1, 'both@a.test', 'Bo Begge', 'active', $2, now(), now()) RETURNING id`,
      [w.a.municipalityId, nav0!.password_hash],
    );
    for (const [k, role] of [['refugee', 'advisor'], ['health', 'partner']] as const) {
      await w.database.query(`INSERT INTO role_assignments (municipality_id, user_id, unit_id, role) VALUES ($1, $2, $3, $4)`, [w.a.municipalityId, u!.id, unit(k), role]);
    }
    const both = await signedIn(w.app, 'both@a.test');
    const r = await send(both, p.id, { categories: ['identity'] });
    expect(r.statusCode, r.body).toBe(201);
    for (const decision of ['accept', 'decline'] as const) {
      const res = await both.post(`/api/referrals/${r.json().id}/answer`, { decision, reason: 'x', version: r.json().version });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toMatch(/both the sending and the receiving unit/);
    }
    expect((await healthPartner.post(`/api/referrals/${r.json().id}/answer`, { decision: 'accept', version: r.json().version })).statusCode).toBe(200);
  });

  it('views follow the reader: read-only roles see nothing, the receiver loses the person once it ends, the sender sees texts only for categories it reads', async () => {
    advisor = await signedIn(w.app, 'advisor@a.test');
    school = await signedIn(w.app, 'school@a.test');
    const finance = await signedIn(w.app, 'finance@a.test');
    const settlement = await signedIn(w.app, 'settlement@a.test');
    const p = await register();
    const r = (await send(advisor, p.id, { reason: 'Alvorlig depresjon etter flukt.' })).json();
    // Finance and the leader do no casework: the referral does not exist for them.
    for (const agent of [finance, leader]) {
      expect(JSON.stringify((await agent.get('/api/referrals?box=out&status=all')).json())).not.toContain('Alvorlig depresjon');
      expect((await agent.get(`/api/referrals/${r.id}`)).statusCode).toBe(404);
    }
    // A settlement officer of the sending unit does not read health: the texts are withheld.
    const so = (await settlement.get(`/api/referrals/${r.id}`)).json();
    expect(so).toMatchObject({ reason: null, requestedHelp: null, attachments: [], withheld: { person: false, details: true } });
    expect(so.person.name).toContain('Amina');
    // The receiver sees the person and the texts while it must decide.
    const open = (await healthPartner.get(`/api/referrals/${r.id}`)).json();
    expect(open).toMatchObject({ reason: 'Alvorlig depresjon etter flukt.', withheld: { person: false, details: false } });
    const audit = await w.database.query<{ categories: string[]; role: string; unit_id: string }>(
      "SELECT categories, role, unit_id FROM audit_log WHERE subject_id = $1 AND action = 'referral.read' ORDER BY id",
      [p.id],
    );
    expect(audit).toEqual([
      { categories: ['identity'], role: 'settlement_officer', unit_id: unit('refugee') },
      { categories: ['identity', 'health'], role: 'partner', unit_id: unit('health') },
    ]);

    // Withdrawn before acceptance: the school keeps only status, dates and units.
    const s = (await send(advisor, p.id, { toUnitId: unit('school'), categories: ['programme'], reason: 'Trenger tilrettelegging.' })).json();
    expect((await school.get(`/api/referrals/${s.id}`)).json().reason).toBe('Trenger tilrettelegging.');
    await advisor.post(`/api/referrals/${s.id}/withdraw`, { reason: 'Feil mottaker.', version: s.version });
    for (const view of [(await school.get(`/api/referrals/${s.id}`)).json(), ...(await school.get('/api/referrals?box=in&status=all')).json().items.filter((x: { id: string }) => x.id === s.id)]) {
      expect(view).toMatchObject({ status: 'withdrawn', person: { name: null, birthDate: null }, reason: null, requestedHelp: null, attachments: [], withheld: { person: true, details: true } });
      expect(JSON.stringify(view)).not.toContain('Amina');
    }
  });

  it('the consent list shows only consents the reader may read in full or that cover its unit, and counts the others', async () => {
    const p = await register();
    const prog = (await advisor.post(`/api/consents/persons/${p.id}`, consent({ purpose: 'Skolen får programdata.', categories: ['programme'], unitIds: [unit('school')] }))).json();
    const health = await advisor.post(`/api/consents/persons/${p.id}`, consent({ givenBy: 'guardian', guardianName: 'Omar Haddad' }));
    expect(health.statusCode, health.body).toBe(201);
    const seen = await school.get(`/api/consents/persons/${p.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items.map((c: { id: string }) => c.id)).toEqual([prog.id]);
    expect(seen.json().hidden).toBe(1);
    expect(seen.body).not.toContain('Omar Haddad');
    expect(seen.body).not.toContain('helseopplysninger');
    // The advisor (who reads health) sees both.
    expect((await advisor.get(`/api/consents/persons/${p.id}`)).json()).toMatchObject({ hidden: 0, items: [{}, {}] });
    // So does the settlement officer, who keeps the record (writes identity) without reading health: the
    // refugee service records and withdraws consents, so it sees every consent record.
    const settlement = await signedIn(w.app, 'settlement@a.test');
    expect((await settlement.get(`/api/consents/persons/${p.id}`)).json()).toMatchObject({ hidden: 0, items: [{}, {}] });
  });
});

const consent = (over: Record<string, unknown> = {}) => ({
  givenBy: 'person',
  purpose: 'Dele helseopplysninger med helsestasjonen for oppfølging.',
  categories: ['health'],
  unitIds: [unit('health')],
  validFrom: '2026-11-01',
  validUntil: '2027-10-31',
  ...over,
});

describe('consent', () => {
  it('grants read at once and withdrawal revokes at once, also for a referral resting on it', async () => {
    const p = await register();
    const rec = await advisor.post(`/api/consents/persons/${p.id}`, consent());
    expect(rec.statusCode, rec.body).toBe(201);
    const c = rec.json();
    expect(c).toMatchObject({ state: 'active', givenBy: 'person', units: [{ id: unit('health') }], categories: ['health'], withdrawal: null, canWithdraw: true });
    const cats = (await healthPartner.get(`/api/persons/${p.id}`)).json().can.categories;
    expect(cats).toMatchObject({ identity: { read: true }, health: { read: true, write: false } });
    expect((await healthNote(healthPartner, p.id)).statusCode).toBe(403);

    // A referral on consent: must name a consent that covers the receiver and categories.
    const wrongUnit = await send(advisor, p.id, { toUnitId: unit('nav'), categories: ['economy'], legalBasis: 'consent', consentId: c.id });
    expect(fieldOf(wrongUnit)).toBe('consentId');
    const r = (await send(advisor, p.id, { legalBasis: 'consent', consentId: c.id })).json();
    expect(r.consent).toMatchObject({ id: c.id, state: 'active' });
    await healthPartner.post(`/api/referrals/${r.id}/answer`, { decision: 'accept', version: r.version });
    expect((await healthNote(healthPartner, p.id)).statusCode).toBe(201);

    w.clock.advance(60_000);
    const wd = await advisor.post(`/api/consents/${c.id}/withdraw`, { withdrawnOn: '2026-11-23', withdrawnBy: 'person', version: c.version });
    expect(wd.statusCode, wd.body).toBe(200);
    expect(wd.json()).toMatchObject({ state: 'withdrawn', withdrawal: { on: '2026-11-23', by: 'person', recordedBy: 'Ingrid Rådgiver' }, canWithdraw: false });
    expect((await healthPartner.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await advisor.get(`/api/referrals/${r.id}`)).json()).toMatchObject({ status: 'accepted', givesAccess: false, consent: { state: 'withdrawn' } });
    const notes = await w.database.query<{ kind: string }>("SELECT kind FROM notifications WHERE kind = 'consent_withdrawn' AND person_id = $1", [p.id]);
    expect(notes.length).toBeGreaterThan(0);
    // Withdrawn twice: refused.
    expect((await advisor.post(`/api/consents/${c.id}/withdraw`, { withdrawnOn: '2026-11-23', withdrawnBy: 'person', version: c.version + 1 })).statusCode).toBe(400);
  });

  it('bad input: end before start, guardian without a name, unknown unit — 400 naming the field, nothing written', async () => {
    const p = await register();
    const before = await snap();
    for (const [over, field] of [
      [{ validFrom: '2026-12-01', validUntil: '2026-11-30' }, 'validUntil'],
      [{ givenBy: 'guardian' }, 'guardianName'],
      [{ unitIds: ['00000000-0000-4000-8000-000000000000'] }, 'unitIds'],
      [{ unitIds: [] }, 'unitIds'],
      [{ categories: ['wealth'] }, 'categories.0'],
      [{ purpose: '' }, 'purpose'],
    ] as [Record<string, unknown>, string][]) {
      const res = await advisor.post(`/api/consents/persons/${p.id}`, consent(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fieldOf(res), JSON.stringify(over)).toBe(field);
    }
    expect(await snap()).toEqual(before);
    const g = await advisor.post(`/api/consents/persons/${p.id}`, consent({ givenBy: 'guardian', guardianName: 'Omar Haddad' }));
    expect(g.json()).toMatchObject({ givenBy: 'guardian', guardianName: 'Omar Haddad' });
    const futureWithdrawal = await advisor.post(`/api/consents/${g.json().id}/withdraw`, { withdrawnOn: '2026-12-24', withdrawnBy: 'guardian', withdrawnByName: 'Omar Haddad', version: 0 });
    expect(fieldOf(futureWithdrawal)).toBe('withdrawnOn');
    expect((await advisor.post(`/api/consents/${g.json().id}/withdraw`, { withdrawnOn: '2026-11-23', withdrawnBy: 'guardian', version: 0 })).statusCode).toBe(400);
  });
});

describe('break-the-glass', () => {
  it('reads for three hours with a stated reason, audited and notified; then 404 again', async () => {
    const p = await register({ dufNumber: '2019 8765 4321' });
    expect((await nav.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    const short = await nav.post('/api/break-glass', { idNumber: '201987654321', reason: 'haster' });
    expect(short.statusCode).toBe(400);
    expect(fieldOf(short)).toBe('reason');
    expect((await nav.post('/api/break-glass', { idNumber: '201900000000', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' })).statusCode).toBe(404);
    const partial = await nav.post('/api/break-glass', { idNumber: 'Haddad', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' });
    expect(fieldOf(partial)).toBe('idNumber');

    const g = await nav.post('/api/break-glass', { idNumber: '2019 8765 4321', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json()).toMatchObject({ personId: p.id, expiresAt: new Date(w.clock.t + 3 * HOUR).toISOString(), endedAt: null });
    const cats = (await nav.get(`/api/persons/${p.id}`)).json().can.categories;
    expect(cats).toMatchObject({ identity: { read: true, write: false }, economy: { read: true, write: false }, health: { read: false } });
    expect((await nav.get(`/api/break-glass/persons/${p.id}`)).json().active).toMatchObject({ id: g.json().id });
    expect((await nav.post('/api/persons/search', { q: p.id.slice(0, 0) + '201987654321' })).json().items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    // Already reached: a second glass is refused.
    expect((await nav.post('/api/break-glass', { idNumber: '201987654321', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' })).statusCode).toBe(409);
    // Roles that reach everyone, or no one, get none.
    expect((await advisor.post('/api/break-glass', { idNumber: '201987654321', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' })).statusCode).toBe(409);
    expect((await admin.post('/api/break-glass', { idNumber: '201987654321', reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.' })).statusCode).toBe(403);

    const audit = await w.database.query<{ action: string; categories: string[]; role: string }>(
      "SELECT action, categories, role FROM audit_log WHERE subject_id = $1 AND action = 'person.break_glass'",
      [p.id],
    );
    expect(audit).toEqual([{ action: 'person.break_glass', categories: ['identity', 'programme', 'economy'], role: 'partner' }]);
    const leaderId = w.a.userIds.leader;
    const notified = await w.database.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'break_glass' AND person_id = $1", [p.id]);
    expect(notified.map((n) => n.user_id)).toEqual([leaderId]);
    const row = await w.database.query<{ reason: string; unit_id: string; reviewed_at: null }>('SELECT reason, unit_id, reviewed_at FROM break_glass_grants WHERE person_id = $1', [p.id]);
    expect(row).toEqual([{ reason: 'Akutt situasjon på NAV-kontoret, trenger kontaktinfo.', unit_id: unit('nav'), reviewed_at: null }]);

    // Sessions time out when idle for hours: sign in again after each jump of the test clock.
    w.clock.advance(3 * HOUR - 1000);
    nav = await signedIn(w.app, 'nav@a.test');
    expect((await nav.get(`/api/persons/${p.id}`)).statusCode).toBe(200);
    w.clock.advance(1000);
    expect((await nav.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await nav.get(`/api/break-glass/persons/${p.id}`)).json().active).toBeNull();
  });

  it('the user may end it early; nobody else may', async () => {
    advisor = await signedIn(w.app, 'advisor@a.test');
    nav = await signedIn(w.app, 'nav@a.test');
    school = await signedIn(w.app, 'school@a.test');
    const p = await register({ dufNumber: '2019 1111 2222' });
    const g = (await school.post('/api/break-glass', { idNumber: '201911112222', reason: 'Eleven er syk, trenger foresattes kontaktinfo.' })).json();
    expect((await school.get(`/api/persons/${p.id}`)).statusCode).toBe(200);
    expect((await nav.post(`/api/break-glass/${g.id}/end`)).statusCode).toBe(404);
    const ended = await school.post(`/api/break-glass/${g.id}/end`);
    expect(ended.json().endedAt).not.toBeNull();
    expect((await school.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
  });
});
