import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

// The test clock stands at 2026-11-23. Person P settled 2025-10-01: grant year 1 = 2025, the first
// application is due 2026-12-01 (14 months). Person L settled 2025-01-10: due 2026-03-10, already past.
let w: World;
let advisor: Agent;
let grants: Agent;
let personId: string;
let lateId: string;
let caseId: string;

async function person(a: Agent, given: string, settlementDate: string, birthDate = '1988-04-02') {
  const res = await a.post('/api/persons', {
    person: { givenName: given, familyName: 'Haidari', birthDate, sex: 'female', arrivalCategory: 'resettlement', permitType: 'refugee', permitDate: '2024-12-01', settlementDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const fields = (res: { json(): { error: { fields?: { path: string; message: string }[] } } }) => res.json().error.fields ?? [];

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  grants = await signedIn(w.app, 'grants@a.test');
  personId = await person(advisor, 'Amina', '2025-10-01');
  lateId = await person(advisor, 'Laila', '2025-01-10');
  // The municipality's own cap for 2025 (its own row wins over the shipped default, if any).
  await w.database.query(
    `INSERT INTO grant_rates (municipality_id, code, year, amount, source, status) VALUES ($1, 'FHT2', 2025, 100000000, 'test', 'verified'), ($1, 'FHT1', 2025, 19640000, 'test', 'verified')`,
    [w.a.municipalityId],
  );
});
afterAll(async () => w?.close());

describe('opening a case', () => {
  it('is the grant coordinator’s function: other roles are refused, other municipalities see nothing', async () => {
    expect((await advisor.get('/api/extra-grants/cases')).statusCode).toBe(403);
    expect((await advisor.post('/api/extra-grants/cases', { personId })).statusCode).toBe(403);
    const nav = await signedIn(w.app, 'nav@a.test');
    expect((await nav.get('/api/extra-grants/suggestions')).statusCode).toBe(403);
  });

  it('suggests people with a signal in the register (a health unit on the team)', async () => {
    expect((await grants.get('/api/extra-grants/suggestions')).json().items).toEqual([]);
    const p = (await advisor.get(`/api/persons/${personId}`)).json();
    expect((await advisor.put(`/api/persons/${personId}/team`, { unitIds: [w.a.unitIds.health], version: p.version })).statusCode).toBe(200);
    const s = (await grants.get('/api/extra-grants/suggestions')).json().items;
    expect(s).toEqual([{ personId, name: 'Amina Haidari', birthDate: '1988-04-02', firstSettlementDate: '2025-10-01', signals: ['health_team'], firstDeadline: '2026-12-01' }]);
  });

  it('opens a case with the first deadline on the queue, once per person', async () => {
    const res = await grants.post('/api/extra-grants/cases', { personId, signal: 'health_team' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    caseId = c.id;
    expect(c).toMatchObject({ personId, status: 'open', signal: 'health_team', firstDeadline: '2026-12-01', lastGrantYear: 5, consentInForce: false, person: { firstSettlementDate: '2025-10-01' } });
    const again = await grants.post('/api/extra-grants/cases', { personId });
    expect(again.statusCode).toBe(409);
    const queue = (await grants.get('/api/tasks?scope=unit&kind=extra_grants.deadline')).json().items;
    expect(queue.map((t: { itemKey: string; dueDate: string }) => [t.itemKey, t.dueDate])).toEqual([['deadline_first', '2026-12-01']]);
    expect((await grants.get('/api/extra-grants/suggestions')).json().items).toEqual([]);
    const list = (await grants.get('/api/extra-grants/cases')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: caseId, name: 'Amina Haidari', nextDeadline: { due: '2026-12-01', grantYear: 1, overdue: false } })]);
  });

  it('answers 404 to another municipality and to an unknown case, and audits every read', async () => {
    const other = await signedIn(w.app, 'grants@b.test');
    expect((await other.get(`/api/extra-grants/cases/${caseId}`)).statusCode).toBe(404);
    expect((await other.put(`/api/extra-grants/cases/${caseId}/checklist`, { checklist: { background: 'x' }, version: 0 })).statusCode).toBe(404);
    expect((await grants.get('/api/extra-grants/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await grants.get(`/api/extra-grants/cases/${caseId}`)).statusCode).toBe(200);
    const audit = await w.database.query<{ action: string; categories: string[] }>(`SELECT action, categories FROM audit_log WHERE subject_id = $1 AND action = 'extra_grants.case.read'`, [personId]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.categories).toEqual(['health', 'child_welfare', 'economy']);
  });

  it('keeps the coordinator’s checklist with the version read', async () => {
    const res = await grants.put(`/api/extra-grants/cases/${caseId}/checklist`, { checklist: { background: 'Flukt fra Syria, lite skolegang', challenges: 'Alvorlig synshemming', generalPractitioner: 'Dr. Berg' }, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, checklist: { challenges: 'Alvorlig synshemming' } });
    expect((await grants.put(`/api/extra-grants/cases/${caseId}/checklist`, { checklist: {}, version: 0 })).statusCode).toBe(409);
    expect((await grants.put(`/api/extra-grants/cases/${caseId}/checklist`, { checklist: { favourite: 'x' }, version: 1 })).statusCode).toBe(400);
  });
});

describe('consent and requests to units', () => {
  it('refuses a request before informed consent, with the reason, and writes nothing', async () => {
    const before = await snapshot(w.database, 'extra_grant_requests');
    const res = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.health, kind: 'documentation', message: 'Legeerklæring og beskrivelse av hjelpebehov', dueDate: '2026-12-10' });
    expect(res.statusCode).toBe(409);
    expect(fields(res)[0]).toMatchObject({ path: 'unitId', message: expect.stringMatching(/no informed consent/) });
    expect(await snapshot(w.database, 'extra_grant_requests')).toEqual(before);
  });

  it('records consent: by whom, scope and date; refuses a future date and an empty scope', async () => {
    const bad = await grants.post(`/api/extra-grants/cases/${caseId}/consents`, { signedBy: 'person', signerName: 'Amina Haidari', scope: [], consentDate: '2026-12-24' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).map((f) => f.path)).toEqual(['consentDate', 'scope']);
    const res = await grants.post(`/api/extra-grants/cases/${caseId}/consents`, { signedBy: 'person', signerName: 'Amina Haidari', scope: ['health', 'child_welfare'], scopeNote: 'IMDis mal', consentDate: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ consentInForce: true, consents: [{ signedBy: 'person', scope: ['health', 'child_welfare'], consentDate: '2026-11-20' }] });
  });

  it('sends requests only to units the consent covers; each goes on the unit’s queue', async () => {
    const school = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.school, kind: 'costs', message: 'Kostnader til assistent', dueDate: '2026-12-10' });
    expect(school.statusCode).toBe(409);
    expect(fields(school)[0]!.message).toMatch(/does not cover this kind of service \(school\)/);
    const past = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.health, kind: 'documentation', message: 'x', dueDate: '2026-01-01' });
    expect(fields(past)[0]!.path).toBe('dueDate');
    const h = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.health, kind: 'documentation_and_costs', message: 'Legeerklæring og stipulerte kostnader', dueDate: '2026-12-10' });
    expect(h.statusCode, h.body).toBe(200);
    const cw = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.childwelfare, kind: 'documentation', message: 'Tiltak fra barnevernet', dueDate: '2026-12-10' });
    expect(cw.statusCode, cw.body).toBe(200);
    expect(cw.json().requests.map((r: { unitName: string; status: string }) => [r.unitName, r.status])).toEqual([
      ['Barneverntjenesten', 'sent'],
      ['Helsestasjon for flyktninger', 'sent'],
    ]);
    const health = await signedIn(w.app, 'health@a.test');
    const tasks = (await health.get('/api/tasks?scope=unit&kind=extra_grants.request')).json().items;
    expect(tasks.map((t: { dueDate: string; personId: string | null }) => [t.dueDate, t.personId])).toEqual([['2026-12-10', null]]);
  });

  it('each unit sees and answers only its own request; everyone else gets 404', async () => {
    const health = await signedIn(w.app, 'health@a.test');
    const childwelfare = await signedIn(w.app, 'childwelfare@a.test');
    const nav = await signedIn(w.app, 'nav@a.test');
    const inbox = (await health.get('/api/extra-grants/inbox')).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ unitName: 'Helsestasjon for flyktninger', personName: 'Amina Haidari', status: 'sent' });
    const healthId = inbox[0].id as string;
    const cwId = (await childwelfare.get('/api/extra-grants/inbox')).json().items[0].id as string;
    expect((await nav.get('/api/extra-grants/inbox')).json().items).toEqual([]);
    expect((await childwelfare.get(`/api/extra-grants/requests/${healthId}`)).statusCode).toBe(404);
    expect((await health.get(`/api/extra-grants/requests/${cwId}`)).statusCode).toBe(404);
    expect((await nav.get(`/api/extra-grants/requests/${healthId}`)).statusCode).toBe(404);
    expect((await advisor.get(`/api/extra-grants/requests/${healthId}`)).statusCode).toBe(404);
    const other = await signedIn(w.app, 'health@b.test');
    expect((await other.get(`/api/extra-grants/requests/${healthId}`)).statusCode).toBe(404);
    const before = await snapshot(w.database, 'extra_grant_requests');
    expect((await childwelfare.post(`/api/extra-grants/requests/${healthId}/answer`, { answer: 'x', informant: 'y', version: 0 })).statusCode).toBe(404);
    expect(await snapshot(w.database, 'extra_grant_requests')).toEqual(before);

    const view = await health.get(`/api/extra-grants/requests/${healthId}`);
    expect(view.json()).toMatchObject({ person: { name: 'Amina Haidari' }, message: 'Legeerklæring og stipulerte kostnader', can: { answer: true } });
    const noInformant = await health.post(`/api/extra-grants/requests/${healthId}/answer`, { answer: 'Se legeerklæring', version: 0 });
    expect(fields(noInformant)[0]!.path).toBe('informant');
    const ans = await health.post(`/api/extra-grants/requests/${healthId}/answer`, { answer: 'Blind fra fødsel; trenger ledsager og mobilitetstrening', costEstimate: 12_000_000, informant: 'Kari Lege, fastlege', version: 0 });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json()).toMatchObject({ status: 'answered', can: { answer: false } });
    expect((await health.get('/api/tasks?scope=unit&kind=extra_grants.request')).json().items).toEqual([]);
    // The coordinator reads the answer in the case; the audit names the unit that read and answered.
    const c = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json();
    expect(c.requests.find((r: { unitName: string }) => r.unitName === 'Helsestasjon for flyktninger')).toMatchObject({ status: 'answered', answer: 'Blind fra fødsel; trenger ledsager og mobilitetstrening', costEstimate: 12_000_000, informant: 'Kari Lege, fastlege' });
    const audit = await w.database.query<{ action: string; unit_id: string }>(`SELECT action, unit_id FROM audit_log WHERE action LIKE 'extra_grants.request.%' AND unit_id = $1 ORDER BY id`, [w.a.unitIds.health]);
    expect(audit.map((a) => a.action)).toEqual(['extra_grants.request.read', 'extra_grants.request.answer']);
  });

  it('reminds a unit: the task says so and stays on its queue', async () => {
    const c = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json();
    const cw = c.requests.find((r: { unitName: string }) => r.unitName === 'Barneverntjenesten');
    const res = await grants.post(`/api/extra-grants/requests/${cw.id}/remind`, { version: cw.version });
    expect(res.statusCode, res.body).toBe(200);
    const childwelfare = await signedIn(w.app, 'childwelfare@a.test');
    const tasks = (await childwelfare.get('/api/tasks?scope=unit&kind=extra_grants.request')).json().items;
    expect(tasks[0].title).toMatch(/^Purring 1/);
  });
});

describe('cost lines, applications and deadlines', () => {
  it('refuses a cost line in another currency or outside the grant years, naming the field', async () => {
    const before = await snapshot(w.database, 'extra_grant_cost_lines');
    const eur = await grants.post(`/api/extra-grants/cases/${caseId}/cost-lines`, { unitId: w.a.unitIds.health, grantYear: 1, description: 'Ledsager', currency: 'EUR', estimate: 1_000_000 });
    expect(eur.statusCode).toBe(400);
    expect(fields(eur)[0]).toMatchObject({ path: 'currency', message: expect.stringMatching(/must be NOK/) });
    const y6 = await grants.post(`/api/extra-grants/cases/${caseId}/cost-lines`, { unitId: w.a.unitIds.health, grantYear: 6, description: 'Ledsager', estimate: 1_000_000 });
    expect(fields(y6)[0]).toMatchObject({ path: 'grantYear', message: expect.stringMatching(/from 1 to 5/) });
    const neg = await grants.post(`/api/extra-grants/cases/${caseId}/cost-lines`, { unitId: w.a.unitIds.health, grantYear: 1, description: 'Ledsager', estimate: -5 });
    expect(fields(neg)[0]!.path).toBe('estimate');
    expect(await snapshot(w.database, 'extra_grant_cost_lines')).toEqual(before);
  });

  it('adds cost lines per unit and sums them for the grant year', async () => {
    for (const [unit, description, estimate] of [
      [w.a.unitIds.health, 'Ledsager og mobilitetstrening', 60_000_000],
      [w.a.unitIds.childwelfare, 'Avlastning', 30_000_000],
    ] as const) {
      const r = await grants.post(`/api/extra-grants/cases/${caseId}/cost-lines`, { unitId: unit, grantYear: 1, description, currency: 'nok', estimate });
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('year 1 or 2 takes either tilskudd 1 or 2; the application’s deadline replaces the first one on the queue', async () => {
    const y6 = await grants.post(`/api/extra-grants/cases/${caseId}/applications`, { grantYear: 6, kind: 'tilskudd2' });
    expect(fields(y6)[0]!.path).toBe('grantYear');
    const res = await grants.post(`/api/extra-grants/cases/${caseId}/applications`, { grantYear: 1, kind: 'tilskudd2' });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().applications[0];
    expect(a).toMatchObject({ grantYear: 1, calendarYear: 2025, code: 'FHT2', status: 'draft', deadline: '2026-12-01', totalEstimate: 90_000_000, appliedAmount: 90_000_000, capped: false, cap: { amount: 100_000_000 } });
    const t1 = await grants.post(`/api/extra-grants/cases/${caseId}/applications`, { grantYear: 2, kind: 'tilskudd1' });
    expect(t1.statusCode).toBe(400);
    expect(fields(t1)[0]).toMatchObject({ path: 'kind', message: expect.stringMatching(/either tilskudd 1 or tilskudd 2/) });
    const queue = (await grants.get('/api/tasks?scope=unit&kind=extra_grants.deadline')).json().items;
    expect(queue.map((t: { itemKey: string; dueDate: string; titleParams: unknown }) => [t.itemKey, t.dueDate, t.titleParams])).toEqual([['deadline_original', '2026-12-01', { grant: 2, year: 1 }]]);
  });

  it('a postponement is asked for before the deadline, and a granted one moves it on the queue', async () => {
    const a = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json().applications[0];
    const late = await grants.post(`/api/extra-grants/applications/${a.id}`, { action: 'request_postponement', requestedDate: '2026-12-02', until: '2027-02-01', version: a.version });
    expect(fields(late).map((f) => f.path)).toContain('requestedDate');
    const asked = await grants.post(`/api/extra-grants/applications/${a.id}`, { action: 'request_postponement', requestedDate: '2026-11-20', until: '2027-02-01', version: a.version });
    expect(asked.statusCode, asked.body).toBe(200);
    const v = asked.json().applications[0].version;
    const granted = await grants.post(`/api/extra-grants/applications/${a.id}`, { action: 'record_postponement', granted: true, version: v });
    expect(granted.json().applications[0]).toMatchObject({ effectiveDeadline: '2027-02-01', postponement: { status: 'granted', until: '2027-02-01' } });
    const queue = (await grants.get('/api/tasks?scope=unit&kind=extra_grants.deadline')).json().items;
    expect(queue.map((t: { dueDate: string }) => t.dueDate)).toEqual(['2027-02-01']);
  });

  it('refuses an application after its deadline without a granted postponement', async () => {
    const c = await grants.post('/api/extra-grants/cases', { personId: lateId });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().firstDeadline).toBe('2026-03-10');
    const id = c.json().id;
    await grants.post(`/api/extra-grants/cases/${id}/cost-lines`, { unitId: w.a.unitIds.health, grantYear: 1, description: 'Hjemmetjenester', estimate: 10_000_000 });
    const app = (await grants.post(`/api/extra-grants/cases/${id}/applications`, { grantYear: 1, kind: 'tilskudd1' })).json().applications[0];
    expect(app).toMatchObject({ deadline: '2026-03-10', overdue: true, code: 'FHT1', appliedAmount: 10_000_000 });
    const res = await grants.post(`/api/extra-grants/applications/${app.id}`, { action: 'submit', submittedDate: '2026-11-23', version: app.version });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual([{ path: 'submittedDate', message: 'is after the application deadline (2026-03-10) and no postponement has been granted' }]);
    const post = await grants.post(`/api/extra-grants/applications/${app.id}`, { action: 'request_postponement', requestedDate: '2026-11-23', until: '2027-01-01', version: app.version });
    expect(fields(post)[0]!.message).toMatch(/before the deadline \(2026-03-10\) expires/);
  });
});

describe('submission, decision and the grant following the user', () => {
  let appId: string;

  it('assembles the application as one PDF in bokmål and nynorsk', async () => {
    const a = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json().applications[0];
    appId = a.id;
    for (const lang of ['nb', 'nn']) {
      const res = await grants.get(`/api/extra-grants/applications/${appId}/pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="ekstratilskudd-soknad-ar1-${lang}.pdf"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    }
    expect((await advisor.get(`/api/extra-grants/applications/${appId}/pdf`)).statusCode).toBe(403);
  }, 30_000);

  it('submits, then records a partial grant within what was applied for', async () => {
    let a = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json().applications[0];
    const sub = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'submit', submittedDate: '2026-11-23', version: a.version });
    expect(sub.statusCode, sub.body).toBe(200);
    a = sub.json().applications[0];
    expect(a).toMatchObject({ status: 'submitted', appliedAmount: 90_000_000 });
    const mine = (await grants.get('/api/tasks?scope=unit&kind=extra_grants.deadline')).json().items.filter((t: { personId: string }) => t.personId === personId);
    expect(mine).toEqual([]);
    const tooMuch = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'decide', outcome: 'granted', grantedAmount: 95_000_000, decisionDate: '2026-11-23', version: a.version });
    expect(fields(tooMuch)[0]).toMatchObject({ path: 'grantedAmount', message: expect.stringMatching(/applied for/) });
    const dec = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'decide', outcome: 'partly_granted', grantedAmount: 60_000_001, decisionDate: '2026-11-23', version: a.version });
    expect(dec.statusCode, dec.body).toBe(200);
    a = dec.json().applications[0];
    expect(a.status).toBe('partly_granted');
    expect(a.distribution.map((x: { unitName: string; share: number }) => [x.unitName, x.share])).toEqual([
      ['Barneverntjenesten', 20_000_000],
      ['Helsestasjon for flyktninger', 40_000_001],
    ]);
    const cw = await signedIn(w.app, 'childwelfare@a.test');
    const share = (await cw.get('/api/tasks?scope=unit&kind=extra_grants.share')).json().items;
    expect(share[0].title).toMatch(/200\s000 kr/);
    // The web says it in the reader's language from these values.
    expect(share[0].titleParams).toEqual({ amountOre: 20_000_000, year: 1 });
    const next = (await grants.get('/api/tasks?scope=unit&kind=extra_grants.deadline')).json().items.filter((t: { personId: string }) => t.personId === personId);
    expect(next.map((t: { title: string; dueDate: string }) => t.dueDate)).toEqual(['2027-02-28']);
    const listed = (await grants.get('/api/extra-grants/cases')).json().items.find((i: { id: string }) => i.id === caseId);
    expect(listed).toMatchObject({ nextDeadline: { due: '2027-02-28', grantYear: 2, overdue: false }, applications: [{ grantYear: 1, kind: 'tilskudd2', status: 'partly_granted' }] });
  });

  it('appeals, and reports the actual costs after the year', async () => {
    let c = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json();
    let a = c.applications[0];
    const missing = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'report_costs', reportedDate: '2026-11-23', version: a.version });
    expect(fields(missing)[0]!.message).toMatch(/no actual cost/);
    for (const l of c.costLines) {
      const r = await grants.put(`/api/extra-grants/cost-lines/${l.id}`, { description: l.description, estimate: l.estimate, actual: l.estimate - 1_000_000, version: l.version });
      expect(r.statusCode, r.body).toBe(200);
    }
    const changed = await grants.put(`/api/extra-grants/cost-lines/${c.costLines[0].id}`, { description: 'x', estimate: 1, actual: 1, version: c.costLines[0].version + 1 });
    expect(fields(changed)[0]!.path).toBe('estimate');
    const rep = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'report_costs', reportedDate: '2026-11-23', version: a.version });
    expect(rep.statusCode, rep.body).toBe(200);
    a = rep.json().applications[0];
    expect(a).toMatchObject({ costsReportedDate: '2026-11-23', totalActual: 88_000_000 });
    const pdf = await grants.get(`/api/extra-grants/applications/${appId}/pdf?document=cost_report&lang=nb`);
    expect(pdf.statusCode).toBe(200);
    const appeal = await grants.post(`/api/extra-grants/applications/${appId}`, { action: 'appeal', appealDate: '2026-11-23', version: a.version });
    expect(appeal.statusCode, appeal.body).toBe(200);
    c = appeal.json();
    expect(c.applications[0]).toMatchObject({ status: 'appealed', appealDate: '2026-11-23', can: { decide: true } });
  }, 30_000);
});

describe('withdrawal and outsiders', () => {
  it('a withdrawn consent stops new requests', async () => {
    const c = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json();
    const consentId = c.consents[0].id;
    const early = await grants.post(`/api/extra-grants/consents/${consentId}/withdraw`, { withdrawnDate: '2026-11-01' });
    expect(fields(early)[0]).toMatchObject({ path: 'withdrawnDate', message: 'cannot be before the consent was given' });
    const res = await grants.post(`/api/extra-grants/consents/${consentId}/withdraw`, { withdrawnDate: '2026-11-23' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ consentInForce: false, consents: [{ withdrawnDate: '2026-11-23' }] });
    const refused = await grants.post(`/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.health, kind: 'documentation', message: 'Mer dokumentasjon', dueDate: '2026-12-20' });
    expect(refused.statusCode).toBe(409);
    expect(fields(refused)[0]!.message).toMatch(/no informed consent/);
  });

  it('another municipality gets 404 and changes nothing; other roles are refused the function', async () => {
    const c = (await grants.get(`/api/extra-grants/cases/${caseId}`)).json();
    const app = c.applications[0];
    const line = c.costLines[0];
    const req = c.requests[0];
    const tables = ['extra_grant_cases', 'extra_grant_consents', 'extra_grant_requests', 'extra_grant_cost_lines', 'extra_grant_applications'];
    const before = await Promise.all(tables.map((t) => snapshot(w.database, t)));
    const calls: [string, string, unknown][] = [
      ['GET', `/api/extra-grants/cases/${caseId}`, undefined],
      ['PUT', `/api/extra-grants/cases/${caseId}/checklist`, { checklist: {}, version: c.version }],
      ['POST', `/api/extra-grants/cases/${caseId}/consents`, { signedBy: 'person', signerName: 'X', scope: ['health'], consentDate: '2026-11-20' }],
      ['POST', `/api/extra-grants/consents/${c.consents[0].id}/withdraw`, { withdrawnDate: '2026-11-23' }],
      ['POST', `/api/extra-grants/cases/${caseId}/requests`, { unitId: w.a.unitIds.health, kind: 'documentation', message: 'x', dueDate: '2026-12-20' }],
      ['POST', `/api/extra-grants/requests/${req.id}/remind`, { version: req.version }],
      ['POST', `/api/extra-grants/cases/${caseId}/cost-lines`, { unitId: w.a.unitIds.health, grantYear: 2, description: 'x', estimate: 1 }],
      ['PUT', `/api/extra-grants/cost-lines/${line.id}`, { description: 'x', estimate: 1, actual: null, version: line.version }],
      ['POST', `/api/extra-grants/cases/${caseId}/applications`, { grantYear: 2, kind: 'tilskudd2' }],
      ['POST', `/api/extra-grants/applications/${app.id}`, { action: 'decide', outcome: 'rejected', decisionDate: '2026-11-23', version: app.version }],
      ['GET', `/api/extra-grants/applications/${app.id}/pdf`, undefined],
      ['GET', `/api/extra-grants/requests/${req.id}`, undefined],
      ['POST', `/api/extra-grants/requests/${req.id}/answer`, { answer: 'x', informant: 'y', version: req.version }],
    ];
    const outsider = await signedIn(w.app, 'grants@b.test');
    for (const [method, url, body] of calls) expect((await outsider.request(method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(404);
    const leader = await signedIn(w.app, 'leader@a.test');
    for (const [method, url, body] of calls.slice(0, 11)) expect((await leader.request(method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(403);
    expect((await leader.get(`/api/extra-grants/requests/${req.id}`)).statusCode).toBe(404);
    expect(await Promise.all(tables.map((t) => snapshot(w.database, t)))).toEqual(before);
  });
});
