import { osloDate } from '@eidor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../platform/audit.ts';
import { createWorld, PASSWORD, signedIn, type Agent, type World } from '../test/harness.ts';
import { DEMO_DOMAIN, DEMO_PEOPLE, DEMO_SEED, seedDemoIfEmpty } from './demo.ts';
import { MOHAMMAD } from './names.ts';
import { deriveSeed, generatePopulation } from './population.ts';

// The demo as it is made on first start: prepare() with the demo seed switched on.
let w: World;
let demoId: string;
let advisor: Agent;

type Row = Record<string, unknown>;
const q = <T = Row>(sql: string, params: unknown[] = []) => w.database.query<T>(sql, params);

beforeAll(async () => {
  w = await createWorld({ EIDOR_SEED_DEMO: 'true', EIDOR_DEMO_PASSWORD: PASSWORD });
  expect(w.running.seed?.created).toBe(true);
  demoId = w.running.seed!.municipalityId;
  advisor = await signedIn(w.app, `advisor@${DEMO_DOMAIN}`);
});
afterAll(async () => w?.close());

describe('the demo municipality on first start', () => {
  it('has about 300 people in about 120 households, each with its registration in the history', async () => {
    const [n] = await q<{ persons: string | number; households: string | number; history: string | number }>(
      `SELECT (SELECT count(*) FROM persons WHERE municipality_id = $1) AS persons,
              (SELECT count(*) FROM households WHERE municipality_id = $1) AS households,
              (SELECT count(*) FROM person_history WHERE municipality_id = $1 AND version = 0) AS history`,
      [demoId],
    );
    expect(Number(n!.persons)).toBe(DEMO_PEOPLE);
    expect(Number(n!.households)).toBeGreaterThanOrEqual(105);
    expect(Number(n!.households)).toBeLessThanOrEqual(135);
    expect(Number(n!.history)).toBe(DEMO_PEOPLE);
    // The other municipalities of the test world were created empty: only the demo is populated.
    expect(Number((await q<{ n: string | number }>('SELECT count(*) AS n FROM persons WHERE municipality_id <> $1', [demoId]))[0]!.n)).toBe(0);
  });

  it('holds the generated people: same names for the same seed', async () => {
    const expected = generatePopulation({ seed: deriveSeed(DEMO_SEED, 0), people: DEMO_PEOPLE, today: osloDate(new Date()) });
    const rows = await q<{ given_name: string; family_name: string; other_spellings: string[]; national_id: string | null }>(
      'SELECT given_name, family_name, other_spellings, national_id FROM persons WHERE municipality_id = $1',
      [demoId],
    );
    const key = (r: { given: string; family: string; other: string[] }) => `${r.given}|${r.family}|${r.other.join(',')}`;
    expect(rows.map((r) => key({ given: r.given_name, family: r.family_name, other: r.other_spellings })).sort()).toEqual(
      expected.persons.map((p) => key({ given: p.givenName, family: p.familyName, other: p.otherSpellings })).sort(),
    );
    expect(rows.map((r) => r.national_id).sort()).toEqual(expected.persons.map((p) => p.nationalId).sort());
  });

  it('searching "Mohammad" finds people registered as Muhammed, Mohamad … and people also known under such a spelling', async () => {
    const res = await advisor.post('/api/persons/search', { q: 'Mohammad', pageSize: 100 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ total: number; items: { id: string; givenName: string; familyName: string }[] }>();
    expect(body.total).toBeLessThanOrEqual(100);
    const found = new Set(body.items.map((i) => i.id));
    const variants = MOHAMMAD.filter((v) => v !== 'Mohammad');
    const spelledOtherwise = await q<{ id: string; given_name: string; family_name: string }>(
      'SELECT id, given_name, family_name FROM persons WHERE municipality_id = $1 AND (given_name = ANY($2) OR family_name = ANY($2))',
      [demoId, variants],
    );
    expect(spelledOtherwise.length).toBeGreaterThanOrEqual(3);
    for (const p of spelledOtherwise) expect(found.has(p.id), `${p.given_name} ${p.family_name}`).toBe(true);
    // People also known under a spelling of the name (other_spellings) are found too.
    const viaOther = await q<{ id: string }>(
      `SELECT id FROM persons WHERE municipality_id = $1 AND EXISTS (SELECT 1 FROM unnest(other_spellings) s WHERE string_to_array(s, ' ') && $2::text[])`,
      [demoId, MOHAMMAD],
    );
    expect(viaOther.length).toBeGreaterThan(0);
    for (const p of viaOther) expect(found.has(p.id)).toBe(true);
    // And not everyone: the Ukrainians, for one, are not hits.
    const [ukr] = await q<{ n: string | number }>("SELECT count(*) AS n FROM persons WHERE municipality_id = $1 AND origin_country = 'UKR'", [demoId]);
    expect(body.total).toBeLessThan(DEMO_PEOPLE - Number(ukr!.n));
  });

  it('partners see exactly the people whose team their unit is on (NAV: adults of programme age)', async () => {
    const nav = await signedIn(w.app, `nav@${DEMO_DOMAIN}`);
    const res = (await nav.post('/api/persons/search', { pageSize: 100 })).json<{ total: number }>();
    const [onTeam] = await q<{ n: string | number }>(
      `SELECT count(*) AS n FROM person_team t JOIN units u ON u.id = t.unit_id WHERE t.municipality_id = $1 AND u.kind = 'nav'`,
      [demoId],
    );
    expect(res.total).toBe(Number(onTeam!.n));
    expect(res.total).toBeGreaterThan(50);
    expect(res.total).toBeLessThan(DEMO_PEOPLE);
    const school = await signedIn(w.app, `school@${DEMO_DOMAIN}`);
    const kids = (await school.post('/api/persons/search', { pageSize: 100 })).json<{ items: { birthDate: string }[] }>();
    expect(kids.items.length).toBeGreaterThan(10);
    expect(kids.items.every((i) => i.birthDate > '2005-01-01')).toBe(true);
  });

  it('a seeded person opens like a registered one: page, household, history of registration and team', async () => {
    const [p] = await q<{ id: string; household_id: string }>(
      `SELECT p.id, p.household_id FROM persons p WHERE p.municipality_id = $1 AND p.version = 1 ORDER BY p.family_name, p.given_name LIMIT 1`,
      [demoId],
    );
    const page = await advisor.get(`/api/persons/${p!.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().team.length).toBeGreaterThan(0);
    expect((await advisor.get(`/api/households/${p!.household_id}`)).statusCode).toBe(200);
    const history = (await advisor.get(`/api/persons/${p!.id}/history`)).json().items;
    expect(history.map((h: { version: number }) => h.version)).toEqual([1, 0]);
    expect(history[0].changes[0].field).toBe('team');
    expect(history[1].changes.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(['givenName', 'birthDate', 'householdId']));
  });

  it('the seeded rows are what registering the same person through the API writes (search text, history)', async () => {
    const columns = `given_name, family_name, other_spellings, search_text, birth_date::text AS birth_date, sex, national_id, duf_number,
      origin_country, nationality, languages, interpreter_needed, interpreter_language, household_role, arrival_category, sponsor_person_id,
      permit_type, permit_date::text AS permit_date, settlement_date::text AS settlement_date, previous_municipality, status, status_date::text AS status_date`;
    const [seeded] = await q<Row & { id: string }>(
      `SELECT id, ${columns} FROM persons WHERE municipality_id = $1 AND sponsor_person_id IS NULL AND cardinality(other_spellings) > 0 ORDER BY family_name, given_name LIMIT 1`,
      [demoId],
    );
    const { id: seededId, ...s } = seeded!;
    const person = {
      givenName: s.given_name,
      familyName: s.family_name,
      otherSpellings: s.other_spellings,
      birthDate: s.birth_date,
      sex: s.sex,
      nationalId: s.national_id,
      dufNumber: s.duf_number,
      originCountry: s.origin_country,
      nationality: s.nationality,
      languages: s.languages,
      interpreterNeeded: s.interpreter_needed,
      interpreterLanguage: s.interpreter_language,
      householdRole: s.household_role,
      arrivalCategory: s.arrival_category,
      permitType: s.permit_type,
      permitDate: s.permit_date,
      settlementDate: s.settlement_date,
      previousMunicipality: s.previous_municipality,
      status: s.status,
      statusDate: s.status_date,
    };
    // Registered in municipality A by its advisor (an id number is unique per municipality).
    const a = await signedIn(w.app, 'advisor@a.test');
    const res = await a.post('/api/persons', { person, household: { mode: 'new' } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const [registered] = await q<Row>(`SELECT ${columns} FROM persons WHERE id = $1`, [id]);
    expect(registered).toEqual(s);
    const history = async (personId: string) =>
      (await q<{ changes: { field: string }[] }>('SELECT changes FROM person_history WHERE person_id = $1 AND version = 0', [personId]))[0]!.changes.filter(
        (c) => c.field !== 'householdId',
      );
    expect(await history(seededId)).toEqual(await history(id));
  });

  it('the audit chain of the demo municipality is intact, with the seeding in it', async () => {
    const report = await verifyAuditChain(w.database.query.bind(w.database), demoId);
    expect(report.ok, report.reason).toBe(true);
    const actions = await q<{ action: string }>('SELECT action FROM audit_log WHERE municipality_id = $1 ORDER BY id LIMIT 2', [demoId]);
    expect(actions.map((r) => r.action)).toEqual(['municipality.create', 'person.seed']);
  });

  it('seeds only once: with a municipality in the database, nothing more is added', async () => {
    expect(await seedDemoIfEmpty(w.database, PASSWORD)).toBeNull();
    expect(Number((await q<{ n: string | number }>('SELECT count(*) AS n FROM persons WHERE municipality_id = $1', [demoId]))[0]!.n)).toBe(DEMO_PEOPLE);
  });
});
