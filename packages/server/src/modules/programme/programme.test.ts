import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

// The test clock stands at 2026-11-23.
let w: World;
let advisor: Agent;
let personId: string;

const decision = {
  requestDate: null,
  participantGroup: 'other_goal',
  skillsMappingDate: '2026-09-20',
  decisionDate: '2026-10-01',
  startDate: '2026-10-05',
  endGoal: 'Arbeid i helsesektoren',
  plannedMonths: 24,
  weeklyHours: 37.5,
  status: 'active',
  elements: { norwegian: true, social_studies: true },
};

const day = (d: string, planned: number, present: number, absenceKind: string | null = null) => ({ day: d, plannedHours: planned, presentHours: present, absenceKind });

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  const res = await advisor.post('/api/persons', {
    person: { givenName: 'Abdullah', familyName: 'Rahimi', birthDate: '1992-07-01', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: '2026-05-01', settlementDate: '2026-09-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  personId = res.json().id;
});
afterAll(async () => w?.close());

describe('programme record', () => {
  it('shows eligibility with reasons and the legal deadlines', async () => {
    const res = await advisor.get(`/api/programme/persons/${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.eligibility).toMatchObject({ regime: 'integl', status: 'right_and_duty', residenceLimit: '2028-09-01' });
    expect(v.eligibility.reasons.join(' | ')).toMatch(/settled by agreement/);
    expect(v.deadlines.find((d: { key: string }) => d.key === 'programme_decision')).toMatchObject({ due: '2026-12-01', done: false, overdue: false });
    expect(v.version).toBeNull();
    expect(v.compulsory.map((c: { element: string }) => c.element)).toEqual(['norwegian', 'social_studies', 'life_skills', 'work_or_education']);
  });

  it("decides a family immigrant's right from the sponsor's first settlement and the application date", async () => {
    const sponsor = (await advisor.post('/api/persons', { person: { givenName: 'Yonas', familyName: 'Tesfay', birthDate: '1985-03-03', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: '2023-01-01', settlementDate: '2023-03-01' } })).json();
    const spouse = (
      await advisor.post('/api/persons', {
        person: { givenName: 'Senait', familyName: 'Tesfay', birthDate: '1988-04-04', sex: 'female', arrivalCategory: 'family_reunified', permitType: 'family_immigration', permitDate: '2026-06-01', settlementDate: '2026-08-01', sponsorPersonId: sponsor.id },
      })
    ).json();
    const unknown = (await advisor.get(`/api/programme/persons/${spouse.id}`)).json();
    expect(unknown.eligibility.reasons.join(' | ')).toMatch(/application date are needed/);
    // The application date recorded with the grant facts: within five years of the sponsor's settlement.
    const grants = await signedIn(w.app, 'grants@a.test');
    const facts = { firstSettlementDate: null, settledByAgreement: null, imdinettRegisteredDate: null, sponsorFirstSettlementDate: null, sponsorPermitType: null, sponsorWasFamilyImmigrant: false, sponsorNordicCitizen: false, familyApplicationDate: '2025-10-01', specialAgreement: false, movedTo: null, emigratedDate: null };
    expect((await grants.put(`/api/grants/persons/${spouse.id}`, { facts, version: null })).statusCode).toBe(200);
    const known = (await advisor.get(`/api/programme/persons/${spouse.id}`)).json();
    expect(known.eligibility.reasons.join(' | ')).toMatch(/within five years of the sponsor settling/);
    expect(known.eligibility.status).toBe('right_and_duty');
  });

  it('cites the introduksjonsloven for a person under the old act, and asks no skills mapping', async () => {
    const old = (
      await advisor.post('/api/persons', {
        person: { givenName: 'Aziz', familyName: 'Karimi', birthDate: '1991-03-03', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: '2020-11-01', settlementDate: '2026-08-01' },
      })
    ).json();
    const v = (await advisor.get(`/api/programme/persons/${old.id}`)).json();
    expect(v.eligibility.regime).toBe('introl');
    expect(v.deadlines.map((d: { key: string }) => d.key)).not.toContain('skills_mapping');
    expect(v.deadlines.find((d: { key: string }) => d.key === 'programme_decision').legalBasis).toMatch(/^introduksjonsloven § 3/);
  });

  it("counts a single carer's children under 12 for the child-sick-day limit", async () => {
    const parent = (
      await advisor.post('/api/persons', {
        person: { givenName: 'Hodan', familyName: 'Warsame', birthDate: '1990-01-01', sex: 'female', householdRole: 'head', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: '2026-05-01', settlementDate: '2026-09-01' },
        household: { mode: 'new', name: 'Familien Warsame' },
      })
    ).json();
    for (const birthDate of ['2016-02-02', '2019-03-03', '2022-04-04']) {
      const kid = await advisor.post('/api/persons', {
        person: { givenName: 'Barn', familyName: 'Warsame', birthDate, sex: 'male', householdRole: 'child', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: '2026-05-01', settlementDate: '2026-09-01' },
        household: { mode: 'existing', householdId: parent.identity.householdId },
      });
      expect(kid.statusCode, kid.body).toBe(201);
    }
    // Three children under 12: 15 days; the only adult in the household: doubled.
    expect((await advisor.get(`/api/programme/persons/${parent.id}`)).json().counters.childSickDaysLimit).toBe(30);
    expect((await advisor.get(`/api/programme/persons/${personId}`)).json().counters.childSickDaysLimit).toBe(10);
  });

  it('refuses an incomplete or unlawful decision, naming each field, and writes nothing', async () => {
    const before = await snapshot(w.database, 'programmes');
    const empty = await advisor.put(`/api/programme/persons/${personId}`, { fields: { status: 'active' }, version: null });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['fields.decisionDate', 'fields.startDate', 'fields.plannedMonths', 'fields.weeklyHours', 'fields.endGoal', 'fields.participantGroup']);
    const noMapping = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...decision, skillsMappingDate: null }, version: null });
    expect(noMapping.json().error.fields[0].path).toBe('fields.skillsMappingDate');
    const tooLong = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...decision, participantGroup: 'upper_secondary_or_higher', plannedMonths: 9 }, version: null });
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'fields.plannedMonths' });
    const hours = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...decision, weeklyHours: 25 }, version: null });
    expect(hours.json().error.fields[0]).toMatchObject({ path: 'fields.weeklyHours' });
    const extension = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...decision, extensionMonths: 6 }, version: null });
    expect(extension.json().error.fields[0]).toMatchObject({ path: 'fields.extensionReason' });
    expect(await snapshot(w.database, 'programmes')).toEqual(before);
  });

  it('records the decision, puts the NIR registration on the queue, and refuses a stale edit', async () => {
    const res = await advisor.put(`/api/programme/persons/${personId}`, { fields: decision, version: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, fields: { status: 'active', plannedMonths: 24 } });
    expect(res.json().deadlines.find((d: { key: string }) => d.key === 'programme_decision').done).toBe(true);
    const queue = (await advisor.get('/api/tasks?scope=unit&kind=programme')).json().items;
    expect(queue.map((t: { itemKey: string; dueDate: string }) => [t.itemKey, t.dueDate])).toEqual([['nir_decision', '2026-12-01']]);
    expect((await advisor.put(`/api/programme/persons/${personId}`, { fields: decision, version: 5 })).statusCode).toBe(409);
    const ext = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...decision, extensionMonths: 6, extensionReason: 'Nær ved å fullføre fagbrev' }, version: 0 });
    expect(ext.statusCode, ext.body).toBe(200);
    expect((await advisor.get('/api/tasks?scope=unit&kind=programme.nir')).json().items.map((t: { itemKey: string }) => t.itemKey)).toEqual(['nir_decision', 'nir_extension']);
  });
});

describe('attendance week grid and the benefit', () => {
  it('refuses days outside the programme, impossible hours and misused self-certification', async () => {
    const bad = await advisor.put('/api/programme/attendance', {
      weekStart: '2026-11-02',
      rows: [{ personId, days: [day('2026-10-30', 7.5, 7.5), day('2026-11-03', 7.5, 8), day('2026-11-04', 7.5, 0, 'self_certified'), day('2026-11-05', 7.5, 5)] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['rows.0.days.0.day', 'rows.0.days.1.presentHours', 'rows.0.days.3.absenceKind', 'rows.0.days.2.absenceKind']);
    expect(bad.json().error.fields[3].message).toMatch(/8 weeks/);
    expect((await advisor.put('/api/programme/attendance', { weekStart: '2026-11-03', rows: [{ personId, days: [] }] })).json().error.fields[0].path).toBe('weekStart');
    expect(await snapshot(w.database, 'attendance')).toEqual([]);
  });

  it('saves a week for the class and computes the month line by line', async () => {
    const res = await advisor.put('/api/programme/attendance', {
      weekStart: '2026-11-02',
      rows: [{ personId, days: [day('2026-11-02', 7.5, 7.5), day('2026-11-03', 7.5, 0, 'unexcused'), day('2026-11-04', 7.5, 5.5, 'unexcused'), day('2026-11-05', 7.5, 0, 'child_sick'), day('2026-11-06', 7.5, 7.5)] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().saved).toBe(5);
    const grid = (await advisor.get('/api/programme/attendance?weekStart=2026-11-02')).json();
    expect(grid.rows[0]).toMatchObject({ name: 'Abdullah Rahimi', programmeStart: '2026-10-05', weeklyHours: 37.5 });
    expect(grid.rows[0].days).toHaveLength(5);
    const b = (await advisor.get(`/api/programme/persons/${personId}/benefit?month=2026-11`)).json();
    expect(b.gross).toBe(2_275_817);
    expect(b.absenceDeduction).toBe(Math.round(27_309_800 / 12 / 30) + Math.round((27_309_800 / 1850) * 2));
    expect(b.lines.map((l: { code: string }) => l.code)).toEqual(['benefit', 'absence_day', 'absence_hour']);
    expect(b.decisionRequired).toBe(false);
    const counters = (await advisor.get(`/api/programme/persons/${personId}`)).json().counters;
    expect(counters).toMatchObject({ childSickDays: 1, unexcusedDays: 2 });
    expect((await advisor.get(`/api/programme/persons/${personId}/benefit?month=2026-13`)).statusCode).toBe(400);
  });

  it('lets a partner on the team register, and keeps others out', async () => {
    const adulted = await signedIn(w.app, 'adulted@a.test');
    expect((await adulted.get(`/api/programme/persons/${personId}`)).statusCode).toBe(404);
    expect((await adulted.get('/api/programme/attendance?weekStart=2026-11-09')).json().rows).toEqual([]);
    const p = (await advisor.get(`/api/persons/${personId}`)).json();
    expect((await advisor.put(`/api/persons/${personId}/team`, { unitIds: [w.a.unitIds.adulted], version: p.version })).statusCode).toBe(200);
    const saved = await adulted.put('/api/programme/attendance', { weekStart: '2026-11-09', rows: [{ personId, days: [day('2026-11-09', 7.5, 7.5)] }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await adulted.get(`/api/programme/persons/${personId}/benefit?month=2026-11`)).statusCode).toBe(403);
    const school = await signedIn(w.app, 'school@a.test');
    expect((await school.put('/api/programme/attendance', { weekStart: '2026-11-09', rows: [{ personId, days: [day('2026-11-10', 7.5, 7.5)] }] })).statusCode).toBe(403);
  });
});

describe('integration plan, other benefits and overpayments', () => {
  const measure = (over: Record<string, unknown> = {}) => ({ type: 'norwegian', description: 'Norsk spor 2, modul 1–3', providerUnitId: null, from: '2026-10-05', to: '2027-06-30', hoursPerWeek: 15, ...over });

  it('drafts and adopts versions of the plan as decisions, with the review on the queue', async () => {
    const outside = await advisor.post(`/api/programme/persons/${personId}/plans`, { goals: ['Arbeid i helsesektoren'], norwegianGoal: 'B1 muntlig', measures: [measure({ to: '2030-01-01' })] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0]).toMatchObject({ path: 'measures.0.from' });
    const draft = await advisor.post(`/api/programme/persons/${personId}/plans`, { goals: ['Arbeid i helsesektoren'], norwegianGoal: 'B1 muntlig', measures: [measure(), measure({ type: 'work_practice', description: 'Språkpraksis sykehjem', providerUnitId: w.a.unitIds.nav, hoursPerWeek: 15 })] });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ planNo: 1, status: 'draft', complaintInfo: null });
    const adopted = await advisor.post(`/api/programme/plans/${draft.json().id}/adopt`, { decisionDate: '2026-10-20', version: draft.json().version });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted', reviewDue: '2027-04-20' });
    expect(adopted.json().complaintInfo).toMatch(/tre uker/);
    const review = (await advisor.get('/api/tasks?scope=unit&kind=programme.plan_review')).json().items;
    expect(review.map((t: { dueDate: string }) => t.dueDate)).toEqual(['2027-04-20']);
    const noReason = await advisor.post(`/api/programme/persons/${personId}/plans`, { goals: ['Fagbrev helsefagarbeider'], norwegianGoal: 'B1', measures: [measure()] });
    expect(noReason.json().error.fields[0].path).toBe('changeReason');
    const second = await advisor.post(`/api/programme/persons/${personId}/plans`, { goals: ['Fagbrev helsefagarbeider'], norwegianGoal: 'B1', measures: [measure()], changeReason: 'Nytt sluttmål', significant: true });
    // A pending draft is changed, not stacked: the same version number, its content replaced.
    const changed = await advisor.post(`/api/programme/persons/${personId}/plans`, { goals: ['Fagbrev helsefagarbeider', 'Førerkort'], norwegianGoal: 'B1', measures: [measure()], changeReason: 'Nytt sluttmål', significant: true });
    expect(changed.json()).toMatchObject({ id: second.json().id, planNo: 2, status: 'draft', goals: ['Fagbrev helsefagarbeider', 'Førerkort'], version: 1 });
    const adopted2 = await advisor.post(`/api/programme/plans/${second.json().id}/adopt`, { decisionDate: '2026-11-20', version: 1 });
    expect(adopted2.json().reviewDue).toBe('2027-05-20');
    const plans = (await advisor.get(`/api/programme/persons/${personId}/plans`)).json().items;
    expect(plans.map((p: { planNo: number; status: string }) => `${p.planNo}:${p.status}`)).toEqual(['2:adopted', '1:superseded']);
    expect((await advisor.get('/api/tasks?scope=unit&kind=programme.plan_review')).json().items.map((t: { dueDate: string }) => t.dueDate)).toEqual(['2027-05-20']);
  });

  it('coordinates with other benefits and recovers an overpayment in the next payment', async () => {
    const bad = await advisor.put(`/api/programme/persons/${personId}/other-benefits`, { items: [{ kind: 'barnetrygd', monthlyAmount: 176_600, from: '2026-11-01', to: '2026-10-01' }] });
    expect(bad.json().error.fields[0].path).toBe('items.0.to');
    const ok = await advisor.put(`/api/programme/persons/${personId}/other-benefits`, { items: [{ kind: 'barnetrygd', monthlyAmount: 176_600, from: '2026-01-01' }, { kind: 'arbeidsavklaringspenger', monthlyAmount: 100_000, from: '2026-11-01', to: '2026-11-30' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const op = await advisor.post(`/api/programme/persons/${personId}/overpayments`, { amount: 50_000, reason: 'For mye utbetalt i oktober', recoverPerMonth: 30_000 });
    expect(op.statusCode, op.body).toBe(201);
    expect(op.json().outstanding).toBe(50_000);
    const b = (await advisor.get(`/api/programme/persons/${personId}/benefit?month=2026-11`)).json();
    expect(b.coordinationDeduction).toBe(100_000);
    expect(b.recovered).toBe(30_000);
    expect(b.lines.map((l: { code: string }) => l.code)).toEqual(['benefit', 'absence_day', 'absence_hour', 'coordination_barnetrygd', 'coordination_arbeidsavklaringspenger', 'recovery']);
  });
});

describe('hours per measure of the integration plan', () => {
  // Plan 1 (decided 2026-10-20) has Norwegian (#0) and work practice (#1); plan 2 (decided 2026-11-20) only Norwegian.
  const split = (planId: string, measureNo: number, presentHours: number, absentHours = 0, absenceKind: string | null = null) => ({ planId, measureNo, presentHours, absentHours, absenceKind });
  let plan1: string;
  let plan2: string;

  beforeAll(async () => {
    const plans = (await advisor.get(`/api/programme/persons/${personId}/plans`)).json().items;
    plan1 = plans.find((p: { planNo: number }) => p.planNo === 1).id;
    plan2 = plans.find((p: { planNo: number }) => p.planNo === 2).id;
  });

  it('offers the measures of the plan in force on each day of the week, the groups and the counters', async () => {
    const grid = (await advisor.get('/api/programme/attendance?weekStart=2026-11-16')).json();
    const row = grid.rows.find((r: { personId: string }) => r.personId === personId);
    expect(row.measures.map((m: { planId: string; measureNo: number; type: string }) => [m.planId, m.measureNo, m.type])).toEqual([
      [plan1, 0, 'norwegian'],
      [plan1, 1, 'work_practice'],
      [plan2, 0, 'norwegian'],
    ]);
    expect(row.counters).toMatchObject({ childSickDays: 1, unexcusedDays: 2, selfCertificationsLimit: 4 });
    expect(grid.groups.map((g: { unitId: string }) => g.unitId)).toContain(w.a.unitIds.adulted);
    const klass = (await advisor.get(`/api/programme/attendance?weekStart=2026-11-16&unitId=${w.a.unitIds.adulted}`)).json();
    expect(klass.rows.map((r: { personId: string }) => r.personId)).toEqual([personId]);
    expect((await advisor.get(`/api/programme/attendance?weekStart=2026-11-16&unitId=${w.a.unitIds.nav}`)).json().rows).toEqual([]);
  });

  it('refuses a measure not in the plan in force or not running that day, more hours than the day has, and another absence kind; writes nothing', async () => {
    const before = await snapshot(w.database, 'attendance_measures');
    const attendanceBefore = await snapshot(w.database, 'attendance');
    const bad = await advisor.put('/api/programme/attendance', {
      weekStart: '2026-11-16',
      rows: [
        {
          personId,
          days: [
            { ...day('2026-11-16', 7.5, 7.5), measures: [split(plan2, 0, 3)] },
            { ...day('2026-11-17', 7.5, 7.5), measures: [split(plan1, 0, 5), split(plan1, 1, 5)] },
            { ...day('2026-11-18', 7.5, 5.5, 'welfare'), measures: [split(plan1, 0, 3.5), split(plan1, 1, 2, 2, 'self_certified')] },
            { ...day('2026-11-19', 7.5, 7.5), measures: [split(plan1, 7, 1), split(plan1, 0, 1), split(plan1, 0, 1)] },
          ],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'rows.0.days.0.measures.0.measureNo',
      'rows.0.days.1.measures',
      'rows.0.days.2.measures.1.absenceKind',
      'rows.0.days.3.measures.0.measureNo',
      'rows.0.days.3.measures.2.measureNo',
    ]);
    expect(bad.json().error.fields[1].message).toMatch(/more than the day's 7.5 planned hours/);
    const tooMany = await advisor.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [{ ...day('2026-11-16', 7.5, 7.5), measures: [split(plan1, 0, 25)] }] }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].path).toBe('rows.0.days.0.measures.0.presentHours');
    expect(await snapshot(w.database, 'attendance_measures')).toEqual(before);
    expect(await snapshot(w.database, 'attendance')).toEqual(attendanceBefore);
  });

  it('saves the split, deducts unexcused hours per measure at the hour unit, and keeps or replaces the split', async () => {
    const deduction = async () => (await advisor.get(`/api/programme/persons/${personId}/benefit?month=2026-11`)).json().absenceDeduction as number;
    const before = await deduction();
    // Welfare leave for part of the day, but two hours of work practice simply skipped.
    const saved = await advisor.put('/api/programme/attendance', {
      weekStart: '2026-11-16',
      rows: [{ personId, days: [{ ...day('2026-11-17', 7.5, 3.5, 'welfare'), measures: [split(plan1, 0, 3.5, 0), split(plan1, 1, 0, 2, 'unexcused'), split(plan1, 1, 0, 0)].slice(0, 2) }] }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const row = saved.json().rows[0];
    expect(row.days[0].measures).toEqual([split(plan1, 0, 3.5), split(plan1, 1, 0, 2, 'unexcused')]);
    expect((await deduction()) - before).toBe(Math.round((27_309_800 / 1850) * 2));
    const b = (await advisor.get(`/api/programme/persons/${personId}/benefit?month=2026-11`)).json();
    expect(b.lines.find((l: { text: string }) => l.text.includes('2026-11-17')).code).toBe('absence_hour');
    // The day again without its split: the stored split must still fit (two hours absent no longer do).
    const stale = await advisor.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [day('2026-11-17', 7.5, 7.5)] }] });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.fields[0].path).toBe('rows.0.days.0.measures');
    const kept = await advisor.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [day('2026-11-17', 7.5, 3.5, 'welfare')] }] });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().rows[0].days[0].measures).toHaveLength(2);
    const cleared = await advisor.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [{ ...day('2026-11-17', 7.5, 7.5), measures: [] }] }] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().rows[0].days[0].measures).toEqual([]);
    expect(await deduction()).toBe(before);
    // An unexcused day split over measures is still a whole day when nothing was attended.
    const whole = await advisor.put('/api/programme/attendance', {
      weekStart: '2026-11-16',
      rows: [{ personId, days: [{ ...day('2026-11-18', 7.5, 0, 'unexcused'), measures: [split(plan1, 0, 0, 4), split(plan1, 1, 0, 3.5)] }] }],
    });
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json().rows[0].days.find((d: { day: string }) => d.day === '2026-11-18').measures.map((m: { absenceKind: string }) => m.absenceKind)).toEqual(['unexcused', 'unexcused']);
    expect((await deduction()) - before).toBe(Math.round(27_309_800 / 12 / 30));
    const reset = await advisor.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [{ ...day('2026-11-18', 7.5, 7.5), measures: [] }] }] });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it('keeps the team partner to the people on its team and others out', async () => {
    const school = await signedIn(w.app, 'school@a.test');
    const res = await school.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [{ ...day('2026-11-16', 7.5, 7.5), measures: [split(plan1, 0, 7.5)] }] }] });
    expect(res.statusCode).toBe(403);
    const adulted = await signedIn(w.app, 'adulted@a.test');
    const ok = await adulted.put('/api/programme/attendance', { weekStart: '2026-11-16', rows: [{ personId, days: [{ ...day('2026-11-16', 7.5, 7.5), measures: [split(plan1, 0, 4), split(plan1, 1, 3.5)] }] }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rows[0].days[0].measures).toHaveLength(2);
  });
});

describe('monthly payment run', () => {
  it('is prepared by one person, approved by another, exported as a payroll file and locked', async () => {
    const finance = await signedIn(w.app, 'finance@a.test');
    const leader = await signedIn(w.app, 'leader@a.test');
    const prepared = await finance.post('/api/payment-runs', { month: '2026-11' });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const run = prepared.json();
    expect(run).toMatchObject({ status: 'prepared', participants: 1, can: { approve: false } });
    expect(run.lines[0].lines.length).toBeGreaterThan(1);
    const self = await finance.post(`/api/payment-runs/${run.id}/approve`, { version: run.version });
    expect(self.statusCode).toBe(403);
    expect((await advisor.post(`/api/payment-runs/${run.id}/approve`, { version: run.version })).statusCode).toBe(403);
    const approved = await leader.post(`/api/payment-runs/${run.id}/approve`, { version: run.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await finance.post('/api/payment-runs', { month: '2026-11' })).statusCode).toBe(409);
    const exported = await leader.post(`/api/payment-runs/${run.id}/export`, { version: approved.json().version });
    expect(exported.statusCode, exported.body).toBe(200);
    const csv: string = exported.json().csv;
    expect(csv.startsWith('\uFEFFperiode;fodselsnummer;dufnummer;navn;lonnsart;brutto')).toBe(true);
    expect(csv).toContain(`2026-11;;;Abdullah Rahimi;INTROSTONAD;22758,17;`);
    expect(exported.json().run.status).toBe('exported');
    expect((await leader.post(`/api/payment-runs/${run.id}/export`, { version: exported.json().run.version })).statusCode).toBe(409);
    const ledger = (await advisor.get(`/api/programme/persons/${personId}/overpayments`)).json();
    expect(ledger).toMatchObject({ outstanding: 20_000, items: [{ recovered: 30_000, status: 'open' }] });
    const list = (await finance.get('/api/payment-runs')).json();
    expect(list.items[0]).toMatchObject({ month: '2026-11', status: 'exported' });
  });

  it('refuses a month without a G and writes nothing', async () => {
    const finance = await signedIn(w.app, 'finance@a.test');
    const before = await snapshot(w.database, 'payment_runs');
    const gap = await finance.post('/api/payment-runs', { month: '2027-06' });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error.fields[0]).toMatchObject({ path: 'month' });
    expect(gap.json().error.message).toMatch(/G \(grunnbeløp\) from 2027-05-01 is missing/);
    expect(await snapshot(w.database, 'payment_runs')).toEqual(before);
    expect((await finance.post('/api/payment-runs', { month: '2026-1' })).statusCode).toBe(400);
  });
});

describe('ending, results and NIR', () => {
  it('ends the programme with coded reason and activity, and counts it in the results', async () => {
    const current = (await advisor.get(`/api/programme/persons/${personId}`)).json();
    const incomplete = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...current.fields, status: 'ended' }, version: current.version });
    expect(incomplete.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['fields.endDate', 'fields.endReason', 'fields.mainActivity']);
    const unknown = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...current.fields, status: 'ended', endDate: '2026-11-20', endReason: 'tired', mainActivity: 'work' }, version: current.version });
    expect(unknown.json().error.fields[0].path).toBe('fields.endReason');
    const ended = await advisor.put(`/api/programme/persons/${personId}`, { fields: { ...current.fields, status: 'ended', endDate: '2026-11-20', endReason: 'work_or_education', mainActivity: 'work' }, version: current.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await advisor.get('/api/tasks?scope=unit&kind=programme.nir')).json().items.map((t: { itemKey: string }) => t.itemKey)).toContain('nir_ending');
    const results = (await advisor.get('/api/programme/results')).json().years;
    expect(results[0]).toMatchObject({ year: 2026, total: { ended: 1, inWorkOrEducation: 1, share: 1 }, missingEndReason: 0 });
    expect(results[0].byAge['25-34']).toEqual({ ended: 1, inWorkOrEducation: 1, share: 1 });
    const adulted = await signedIn(w.app, 'adulted@a.test');
    expect((await adulted.get('/api/programme/results')).statusCode).toBe(403);
  });

  it('exports what NIR needs and lists every difference against a NIR participant list', async () => {
    const exp = await advisor.post('/api/programme/nir-export');
    expect(exp.statusCode, exp.body).toBe(200);
    const [header, row] = exp.json().csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header.split(';')).toContain('avslutningsarsak');
    expect(row).toContain('Abdullah Rahimi;integl;');
    expect(row).toContain(';ended;2026-11-20;work_or_education;work');
    expect(row).toContain('norwegian 2026-10-05–2027-06-30 15 t/uke');
    const missing = await advisor.post('/api/programme/nir-compare', { csv: 'fodselsnummer;start_dato\n1;2\n' });
    expect(missing.json().problems.map((p: { column: string }) => p.column)).toEqual(['dufnummer', 'slutt_dato', 'avslutningsarsak']);
    const cmp = await advisor.post('/api/programme/nir-compare', { csv: '\uFEFFfodselsnummer;dufnummer;start_dato;slutt_dato;avslutningsarsak\r\n01010112345;;05.10.2026;;\r\n' });
    expect(cmp.statusCode, cmp.body).toBe(200);
    expect(cmp.json().differences).toEqual([
      { line: 2, personId: null, name: null, field: 'participant', eidor: null, nir: '01010112345' },
      { line: null, personId, name: 'Abdullah Rahimi', field: 'participant', eidor: '2026-10-05', nir: null },
    ]);
  });
});

describe('letters', () => {
  it('renders each decision letter and the participant certificate as PDF in bokmål and nynorsk', async () => {
    for (const kind of ['programme_decision', 'integration_plan', 'ending', 'participant_certificate']) {
      for (const lang of ['nb', 'nn']) {
        const res = await advisor.get(`/api/programme/persons/${personId}/letters/${kind}?lang=${lang}`);
        expect(res.statusCode, `${kind} ${lang}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="${kind}-${lang}.pdf"`);
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        // Names in any Latin, Cyrillic or Arabic letters: the letter embeds DejaVu Sans, not the
        // standard Helvetica that only knows Western European letters.
        const raw = res.rawPayload.toString('latin1');
        expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
        expect(raw).not.toContain('Helvetica');
      }
    }
    const deduction = await advisor.get(`/api/programme/persons/${personId}/letters/deduction?lang=nn&month=2026-11`);
    expect(deduction.statusCode).toBe(200);
    expect((await advisor.get(`/api/programme/persons/${personId}/letters/deduction`)).json().error.fields[0].path).toBe('month');
    expect((await advisor.get(`/api/programme/persons/${personId}/letters/nonsense`)).statusCode).toBe(400);
    const log = (await (await signedIn(w.app, 'auditor@a.test')).get('/api/audit?action=letter.programme_decision')).json();
    expect(JSON.stringify(log)).toContain('letter.programme_decision');
  });
});
