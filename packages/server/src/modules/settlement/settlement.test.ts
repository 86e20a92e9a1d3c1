import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

// The test clock stands at 2026-11-23.
let w: World;
let advisor: Agent;
let settlement: Agent;

const person = (over: Record<string, unknown> = {}) => ({
  givenName: 'Abdi',
  familyName: 'Warsame',
  birthDate: '1990-02-01',
  sex: 'male',
  arrivalCategory: 'reception_centre',
  permitType: 'refugee',
  permitDate: '2026-06-01',
  ...over,
});

async function register(agent: Agent, p: Record<string, unknown>, household: unknown = { mode: 'none' }) {
  const res = await agent.post('/api/persons', { person: p, household });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A household of a mother and two children, not yet settled, with a settlement case. */
async function family(name: string) {
  const mother = await register(advisor, person({ givenName: 'Hodan', familyName: name, sex: 'female', birthDate: '1992-04-04', householdRole: 'head', arrivalCategory: 'resettlement' }), { mode: 'new', name: `Familien ${name}` });
  const hh = mother.identity.householdId as string;
  const child = await register(advisor, person({ givenName: 'Ayaan', familyName: name, birthDate: '2018-05-05', householdRole: 'child', arrivalCategory: 'resettlement' }), { mode: 'existing', householdId: hh });
  const baby = await register(advisor, person({ givenName: 'Nuur', familyName: name, birthDate: '2023-07-07', householdRole: 'child', arrivalCategory: 'resettlement' }), { mode: 'existing', householdId: hh });
  const created = await settlement.post('/api/settlement/cases', { householdId: hh, imdiReference: null, offeredDate: '2026-10-01' });
  expect(created.statusCode, created.body).toBe(201);
  return { hh, ids: [mother.id, child.id, baby.id] as string[], kase: created.json() };
}

const facts = (kase: { version: number }, over: Record<string, unknown> = {}) => ({
  imdiReference: null,
  offeredDate: '2026-10-01',
  response: 'accepted',
  responseDate: '2026-10-05',
  declineReason: null,
  imdiDecisionDate: '2026-10-10',
  plannedArrivalDate: '2026-11-01',
  members: [],
  version: kase.version,
  ...over,
});

async function queue(agent: Agent, query = '') {
  const res = await agent.get(`/api/tasks?scope=unit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  settlement = await signedIn(w.app, 'settlement@a.test');
});
afterAll(async () => w?.close());

describe('yearly numbers', () => {
  it('records the request and the decision and counts the settled per category', async () => {
    await register(advisor, person({ givenName: 'Liban', familyName: 'Yusuf', arrivalCategory: 'unaccompanied_minor', birthDate: '2012-01-01', settlementDate: '2026-03-01' }));
    await register(advisor, person({ givenName: 'Ahmad', familyName: 'Noori', arrivalCategory: 'unaccompanied_minor', birthDate: '2010-01-01', settlementDate: '2026-03-01' }));
    await register(advisor, person({ givenName: 'Sara', familyName: 'Tesfay', arrivalCategory: 'family_reunified', settlementDate: '2026-04-01', permitType: 'family_immigration' }));
    await register(advisor, person({ givenName: 'Olena', familyName: 'Kovalenko', arrivalCategory: 'collective_protection', settlementDate: '2026-05-01', permitType: 'collective_protection' }));
    const put = await settlement.put('/api/settlement/years/2026', {
      fields: { requestedTotal: 30, requestedUnaccompanied: 5, decidedTotal: 25, acceptsUnaccompanied: true, decidedUnaccompanied: 4, decisionDate: '2026-02-20', decisionBody: 'Kommunestyret' },
      version: null,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ year: 2026, version: 0, counted: 3, unaccompanied: 2, remaining: 22, remainingUnaccompanied: 2 });
    expect(put.json().settled).toMatchObject({ um_under_15: 1, um_15_18: 1, family_reunified: 1, collective_protection: 1 });

    const list = (await advisor.get('/api/settlement/years')).json();
    expect(list.items[0]).toMatchObject({ year: 2026, decidedTotal: 25, counted: 3 });
    expect(list.can.edit).toBe(true);
    // The leader reads, and may not change.
    const leader = await signedIn(w.app, 'leader@a.test');
    expect((await leader.get('/api/settlement/years')).statusCode).toBe(200);
    expect((await leader.put('/api/settlement/years/2026', { fields: {}, version: 0 })).statusCode).toBe(403);
  });

  it('refuses a stale edit, impossible numbers and partners', async () => {
    const stale = await settlement.put('/api/settlement/years/2026', { fields: { decidedTotal: 20, decisionDate: '2026-02-20' }, version: 7 });
    expect(stale.statusCode).toBe(409);
    const again = await settlement.put('/api/settlement/years/2026', { fields: { decidedTotal: 20, decisionDate: '2026-02-20' }, version: null });
    expect(again.statusCode).toBe(409);
    const bad = await settlement.put('/api/settlement/years/2027', { fields: { decidedTotal: 20, decisionDate: '2027-02-20', acceptsUnaccompanied: false, decidedUnaccompanied: 3 }, version: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('fields.decidedUnaccompanied');
    const noDate = await settlement.put('/api/settlement/years/2027', { fields: { decidedTotal: 20 }, version: null });
    expect(noDate.json().error.fields[0].path).toBe('fields.decisionDate');
    const year = await settlement.put('/api/settlement/years/1999', { fields: {}, version: null });
    expect(year.statusCode).toBe(400);
    const nav = await signedIn(w.app, 'nav@a.test');
    expect((await nav.get('/api/settlement/years')).statusCode).toBe(403);
  });
});

describe('arrival pipeline and the first weeks', () => {
  it('follows a household from the offer to settlement, with the next step on the queue', async () => {
    const { hh, ids, kase } = await family('Farah');
    expect(kase).toMatchObject({ stage: 'offered', nextStep: 'respond_to_offer', nextStepDue: '2026-10-15', timing: { targetMonths: 3, targetDate: '2026-09-01', status: 'late' } });
    const tasks = (await queue(advisor)).items.filter((t: { householdId: string }) => t.householdId === hh);
    expect(tasks.map((t: { itemKey: string; overdue: boolean }) => [t.itemKey, t.overdue])).toEqual([['respond_to_offer', true]]);

    let res = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { imdiDecisionDate: null, plannedArrivalDate: null }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'accepted', nextStep: 'await_imdi_decision' });
    res = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(res.json(), { plannedArrivalDate: '2026-12-01' }));
    expect(res.json()).toMatchObject({ stage: 'arrival_planned', nextStep: 'assign_dwelling', nextStepDue: '2026-11-24' });

    const dwelling = await settlement.post('/api/housing/dwellings', { address: 'Storgata 1', kind: 'municipal', rooms: 3, monthlyRent: 12000, leaseStart: '2026-01-01', leaseEnd: '2027-12-31' });
    expect(dwelling.statusCode, dwelling.body).toBe(201);
    const alloc = await settlement.post(`/api/housing/dwellings/${dwelling.json().id}/allocations`, { householdId: hh, fromDate: '2026-12-01' });
    expect(alloc.statusCode, alloc.body).toBe(201);
    let view = (await settlement.get(`/api/settlement/cases/${kase.id}`)).json();
    expect(view).toMatchObject({ stage: 'dwelling_assigned', nextStep: 'register_settlement', allocations: [{ address: 'Storgata 1', fromDate: '2026-12-01' }] });

    // Settled on different days within the family.
    res = await settlement.put(
      `/api/settlement/cases/${kase.id}`,
      facts(view, {
        plannedArrivalDate: '2026-12-01',
        members: [
          { personId: ids[0], settlementDate: '2026-12-01', populationRegisteredDate: null },
          { personId: ids[1], settlementDate: '2026-12-01', populationRegisteredDate: null },
          { personId: ids[2], settlementDate: '2026-12-03', populationRegisteredDate: null },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view).toMatchObject({ stage: 'settled', nextStep: 'register_in_population_register', nextStepDue: '2026-12-09' });
    const keys = view.tasks.filter((t: { kind: string }) => t.kind === 'settlement.checklist').map((t: { itemKey: string; personId: string | null }) => `${t.itemKey}:${t.personId ? ids.indexOf(t.personId) : 'h'}`);
    expect(keys).toEqual(expect.arrayContaining(['settlement_conversation:h', 'start_payment:h', 'tb_screening:0', 'tb_screening:2', 'school_enrolment:1', 'kindergarten:2', 'programme_start:0', 'skills_mapping:0']));
    expect(keys).not.toContain('school_enrolment:0');
    // The settlement date went into each person's history.
    const history = (await advisor.get(`/api/persons/${ids[2]}/history`)).json().items;
    expect(history[0].changes).toEqual([{ field: 'settlementDate', from: null, to: '2026-12-03' }]);
    // The start payment belongs to NAV: on NAV's queue only when the family is on NAV's team.
    const nav = await signedIn(w.app, 'nav@a.test');
    expect((await queue(nav)).items.filter((t: { householdId: string }) => t.householdId === hh)).toEqual([]);
    const p0 = (await advisor.get(`/api/persons/${ids[0]}`)).json();
    expect((await advisor.put(`/api/persons/${ids[0]}/team`, { unitIds: [w.a.unitIds.nav], version: p0.version })).statusCode).toBe(200);
    const navTasks = (await queue(nav)).items;
    expect(navTasks.map((t: { itemKey: string }) => t.itemKey)).toEqual(['start_payment']);
    const done = await nav.post(`/api/tasks/${navTasks[0].id}`, { action: 'done', version: navTasks[0].version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    // NAV does not see the pipeline itself.
    expect((await nav.get(`/api/settlement/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await nav.get('/api/settlement/pipeline')).statusCode).toBe(403);

    // Registered in the population register: the pipeline is through, its task closed.
    res = await settlement.put(
      `/api/settlement/cases/${kase.id}`,
      facts(view, {
        plannedArrivalDate: '2026-12-01',
        members: ids.map((id, i) => ({ personId: id, settlementDate: i === 2 ? '2026-12-03' : '2026-12-01', populationRegisteredDate: '2026-12-05' })),
      }),
    );
    expect(res.json()).toMatchObject({ stage: 'registered', nextStep: null });
    expect(res.json().tasks.find((t: { kind: string }) => t.kind === 'settlement.pipeline').status).toBe('done');
  });

  it('refuses impossible dates naming the field, and writes nothing', async () => {
    const { ids, kase } = await family('Jama');
    const before = [await snapshot(w.database, 'settlement_cases'), await snapshot(w.database, 'persons'), await snapshot(w.database, 'tasks')];
    const early = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { members: [{ personId: ids[1], settlementDate: '2026-10-09', populationRegisteredDate: null }] }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ path: 'members.0.settlementDate', message: "cannot be before IMDi's settlement decision" }]);
    const arrival = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { plannedArrivalDate: '2026-09-01' }));
    expect(arrival.json().error.fields[0].path).toBe('plannedArrivalDate');
    const declined = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { response: 'declined', imdiDecisionDate: null, plannedArrivalDate: null }));
    expect(declined.json().error.fields[0].path).toBe('declineReason');
    const stranger = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { members: [{ personId: '00000000-0000-4000-8000-000000000001', settlementDate: null, populationRegisteredDate: null }] }));
    expect(stranger.json().error.fields[0].path).toBe('members.0.personId');
    const stale = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { version: 5 }));
    expect(stale.statusCode).toBe(409);
    expect([await snapshot(w.database, 'settlement_cases'), await snapshot(w.database, 'persons'), await snapshot(w.database, 'tasks')]).toEqual(before);
    const twice = await settlement.post('/api/settlement/cases', { householdId: kase.householdId, imdiReference: null, offeredDate: '2026-10-01' });
    expect(twice.statusCode).toBe(409);
  });

  it('leaves out households finished more than 90 days ago unless asked for them', async () => {
    const done = await family('Nur');
    const settled = await settlement.put(
      `/api/settlement/cases/${done.kase.id}`,
      facts(done.kase, {
        offeredDate: '2026-01-10',
        responseDate: '2026-01-15',
        imdiDecisionDate: '2026-01-20',
        plannedArrivalDate: '2026-04-01',
        members: done.ids.map((id) => ({ personId: id, settlementDate: '2026-04-01', populationRegisteredDate: '2026-05-01' })),
      }),
    );
    expect(settled.statusCode, settled.body).toBe(200);
    const declined = await family('Said');
    const no = await settlement.put(
      `/api/settlement/cases/${declined.kase.id}`,
      facts(declined.kase, { offeredDate: '2026-05-20', response: 'declined', responseDate: '2026-06-01', declineReason: 'Ingen egnet bolig', imdiDecisionDate: null, plannedArrivalDate: null }),
    );
    expect(no.statusCode, no.body).toBe(200);
    const recent = await family('Omar');
    const ids = (q: string) => settlement.get(`/api/settlement/pipeline${q}`).then((r) => r.json().items.map((i: { id: string }) => i.id));
    const board = await ids('');
    expect(board).toContain(recent.kase.id);
    expect(board).not.toContain(done.kase.id);
    expect(board).not.toContain(declined.kase.id);
    expect(await ids('?includeFinished=true')).toEqual(expect.arrayContaining([recent.kase.id, done.kase.id, declined.kase.id]));
  });

  it('lists every household with stage, next step and due date, and hides cases from other municipalities', async () => {
    const list = await settlement.get('/api/settlement/pipeline');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.counts.registered + body.counts.offered).toBeGreaterThanOrEqual(2);
    const offered = (await settlement.get('/api/settlement/pipeline?stage=offered')).json().items;
    expect(offered.every((i: { stage: string }) => i.stage === 'offered')).toBe(true);
    expect((await settlement.get('/api/settlement/pipeline?stage=nonsense')).statusCode).toBe(400);
    const other = await signedIn(w.app, 'settlement@b.test');
    expect((await other.get(`/api/settlement/cases/${body.items[0].id}`)).statusCode).toBe(404);
    expect((await other.get('/api/settlement/pipeline')).json().items).toEqual([]);
  });
});

describe("importing IMDi's distribution list", () => {
  const header = 'imdi_reference;offered_date;given_name;family_name;birth_date;sex;household_role;duf_number;arrival_category;permit_type;permit_date;nationality;languages';
  const good = [
    'FL-100;02.11.2026;Yonas;Haile;12.03.1985;M;hovedperson;201912340001;resettlement;refugee;15.08.2026;ERI;ti',
    'FL-100;02.11.2026;Selam;Haile;01.01.1990;K;ektefelle;201912340002;resettlement;refugee;15.08.2026;ERI;ti',
    'FL-101;02.11.2026;Mariam;Sultani;1995-05-05;K;hovedperson;;reception_centre;refugee;2026-07-01;AFG;prs',
  ];
  const csv = (lines: string[], bom = true) => `${bom ? '\uFEFF' : ''}${[header, ...lines].join('\r\n')}\r\n`;

  it('imports households with a byte-order mark, semicolons and Norwegian dates', async () => {
    const dry = await settlement.post('/api/settlement/cases/import', { csv: csv(good), dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 3, households: 2, problems: [], imported: { households: 0 } });
    const res = await settlement.post('/api/settlement/cases/import', { csv: csv(good) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: { households: 2, persons: 3 }, problems: [] });
    const kase = (await settlement.get(`/api/settlement/cases/${res.json().caseIds[0]}`)).json();
    expect(kase).toMatchObject({ imdiReference: 'FL-100', source: 'import', offeredDate: '2026-11-02', stage: 'offered' });
    expect(kase.members.map((m: { givenName: string; birthDate: string }) => `${m.givenName} ${m.birthDate}`).sort()).toEqual(['Selam 1990-01-01', 'Yonas 1985-03-12']);
    // Importing the same list again creates nothing.
    const again = await settlement.post('/api/settlement/cases/import', { csv: csv(good) });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['line 2: imdi_reference', 'line 2: duf_number', 'line 3: duf_number', 'line 4: imdi_reference']);
  });

  it('names the line and column of each problem, and writes nothing unless asked to import the valid rows', async () => {
    const persons = await snapshot(w.database, 'persons');
    const bad = csv([
      'FL-200;02.11.2026;Amina;Ali;30.02.2024;K;hovedperson;;resettlement;refugee;;SOM;so',
      'FL-201;02.11.2026;Hassan;Ali;01.01.1980;M;hovedperson;;spaceship;refugee;;SOM;so',
      'FL-202;02.11.2026;Khadija;Omar;01.01.1981;K;hovedperson;;resettlement;refugee;;SOM;so',
      'FL-202;02.11.2026;Khadija;Omar;01.01.1981;K;hovedperson;;resettlement;refugee;;SOM;so',
      'FL-203;02.11.2026;<b>Ali</b>;Omar;01.01.1981;M;hovedperson;;resettlement;refugee;;SOM;so',
      'FL-204;03.11.2026;Fadumo;Nur;01.01.1982;K;hovedperson;;resettlement;refugee;;SOM;so',
    ]);
    const res = await settlement.post('/api/settlement/cases/import', { csv: bad });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['line 2: birth_date', 'line 3: arrival_category', 'line 5', 'line 6: given_name']);
    expect(await snapshot(w.database, 'persons')).toEqual(persons);
    const valid = await settlement.post('/api/settlement/cases/import', { csv: bad, mode: 'valid_only' });
    expect(valid.statusCode, valid.body).toBe(200);
    // FL-202 has a duplicate row, so the whole household waits; FL-204 is fine.
    expect(valid.json().imported).toEqual({ households: 1, persons: 1 });
  });

  it('refuses a wrong header, a missing column and a file that is not CSV', async () => {
    const wrong = await settlement.post('/api/settlement/cases/import', { csv: 'ref;date;name\nA;B;C\n' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'line 1: ref' });
    const missing = await settlement.post('/api/settlement/cases/import', { csv: 'imdi_reference,offered_date,given_name,family_name,birth_date,sex\nA,2026-11-01,X,Y,1990-01-01,M\n' });
    expect(missing.json().error.fields).toEqual([{ path: 'line 1: household_role', message: 'The column "household_role" is missing' }]);
    const ragged = await settlement.post('/api/settlement/cases/import', { csv: `${header}\nFL-1;2026-11-01;A\n` });
    expect(ragged.json().error.fields[0]).toMatchObject({ path: 'line 2' });
    const nav = await signedIn(w.app, 'nav@a.test');
    expect((await nav.post('/api/settlement/cases/import', { csv: csv(good) })).statusCode).toBe(403);
  });
});

describe('housing', () => {
  it('keeps a register of dwellings, refuses double allocation and costs empty waiting dwellings', async () => {
    const badLease = await settlement.post('/api/housing/dwellings', { address: 'Kaia 2', kind: 'waiting', rooms: 2, monthlyRent: 9125, leaseStart: '2026-06-01', leaseEnd: '2026-05-01' });
    expect(badLease.statusCode).toBe(400);
    expect(badLease.json().error.fields[0].path).toBe('leaseEnd');
    const d = await settlement.post('/api/housing/dwellings', { address: 'Kaia 2', kind: 'waiting', rooms: 2, monthlyRent: 9125, landlord: 'Utleie AS', leaseStart: '2026-01-01', leaseEnd: '2027-01-31' });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json()).toMatchObject({ occupied: false, leaseWarning: true });
    const hh = (await register(advisor, person({ givenName: 'Rahel', familyName: 'Tekle', householdRole: 'head' }), { mode: 'new' })).identity.householdId;
    const hh2 = (await register(advisor, person({ givenName: 'Dawit', familyName: 'Kidane', householdRole: 'head' }), { mode: 'new' })).identity.householdId;
    const first = await settlement.post(`/api/housing/dwellings/${d.json().id}/allocations`, { householdId: hh, fromDate: '2026-07-01', toDate: '2026-09-30' });
    expect(first.statusCode, first.body).toBe(201);
    const clash = await settlement.post(`/api/housing/dwellings/${d.json().id}/allocations`, { householdId: hh2, fromDate: '2026-09-30' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0]).toMatchObject({ path: 'fromDate' });
    const before = await settlement.post(`/api/housing/dwellings/${d.json().id}/allocations`, { householdId: hh2, fromDate: '2025-12-01' });
    expect(before.statusCode).toBe(400);
    // Vacant January–June and October–December 2026, at 9125 × 12 / 365 = 300 kr a day.
    const v = (await settlement.get('/api/housing/vacancy?year=2026')).json();
    expect(v.waitingCostByMonth[0]).toBe(31 * 300);
    expect(v.waitingCostByMonth[7]).toBe(0);
    expect(v.waitingCostYear).toBe((181 + 92) * 300);
    expect(v.vacant.map((x: { address: string; vacantSince: string }) => [x.address, x.vacantSince])).toContainEqual(['Kaia 2', '2026-10-01']);
    // The lease ends within 90 days: a follow-up on the queue.
    const lease = (await queue(settlement, '&kind=housing')).items.find((t: { dwellingId: string }) => t.dwellingId === d.json().id);
    expect(lease).toMatchObject({ itemKey: 'lease_expiry', dueDate: '2026-11-02', overdue: true });
    const finance = await signedIn(w.app, 'finance@a.test');
    expect((await finance.get('/api/housing/vacancy')).statusCode).toBe(200);
    expect((await finance.post('/api/housing/dwellings', { address: 'X', kind: 'municipal', rooms: 1, monthlyRent: 1, leaseStart: '2026-01-01' })).statusCode).toBe(403);
  });
});

describe('family reunification', () => {
  it('follows expected family members and flags the five-year grant limit', async () => {
    const sponsor = await register(advisor, person({ givenName: 'Tesfay', familyName: 'Gebre', arrivalCategory: 'reception_centre', settlementDate: '2020-03-01' }));
    const late = await settlement.post('/api/settlement/reunifications', { sponsorPersonId: sponsor.id, expectedName: 'Mebrat Gebre', relation: 'spouse', applicationDate: '2025-06-01', expectedArrivalDate: '2027-01-15' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ sponsorFirstSettlement: '2020-03-01', grantLimitDate: '2025-03-01', grantLimitExceeded: true });
    const inTime = await settlement.post('/api/settlement/reunifications', { sponsorPersonId: sponsor.id, expectedName: 'Senait Gebre', relation: 'child', applicationDate: '2024-06-01' });
    expect(inTime.json().grantLimitExceeded).toBe(false);
    const arrived = await settlement.put(`/api/settlement/reunifications/${inTime.json().id}`, { fields: { sponsorPersonId: sponsor.id, expectedName: 'Senait Gebre', relation: 'child', status: 'arrived' }, version: 0 });
    expect(arrived.statusCode).toBe(400);
    expect(arrived.json().error.fields[0].path).toBe('arrivedPersonId');
    const nobody = await settlement.post('/api/settlement/reunifications', { sponsorPersonId: '00000000-0000-4000-8000-000000000009', expectedName: 'X Y', relation: 'child' });
    expect(nobody.json().error.fields[0].path).toBe('sponsorPersonId');
    const list = (await settlement.get('/api/settlement/reunifications')).json();
    expect(list.items.map((i: { expectedName: string }) => i.expectedName)).toEqual(['Mebrat Gebre', 'Senait Gebre']);
  });
});

describe('checklist template and work queue', () => {
  it('is editable per municipality and drives the tasks of the next settlement', async () => {
    const t = (await settlement.get('/api/settlement/checklist-template')).json();
    expect(t.version).toBe(0);
    expect(t.items.map((i: { key: string }) => i.key)).toContain('tb_screening');
    const dup = await settlement.put('/api/settlement/checklist-template', { items: [t.items[0], t.items[0]], version: 0 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields[0].path).toBe('items.1.key');
    const items = [...t.items.filter((i: { key: string }) => i.key !== 'housing_allowance'), { key: 'library_card', title: 'Lånekort på biblioteket', description: '', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 45 }];
    const saved = await settlement.put('/api/settlement/checklist-template', { items, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    expect((await settlement.put('/api/settlement/checklist-template', { items, version: 0 })).statusCode).toBe(409);

    const { ids, kase } = await family('Osman');
    const res = await settlement.put(`/api/settlement/cases/${kase.id}`, facts(kase, { members: [{ personId: ids[0], settlementDate: '2026-11-01', populationRegisteredDate: null }] }));
    expect(res.statusCode, res.body).toBe(200);
    const keys = res.json().tasks.map((x: { itemKey: string }) => x.itemKey);
    expect(keys).toContain('library_card');
    expect(keys).not.toContain('housing_allowance');
  });

  it("shows my unit's tasks due first, lets them be skipped with a reason, reassigned and reopened", async () => {
    const q = await queue(settlement);
    const dues = q.items.map((t: { dueDate: string | null }) => t.dueDate ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(q.overdue).toBeGreaterThan(0);
    expect(q.kinds).toEqual(expect.arrayContaining(['housing.lease', 'settlement.checklist', 'settlement.pipeline']));
    const onlyChecklist = await queue(settlement, '&kind=settlement.checklist');
    expect(onlyChecklist.items.every((t: { kind: string }) => t.kind === 'settlement.checklist')).toBe(true);
    const task = onlyChecklist.items[0];
    const noReason = await settlement.post(`/api/tasks/${task.id}`, { action: 'skip', version: task.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const skipped = await settlement.post(`/api/tasks/${task.id}`, { action: 'skip', reason: 'Har allerede bankkonto', version: task.version });
    expect(skipped.json()).toMatchObject({ status: 'skipped', skipReason: 'Har allerede bankkonto' });
    expect((await settlement.post(`/api/tasks/${task.id}`, { action: 'done', version: task.version })).statusCode).toBe(409);
    const reopened = await settlement.post(`/api/tasks/${task.id}`, { action: 'reopen', version: skipped.json().version });
    expect(reopened.json().status).toBe('open');
    const mine = await settlement.post(`/api/tasks/${task.id}`, { action: 'reassign', ownerUnitId: w.a.unitIds.refugee, assigneeUserId: w.a.userIds.advisor, version: reopened.json().version });
    expect(mine.statusCode, mine.body).toBe(200);
    const advisorsOwn = (await advisor.get('/api/tasks?scope=mine')).json().items;
    expect(advisorsOwn.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const wrongUnit = await settlement.post(`/api/tasks/${task.id}`, { action: 'reassign', ownerUnitId: w.a.unitIds.nav, assigneeUserId: w.a.userIds.advisor, version: mine.json().version });
    expect(wrongUnit.json().error.fields[0].path).toBe('assigneeUserId');
    // Another municipality's user cannot see or act on it.
    const other = await signedIn(w.app, 'settlement@b.test');
    expect((await other.post(`/api/tasks/${task.id}`, { action: 'done', version: mine.json().version })).statusCode).toBe(404);
    expect((await other.get('/api/tasks')).json().items).toEqual([]);
  });
});
