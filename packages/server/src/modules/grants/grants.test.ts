import ExcelJS from 'exceljs';
import { makeNationalId } from '@eidor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

// The test clock stands at 2026-11-23.
let w: World;
let advisor: Agent;
let grants: Agent;
let finance: Agent;
let nav: Agent;
let serial = 300;

const nid = (birthDate: string, sex: 'female' | 'male' = 'male') => {
  for (;;) {
    const id = makeNationalId({ birthDate, sex, kind: 'fnr', synthetic: true, serial: serial++ });
    if (id) return id;
  }
};

const person = (over: Record<string, unknown> = {}) => ({
  givenName: 'Abdi',
  familyName: 'Warsame',
  birthDate: '1990-02-01',
  sex: 'male',
  arrivalCategory: 'reception_centre',
  permitType: 'refugee',
  permitDate: '2025-01-10',
  settlementDate: '2025-03-10',
  ...over,
});

async function register(p: Record<string, unknown>, household: unknown = { mode: 'none' }) {
  const res = await advisor.post('/api/persons', { person: p, household });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; identity: { householdId: string | null } };
}

const upload = (agent: Agent, body: string | Buffer, query = '', type = 'text/csv') =>
  agent.request('POST', `/api/grants/payment-lists${query}`, body, { 'content-type': type });

const noFacts = {
  firstSettlementDate: null,
  settledByAgreement: null,
  imdinettRegisteredDate: null,
  sponsorFirstSettlementDate: null,
  sponsorPermitType: null,
  sponsorWasFamilyImmigrant: false,
  sponsorNordicCitizen: false,
  familyApplicationDate: null,
  specialAgreement: false,
  movedTo: null,
  emigratedDate: null,
};

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  grants = await signedIn(w.app, 'grants@a.test');
  finance = await signedIn(w.app, 'finance@a.test');
  nav = await signedIn(w.app, 'nav@a.test');
});
afterAll(async () => w?.close());

describe('rate tables', () => {
  it('ship the defaults with source and status; the coordinator corrects a year and adds one, audited; others may not', async () => {
    const list = (await grants.get('/api/grants/rates')).json();
    const ar1 = list.rates.find((r: { code: string; year: number }) => r.code === 'AR-1 EV' && r.year === 2024);
    expect(ar1).toMatchObject({ amount: 241_100, status: 'unverified', own: false });
    expect(ar1.source).toMatch(/A8/);
    expect(list.mayEdit).toBe(true);

    const corrected = await grants.put('/api/grants/rates', { code: 'AR-1 EV', year: 2024, amount: 241_000, source: 'IMDi rundskriv 2024', status: 'verified', note: null, version: null });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const row = corrected.json().rates.find((r: { code: string; year: number }) => r.code === 'AR-1 EV' && r.year === 2024);
    expect(row).toMatchObject({ amount: 241_000, own: true, defaultAmount: 241_100, status: 'verified', version: 0 });
    const added = await grants.put('/api/grants/rates', { code: 'AR-1 EV', year: 2025, amount: 250_000, source: 'IMDi rundskriv 2025', status: 'verified', note: null, version: null });
    expect(added.statusCode).toBe(200);
    // A stale edit is refused.
    const stale = await grants.put('/api/grants/rates', { code: 'AR-1 EV', year: 2024, amount: 1, source: 'x', status: 'verified', note: null, version: 5 });
    expect(stale.statusCode).toBe(409);
    // Bad input names the field.
    const bad = await grants.put('/api/grants/rates', { code: 'AR-9', year: 1800, amount: -5, source: '', status: 'sure', note: null, version: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['code', 'year', 'amount', 'source', 'status']));
    // Advisors read grants but do not edit rates; the other municipality never sees these rows.
    expect((await advisor.put('/api/grants/rates', { code: 'AR-1 EV', year: 2024, amount: 1, source: 'x', status: 'verified', note: null, version: 0 })).statusCode).toBe(403);
    const other = await signedIn(w.app, 'grants@b.test');
    expect((await other.get('/api/grants/rates')).json().rates.find((r: { code: string; year: number }) => r.code === 'AR-1 EV' && r.year === 2024).amount).toBe(241_100);
    const audit = await w.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'grants.rate.%' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['grants.rate.correct', 'grants.rate.add']);
    // Revert the 2025 row: the nearest year's rate applies again.
    const reverted = await grants.post('/api/grants/rates/revert', { code: 'AR-1 EV', year: 2025, version: 0 });
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect(reverted.json().rates.some((r: { code: string; year: number }) => r.code === 'AR-1 EV' && r.year === 2025)).toBe(false);
  });
});

describe('per-person schedule', () => {
  it('shows the grants a person triggers with the reasons, amounts per year and term; audited; partners off the team get 404', async () => {
    const p = await register(person({ givenName: 'Yonas', familyName: 'Tesfay', birthDate: '1960-01-01', settlementDate: '2024-05-02' }));
    const res = await grants.get(`/api/grants/persons/${p.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.eligible).toBe(true);
    expect(s.category).toBe('single_adult');
    expect(s.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['permit_refugee', 'elderly_60_plus']));
    expect(s.lines.map((l: { code: string; calendarYear: number }) => `${l.code} ${l.calendarYear}`)).toEqual(['AR-1 EV 2024', 'AR-2 2025', 'AR-3 2026', 'AR-4 2027', 'AR-5 2028', 'ELDR 2024']);
    expect(s.lines[0].amount).toBe(241_000); // the municipality's corrected rate
    expect(s.lines[1].terms).toHaveLength(4);
    const audit = await w.database.query<{ subject_id: string }>(`SELECT subject_id FROM audit_log WHERE action = 'grants.person.read'`);
    expect(audit.map((a) => a.subject_id)).toContain(p.id);
    expect((await nav.get(`/api/grants/persons/${p.id}`)).statusCode).toBe(404);
  });

  it('grant facts change the schedule: the five-year rule for family immigrants, first settlement elsewhere, moves; bad dates name the field', async () => {
    const p = await register(person({ givenName: 'Amina', familyName: 'Said', sex: 'female', birthDate: '1995-06-06', permitType: 'family_immigration', arrivalCategory: 'family_reunified', settlementDate: '2025-02-01' }));
    const unknown = (await grants.get(`/api/grants/persons/${p.id}`)).json();
    expect(unknown.eligible).toBeNull();
    expect(unknown.reasons.map((r: { code: string }) => r.code)).toContain('sponsor_unknown');
    const late = await grants.put(`/api/grants/persons/${p.id}`, {
      facts: { ...noFacts, sponsorFirstSettlementDate: '2018-01-15', sponsorPermitType: 'refugee', familyApplicationDate: '2023-03-01' },
      version: null,
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ eligible: false, lines: [] });
    expect(late.json().reasons.map((r: { code: string }) => r.code)).toContain('five_year_rule_exceeded');
    const inTime = await grants.put(`/api/grants/persons/${p.id}`, {
      facts: { ...noFacts, sponsorFirstSettlementDate: '2020-01-15', sponsorPermitType: 'humanitarian', familyApplicationDate: '2023-03-01' },
      version: 0,
    });
    expect(inTime.json()).toMatchObject({ eligible: true, windowYears: 3 });
    const stale = await grants.put(`/api/grants/persons/${p.id}`, { facts: noFacts, version: 0 });
    expect(stale.statusCode).toBe(409);
    const bad = await grants.put(`/api/grants/persons/${p.id}`, { facts: { ...noFacts, firstSettlementDate: '2025-06-01', emigratedDate: '2024-01-01', movedTo: 'Bergen' }, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['facts.firstSettlementDate', 'facts.emigratedDate', 'facts.movedTo']);
    // Settled first in another municipality in 2023: earlier years were that municipality's.
    const moved = await register(person({ givenName: 'Kiros', familyName: 'Haile', birthDate: '1988-08-08', settlementDate: '2025-04-15', previousMunicipality: 'Bodø' }));
    const s = (await grants.put(`/api/grants/persons/${moved.id}`, { facts: { ...noFacts, firstSettlementDate: '2023-09-01' }, version: null })).json();
    const y2023 = s.lines.find((l: { calendarYear: number }) => l.calendarYear === 2023);
    expect(y2023.amount).toBe(0);
    expect(s.lines.find((l: { calendarYear: number }) => l.calendarYear === 2025).share).toBeCloseTo(1 - 5 / 12);
    // The split rule is the municipality's setting.
    const settings = (await grants.get('/api/grants/settings')).json();
    expect(settings.splitRule).toBe('month_based');
    const changed = await grants.put('/api/grants/settings', { splitRule: 'quarter_eighths', version: settings.version });
    expect(changed.json().splitRule).toBe('quarter_eighths');
    expect((await grants.get(`/api/grants/persons/${moved.id}`)).json().lines.find((l: { calendarYear: number }) => l.calendarYear === 2025).share).toBeCloseTo(5 / 8);
    expect((await advisor.put('/api/grants/settings', { splitRule: 'month_based', version: 1 })).statusCode).toBe(403);
    await grants.put('/api/grants/settings', { splitRule: 'month_based', version: 1 });
  });
});

describe('forecast', () => {
  it('sums the settled people per type for five years, adds the rest of the decision and a what-if', async () => {
    const base = await grants.post('/api/grants/forecast', { fromYear: 2026 });
    expect(base.statusCode, base.body).toBe(200);
    const f = base.json();
    expect(f.settled.map((y: { year: number }) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(f.settled[0].total).toBeGreaterThan(0);
    expect(f.rateWarnings.length).toBeGreaterThan(0);
    const more = (await grants.post('/api/grants/forecast', { fromYear: 2026, whatIf: { mix: { single_adult: 10, child: 5 }, date: '2026-12-01' } })).json();
    expect(more.withWhatIf[0].byType.integration - more.withDecision[0].byType.integration).toBe(10 * 241_000 + 5 * 194_400);
    expect(more.withWhatIf[1].byType.integration).toBeGreaterThan(more.withDecision[1].byType.integration);
    const bad = await grants.post('/api/grants/forecast', { fromYear: 2026, whatIf: { mix: { giants: 3 }, date: 'soon' } });
    expect(bad.statusCode).toBe(400);
    expect((await nav.post('/api/grants/forecast', {})).statusCode).toBe(403);
  });
});

describe('payment lists and reconciliation', () => {
  let paid: { id: string; nid: string };
  let under: { id: string; nid: string };
  let missing: { id: string };
  let byName: { id: string };
  let movedAway: { id: string; nid: string };

  it('refuses a list with bad lines, reporting each by line and column, and writes nothing', async () => {
    const before = await snapshot(w.database, 'grant_payment_lines');
    const csv = [
      '\uFEFFtermin;tilskuddskode;belop;fodselsnummer;dufnummer;navn;fodselsdato',
      '2026-1;AR-2;62 575,00;;201901012345;;',
      '',
      '2026-2;AR-2;12abc;;;Ali Hassan;01.01.1980',
      '2026-2;AR-2;-500;;;Ali Hassan;01.01.1980',
      '2026-1;AR-2;62 575,00;;201901012345;;',
      '2026-9;XX;100;;;Ali Hassan;1980-13-01',
      '2026-1;AR-2;1,00;;201901012345;;',
    ].join('\r\n');
    const res = await upload(grants, csv);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ lines: 6, validLines: 1, imported: 0, emptyLines: 1, problemLines: 5 });
    expect(r.problems.map((p: { line: number; column: string | null }) => `${p.line}:${p.column}`)).toEqual(['4:belop', '5:belop', '6:null', '7:termin', '7:tilskuddskode', '7:fodselsdato', '7:null', '8:null']);
    expect(r.problems.find((p: { line: number }) => p.line === 6).message).toMatch(/same line as line 2/);
    expect(r.problems.find((p: { line: number }) => p.line === 8).message).toMatch(/again \(line 2\)/);
    expect(await snapshot(w.database, 'grant_payment_lines')).toEqual(before);
    // Quoted fields (another export's habit) are read by the full CSV parser.
    const unknownColumn = (await upload(grants, '"termin","tilskuddskode","belop","hemmelig"\n"2026-1","AR-2","1 000,50","x"\n')).json();
    expect(unknownColumn.problems[0]).toMatchObject({ line: 1, column: 'hemmelig' });
    expect((await upload(grants, '{"termin":1}', '', 'application/json')).statusCode).toBe(400);
    expect((await upload(advisor, 'termin,tilskuddskode,belop\n')).statusCode).toBe(403);
  });

  it('imports CSV and XLSX; a second import of the same file changes nothing', async () => {
    // People settled in 2025: AR-2 in 2026 is 250 300 a year, 62 575 a term.
    paid = { ...(await register(person({ givenName: 'Mohammad', familyName: 'Al-Hassan', nationalId: nid('1985-03-03'), birthDate: '1985-03-03', settlementDate: '2025-01-20' }))), nid: '' };
    paid.nid = (await w.database.query<{ national_id: string }>('SELECT national_id FROM persons WHERE id = $1', [paid.id]))[0]!.national_id;
    under = { ...(await register(person({ givenName: 'Fatima', familyName: 'Noor', sex: 'female', birthDate: '1991-09-09', nationalId: nid('1991-09-09', 'female'), settlementDate: '2025-02-02' }))), nid: '' };
    under.nid = (await w.database.query<{ national_id: string }>('SELECT national_id FROM persons WHERE id = $1', [under.id]))[0]!.national_id;
    missing = await register(person({ givenName: 'Hamid', familyName: 'Rahimi', birthDate: '1979-07-07', settlementDate: '2025-06-06' }));
    byName = await register(person({ givenName: 'Muhammed', familyName: 'Alhasan', birthDate: '1970-10-10', settlementDate: '2025-05-05', dufNumber: '201801017777' }));
    movedAway = { ...(await register(person({ givenName: 'Olena', familyName: 'Kovalenko', sex: 'female', birthDate: '1983-04-04', nationalId: nid('1983-04-04', 'female'), settlementDate: '2025-03-03', status: 'moved_away', statusDate: '2026-05-20' }))), nid: '' };
    movedAway.nid = (await w.database.query<{ national_id: string }>('SELECT national_id FROM persons WHERE id = $1', [movedAway.id]))[0]!.national_id;
    const lines = ['termin;tilskuddskode;belop;fodselsnummer;dufnummer;navn;fodselsdato'];
    for (const t of [1, 2, 3, 4]) {
      lines.push(`2026-${t};AR-2;62 575,00;${paid.nid};;;`);
      lines.push(`T${t} 2026;AR-2;50000;${under.nid};;;`);
      lines.push(`${t}. termin 2026;AR 2;62.575,00;;;Mohamad Al Hasan;10/10/1970`);
      lines.push(`2026-${t};AR-2;62575;${movedAway.nid};;;`);
    }
    lines.push('2026-1;AR-2;62 575,00;;;Ukjent Person;01.01.1960');
    const csv = `\uFEFF${lines.join('\n')}\n`;
    const dry = (await upload(grants, csv, '?dryRun=true')).json();
    expect(dry).toMatchObject({ dryRun: true, lines: 17, validLines: 17, imported: 0, problems: [] });
    expect(await w.database.query('SELECT 1 FROM grant_payment_lines')).toHaveLength(0);
    const res = await upload(grants, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lines: 17, validLines: 17, imported: 17, alreadyImported: false, terms: ['2026-1', '2026-2', '2026-3', '2026-4'] });
    const again = (await upload(grants, csv)).json();
    expect(again).toMatchObject({ alreadyImported: true, imported: 0 });
    expect(await w.database.query('SELECT 1 FROM grant_payment_lines')).toHaveLength(17);
    // The same lines in an XLSX workbook: stored once.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Utbetalinger');
    ws.addRow(['Termin', 'Tilskuddskode', 'Beløp', 'Fødselsnummer']);
    ws.addRow(['2026-1', 'AR-2', 62575, paid.nid]);
    ws.addRow(['2026-4', 'EMINB', '1 000,50', paid.nid]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const fromXlsx = (await upload(grants, xlsx, '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json();
    expect(fromXlsx).toMatchObject({ lines: 2, validLines: 2, imported: 1, alreadyStored: 1 });
    const lists = (await finance.get('/api/grants/payment-lists')).json();
    expect(lists.lists).toHaveLength(2);
  });

  it("refuses a stored line whose list or person is not its municipality's (checked once a statement)", async () => {
    const [line] = await w.database.query<{ id: string; municipality_id: string }>('SELECT id::text AS id, municipality_id FROM grant_payment_lines ORDER BY id LIMIT 1');
    const set = (assignment: string, params: unknown[] = []) => w.database.query(`UPDATE grant_payment_lines SET ${assignment} WHERE id = ${Number(line!.id)}`, params);
    await expect(set('person_id = gen_random_uuid()')).rejects.toThrow(/not a person of the line's municipality/);
    const elsewhere = await w.database.query<{ id: string }>("SELECT p.id FROM persons p JOIN municipalities m ON m.id = p.municipality_id WHERE m.number = '1002' LIMIT 1");
    if (elsewhere[0]) await expect(set('person_id = $1', [elsewhere[0].id])).rejects.toThrow(/not a person of the line's municipality/);
    await expect(set('list_id = gen_random_uuid()')).rejects.toThrow(/not a payment list of the line's municipality/);
    const otherMunicipality = await w.database.query<{ id: string }>("SELECT id FROM municipalities WHERE number = '1002'");
    await expect(set('municipality_id = $1', [otherMunicipality[0]!.id])).rejects.toThrow(/not a payment list of the line's municipality/);
    await set('person_id = $1', [paid.id]);
    await set('person_id = NULL');
  });

  it('reconciles the year: lines matched by id number, then name with birth date; expected vs paid per person and term with the reasons, listed and exported', async () => {
    const res = await grants.post('/api/grants/reconcile', { year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.matched).toMatchObject({ nationalId: 13, nameBirthDate: 4, unmatched: 1 });
    const matched = await w.database.query<{ person_id: string | null; match_method: string | null }>('SELECT person_id, match_method FROM grant_payment_lines ORDER BY line_no');
    expect(matched.filter((m) => m.person_id === paid.id).every((m) => m.match_method === 'national_id')).toBe(true);
    expect(matched.filter((m) => m.person_id === byName.id).map((m) => m.match_method)).toEqual(Array(4).fill('name_birth_date'));
    expect(matched.filter((m) => m.person_id === null)).toHaveLength(1);
    const reasons = Object.fromEntries(s.byReason.map((b: { reason: string; rows: number }) => [b.reason, b.rows]));
    expect(reasons).toMatchObject({ amount_mismatch: 4, unknown_person: 1, not_expected: 1 });
    expect(reasons.not_in_imdinett).toBeGreaterThanOrEqual(4); // Hamid: nothing paid, settlement date not in IMDinett
    expect(reasons.moved).toBeGreaterThanOrEqual(2); // Olena moved in May: terms 3 and 4 paid here

    const list = (await grants.get('/api/grants/reconciliation?year=2026&reason=amount_mismatch')).json();
    expect(list.total).toBe(4);
    expect(list.rows[0]).toMatchObject({ personId: under.id, name: 'Fatima Noor', expected: 62_575, paid: 50_000, difference: -12_575, code: 'AR-2' });
    const moved = (await grants.get('/api/grants/reconciliation?year=2026&reason=moved')).json();
    expect(moved.rows.every((r: { personId: string }) => r.personId === movedAway.id)).toBe(true);
    expect(moved.rows[0].detail).toMatchObject({ date: '2026-05-20' });
    const unknownRow = (await grants.get('/api/grants/reconciliation?year=2026&reason=unknown_person')).json().rows[0];
    expect(unknownRow).toMatchObject({ personId: null, name: 'Ukjent Person', paid: 62_575 });
    const agreeingPaid = (await grants.get('/api/grants/reconciliation?year=2026&limit=200')).json();
    expect(agreeingPaid.rows.some((r: { personId: string; code: string }) => r.personId === paid.id && r.code === 'AR-2')).toBe(false);
    expect(agreeingPaid.summary.agreeing).toBeGreaterThanOrEqual(8);

    const file = await grants.get('/api/grants/reconciliation/export?year=2026');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(11).value).toBe('Årsak');
    const texts: string[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) texts.push(String(r.getCell(11).value));
    });
    expect(texts).toEqual(expect.arrayContaining(['Beløpet avviker', 'Ukjent person på utbetalingslisten', 'Flyttet til annen kommune']));
    const audit = await w.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'grants.reconcil%'`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['grants.reconcile', 'grants.reconciliation.read', 'grants.reconciliation.export']));
    expect((await nav.get('/api/grants/reconciliation?year=2026')).statusCode).toBe(403);
    expect((await advisor.get('/api/grants/reconciliation/export?year=2026')).statusCode).toBe(403);
    // No bytes leave without their audit row: when the row cannot be written, the worksheet is not sent.
    await w.database.execScript(
      `CREATE FUNCTION eidor_test_refuse_export() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action = 'grants.reconciliation.export' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER eidor_test_refuse_export BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION eidor_test_refuse_export();`,
    );
    try {
      const refused = await grants.get('/api/grants/reconciliation/export?year=2026');
      expect(refused.statusCode).toBe(500);
      expect(refused.headers['content-type']).not.toMatch(/spreadsheetml/);
    } finally {
      await w.database.execScript('DROP TRIGGER eidor_test_refuse_export ON audit_log; DROP FUNCTION eidor_test_refuse_export();');
    }
    void missing;
  });

  it('the overview shows expected vs received per type this year', async () => {
    const res = await grants.get('/api/grants/overview?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    const integration = o.byType.find((b: { type: string }) => b.type === 'integration');
    expect(integration.received).toBe(62_575 * 4 * 3 + 50_000 * 4 + 62_575); // three people paid in full, one short, one unknown
    expect(o.byType.find((b: { type: string }) => b.type === 'unaccompanied_minor').received).toBe(1000.5);
    expect(integration.expected).toBeGreaterThan(0);
    expect(o.moneyAtRisk).toBe(0);
    expect((await nav.get('/api/grants/overview')).statusCode).toBe(403);
  });
});
