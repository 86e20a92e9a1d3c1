import { PersonFields } from '@eidor/contract';
import { ageOn, nameKey, parseNationalId } from '@eidor/domain';
import { describe, expect, it } from 'vitest';
import { MOHAMMAD, NAMES } from './names.ts';
import {
  deriveSeed,
  generatePopulation,
  HOUSEHOLD_SHAPES,
  mulberry32,
  ORIGIN_WEIGHTS,
  SHAPE_WEIGHTS,
  spreadPeople,
  type GeneratedPerson,
  type Population,
} from './population.ts';

const TODAY = '2026-11-23';
const big: Population = generatePopulation({ seed: 7, people: 20_000, today: TODAY });
const share = <T>(xs: readonly T[], pred: (x: T) => boolean) => xs.filter(pred).length / xs.length;
const names = (p: Population) => p.persons.map((x) => [x.givenName, x.familyName, ...x.otherSpellings].join('/'));

describe('determinism', () => {
  it('mulberry32 gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });

  it('the same seed gives the same population; another seed another one', () => {
    const a = generatePopulation({ seed: 123, people: 500, today: TODAY });
    const b = generatePopulation({ seed: 123, people: 500, today: TODAY });
    expect(b).toEqual(a);
    const c = generatePopulation({ seed: 124, people: 500, today: TODAY });
    expect(names(c)).not.toEqual(names(a));
    expect(c.persons.map((p) => p.nationalId)).not.toEqual(a.persons.map((p) => p.nationalId));
  });

  it("names depend on the seed alone, not on the reference date (dates move with it)", () => {
    const a = generatePopulation({ seed: 99, people: 400, today: TODAY });
    const b = generatePopulation({ seed: 99, people: 400, today: '2027-06-01' });
    expect(names(b)).toEqual(names(a));
    expect(b.persons[0]!.settlementDate).not.toBe(a.persons[0]!.settlementDate);
  });

  it('makes exactly the number of people asked for, and streams per municipality differ', () => {
    for (const n of [0, 1, 2, 7, 300, 1234]) expect(generatePopulation({ seed: 5, people: n, today: TODAY }).persons).toHaveLength(n);
    expect(new Set(Array.from({ length: 50 }, (_, i) => deriveSeed(15, i))).size).toBe(50);
  });

  it('spreads people over municipalities exactly, the first the largest', () => {
    const s = spreadPeople(100_000, 50);
    expect(s.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(s[0]).toBeGreaterThan(s[49]!);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    expect(spreadPeople(3, 5)).toEqual([1, 1, 1, 0, 0]);
  });
});

describe('every person is valid input to registration', () => {
  it('passes the contract schema (strict) as registering it through the API would', () => {
    for (const p of big.persons) {
      const { household: _h, sponsor: _s, team: _t, ...fields } = p;
      const r = PersonFields.safeParse({ ...fields, sponsorPersonId: null });
      if (!r.success) throw new Error(`${p.givenName} ${p.familyName}: ${r.error.message}`);
    }
  });

  it('every national id is valid, synthetic, unique, and matches birth date and sex', () => {
    const ids = big.persons.filter((p) => p.nationalId !== null);
    for (const p of ids) {
      const r = parseNationalId(p.nationalId!);
      expect(r, p.nationalId!).toMatchObject({ valid: true, synthetic: true, birthDate: p.birthDate, sex: p.sex });
    }
    expect(new Set(ids.map((p) => p.nationalId)).size).toBe(ids.length);
    // Some have a D-nummer, some no id number yet; DUF numbers are 12 digits starting with a plausible year.
    const dnr = share(ids, (p) => (parseNationalId(p.nationalId!) as { kind: string }).kind === 'dnr');
    expect(dnr).toBeGreaterThan(0.05);
    expect(dnr).toBeLessThan(0.25);
    const none = share(big.persons, (p) => p.nationalId === null);
    expect(none).toBeGreaterThan(0.01);
    expect(none).toBeLessThan(0.1);
    for (const p of big.persons.filter((x) => x.dufNumber)) {
      expect(p.dufNumber).toMatch(/^20[12]\d{9}$/);
      expect(Number(p.dufNumber!.slice(0, 4))).toBeGreaterThanOrEqual(Number(p.birthDate.slice(0, 4)));
    }
    expect(share(big.persons, (p) => p.dufNumber === null)).toBeGreaterThan(0.03);
  });

  it('dates are in order: born ≤ permit ≤ settled ≤ today (within five years), status dates after settlement', () => {
    const fiveYearsAgo = '2021-11-23';
    for (const p of big.persons) {
      expect(p.birthDate <= p.permitDate!).toBe(true);
      expect(p.permitDate! <= p.settlementDate!).toBe(true);
      expect(p.settlementDate! <= TODAY && p.settlementDate! >= fiveYearsAgo).toBe(true);
      if (p.status === 'active') expect(p.statusDate).toBeNull();
      else expect(p.statusDate! >= p.settlementDate! && p.statusDate! <= TODAY).toBe(true);
      if (p.interpreterNeeded) expect(p.languages).toContain(p.interpreterLanguage);
      else expect(p.interpreterLanguage).toBeNull();
    }
  });

  it('a sponsor is an earlier-settled member of the same household, and only family-reunified people have one', () => {
    const withSponsor = big.persons.filter((p) => p.sponsor !== null);
    expect(withSponsor.length).toBeGreaterThan(100);
    for (const p of withSponsor) {
      const s = big.persons[p.sponsor!]!;
      expect(p.arrivalCategory).toBe('family_reunified');
      expect(s.household).toBe(p.household);
      expect(s.settlementDate! < p.settlementDate!).toBe(true);
    }
  });
});

describe('households', () => {
  it('every household has an adult, except households of unaccompanied minors', () => {
    for (const h of big.households) {
      const members = h.members.map((i) => big.persons[i]!);
      expect(members.every((m) => m.household === big.households.indexOf(h))).toBe(true);
      if (h.shape === 'unaccompanied_minor') {
        for (const m of members) {
          expect(m.arrivalCategory).toBe('unaccompanied_minor');
          expect(ageOn(m.birthDate, m.settlementDate!)).toBeLessThan(18);
        }
      } else {
        expect(members.some((m) => ageOn(m.birthDate, TODAY) >= 18), h.name).toBe(true);
        expect(members[0]!.householdRole).toBe('head');
        expect(ageOn(members[0]!.birthDate, members[0]!.settlementDate!)).toBeGreaterThanOrEqual(18);
      }
    }
    // Unaccompanied minors are the only ones registered with that category.
    const um = big.persons.filter((p) => p.arrivalCategory === 'unaccompanied_minor');
    expect(um.every((p) => big.households[p.household]!.shape === 'unaccompanied_minor')).toBe(true);
  });

  it('about 2.5 people per household (300 people ≈ 120 households), shapes and origins in the set proportions', () => {
    const size = big.persons.length / big.households.length;
    expect(size).toBeGreaterThan(2.3);
    expect(size).toBeLessThan(2.8);
    const demo = generatePopulation({ seed: deriveSeed(15, 0), people: 300, today: TODAY });
    expect(demo.households.length).toBeGreaterThanOrEqual(105);
    expect(demo.households.length).toBeLessThanOrEqual(135);
    const origins = Object.keys(ORIGIN_WEIGHTS) as (keyof typeof ORIGIN_WEIGHTS)[];
    for (const o of origins) expect(Math.abs(share(big.households, (h) => h.origin === o) - ORIGIN_WEIGHTS[o])).toBeLessThan(0.02);
    for (const s of HOUSEHOLD_SHAPES) {
      const expected = origins.reduce((sum, o) => sum + ORIGIN_WEIGHTS[o] * (o === 'UKR' ? SHAPE_WEIGHTS.UKR : SHAPE_WEIGHTS.other)[s], 0);
      expect(Math.abs(share(big.households, (h) => h.shape === s) - expected), s).toBeLessThan(0.02);
    }
    // Singles, couples, families with children: each shape is there, with children in families.
    for (const h of big.households.filter((x) => x.shape === 'family' || x.shape === 'single_parent')) {
      expect(h.members.some((i) => big.persons[i]!.householdRole === 'child')).toBe(true);
    }
    for (const h of big.households.filter((x) => x.shape === 'single')) expect(h.members).toHaveLength(1);
  });

  it('arrival categories, permits and statuses in realistic proportions', () => {
    const cat = (c: string) => share(big.persons, (p) => p.arrivalCategory === c);
    expect(cat('collective_protection')).toBeGreaterThan(0.3);
    for (const c of ['resettlement', 'reception_centre', 'family_reunified']) expect(cat(c)).toBeGreaterThan(0.08);
    for (const c of ['unaccompanied_minor', 'agreed_self_settlement', 'self_settled']) expect(cat(c)).toBeGreaterThan(0.01);
    // Ukrainians come under collective protection (kap. 6A); family reunification means family immigration.
    for (const p of big.persons) {
      if (p.originCountry === 'UKR') expect(p.permitType).toBe('collective_protection');
      if (p.arrivalCategory === 'family_reunified') expect(p.permitType).toBe('family_immigration');
      if (p.arrivalCategory === 'self_settled' || p.arrivalCategory === 'agreed_self_settlement') expect(p.previousMunicipality).not.toBeNull();
    }
    expect(share(big.persons, (p) => p.status === 'active')).toBeGreaterThan(0.85);
    for (const s of ['moved_away', 'ended', 'deceased']) expect(big.persons.some((p) => p.status === s)).toBe(true);
  });

  it('languages of the origin countries, and interpreters needed by many adults but few children', () => {
    const langs = new Set(big.persons.flatMap((p) => p.languages));
    for (const l of ['ar', 'prs', 'fa', 'ps', 'ti', 'so', 'uk', 'ru', 'fr', 'ln', 'sw']) expect(langs).toContain(l);
    const adults = big.persons.filter((p) => ageOn(p.birthDate, TODAY) >= 18);
    const children = big.persons.filter((p) => ageOn(p.birthDate, TODAY) < 18);
    expect(share(adults, (p) => p.interpreterNeeded)).toBeGreaterThan(0.4);
    expect(share(children, (p) => p.interpreterNeeded)).toBeLessThan(0.15);
  });

  it('teams: NAV and adult education for adults of programme age, school for children, health for the youngest', () => {
    const active = big.persons.filter((p) => p.status === 'active');
    const age = (p: GeneratedPerson) => ageOn(p.birthDate, TODAY);
    for (const p of active) {
      if (age(p) >= 18 && age(p) <= 55) expect(p.team).toEqual(expect.arrayContaining(['nav', 'adulted']));
      if (age(p) >= 6 && age(p) <= 17) expect(p.team).toContain('school');
      if (age(p) < 6) expect(p.team).toContain('health');
      if (age(p) < 18) expect(p.team).not.toContain('nav');
    }
    expect(share(active, (p) => p.team.includes('health'))).toBeGreaterThan(0.1);
    expect(active.some((p) => p.team.includes('childwelfare'))).toBe(true);
    expect(big.persons.filter((p) => p.status !== 'active').every((p) => p.team.length === 0)).toBe(true);
  });
});

describe('names', () => {
  it('uses the transliteration variants of a name (Mohammad / Muhammed / Mohamad …), in registered names and other spellings', () => {
    const used = new Set(big.persons.flatMap((p) => [p.givenName, p.familyName]).filter((n) => MOHAMMAD.includes(n)));
    expect(used.size).toBeGreaterThanOrEqual(5);
    const inOther = new Set(big.persons.flatMap((p) => p.otherSpellings.flatMap((s) => s.split(' '))).filter((n) => MOHAMMAD.includes(n)));
    expect(inOther.size).toBeGreaterThanOrEqual(3);
    // Family names too: Al-Hassan / Alhasan / Al Hassan.
    const hassan = new Set(big.persons.flatMap((p) => [p.familyName, ...p.otherSpellings.map((s) => s.split(' ').slice(1).join(' '))]).filter((n) => ['Al-Hassan', 'Alhasan', 'Al Hassan', 'Elhassan'].includes(n)));
    expect(hassan.size).toBeGreaterThanOrEqual(3);
  });

  it('some people have other spellings: each differs from the registered name, and most have the same skeleton', () => {
    const withOther = big.persons.filter((p) => p.otherSpellings.length > 0);
    const s = withOther.length / big.persons.length;
    expect(s).toBeGreaterThan(0.15);
    expect(s).toBeLessThan(0.4);
    let sameKey = 0;
    let total = 0;
    for (const p of withOther) {
      const own = `${p.givenName} ${p.familyName}`;
      for (const o of p.otherSpellings) {
        expect(o).not.toBe(own);
        total++;
        if (nameKey(o) === nameKey(own)) sameKey++;
      }
    }
    expect(sameKey / total).toBeGreaterThan(0.5);
  });

  it('Eritrean, Somali and Sudanese children carry their father’s given name as second name', () => {
    let checked = 0;
    for (const h of big.households.filter((x) => x.shape === 'family' && ['ERI', 'SOM', 'SDN'].includes(x.origin))) {
      const father = big.persons[h.members[0]!]!;
      const spellings = NAMES[h.origin].male.find((v) => v.includes(father.givenName))!;
      for (const c of h.members.map((i) => big.persons[i]!).filter((m) => m.householdRole === 'child')) {
        expect(spellings).toContain(c.familyName);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
