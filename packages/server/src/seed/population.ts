// The synthetic population of the demo and of `npm run seed -- --people N --municipalities M`
// (issue 3, point 4): households and persons with names of the origin countries of recent years in
// the spellings registers really use, valid synthetic id numbers, settlement over the last five
// years, arrival categories, statuses, languages and team memberships in realistic proportions.
//
// `generatePopulation` is pure and deterministic: the same seed, size and reference date give the
// same people (own PRNG, never Math.random or the clock). `insertPopulation` writes one generated
// population into one municipality in bulk, computing every derived column (search_text, history)
// with the persons module's own functions, so seeded people are indistinguishable from registered ones.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PersonFields } from '@eidor/contract';
import { addDays, ageOn, daysBetween, makeNationalId, type IsoDate, type NationalIdKind } from '@eidor/domain';
import type { Db } from '../db/client.ts';
import { rows } from '../db/raw.ts';
import { changedFields, toValues } from '../modules/persons/person-fields.ts';
import { appendAudit } from '../platform/audit.ts';
import { NAMES, PREVIOUS_MUNICIPALITIES, type FamilyName, type NameVariants, type OriginCode, type OriginNames } from './names.ts';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast 32-bit PRNG. Same seed, same sequence, on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for the `index`-th independent stream of `seed` (a municipality, a later module's data). */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Draws from one mulberry32 stream. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** A key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = (Object.entries(weights) as [K, number | undefined][]).map(([k, w]) => [k, w ?? 0] as const);
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  /** A fresh 32-bit seed, for a sub-stream. */
  seed(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

// ---------------------------------------------------------------------------------------------
// What the generator makes

export type PersonFieldValues = z.output<typeof PersonFields>;

/** Unit keys of `createMunicipality` (seed/demo.ts) that go on people's teams. */
export const TEAM_UNITS = ['nav', 'adulted', 'school', 'health', 'childwelfare'] as const;
export type TeamUnit = (typeof TEAM_UNITS)[number];

export const HOUSEHOLD_SHAPES = ['single', 'couple', 'family', 'single_parent', 'extended', 'unaccompanied_minor'] as const;
export type HouseholdShape = (typeof HOUSEHOLD_SHAPES)[number];

/** A person as registration would take them, plus where they belong in the population. */
export type GeneratedPerson = Omit<PersonFieldValues, 'sponsorPersonId' | 'sex'> & {
  sex: 'female' | 'male';
  /** Index of the household in `Population.households`. */
  household: number;
  /** Index in `Population.persons` of the family member a family-reunified person joined (referanseperson). */
  sponsor: number | null;
  /** The units on the person's team (need-to-know for partners). */
  team: TeamUnit[];
};

export type GeneratedHousehold = {
  name: string;
  shape: HouseholdShape;
  origin: OriginCode;
  /** Indexes in `Population.persons`, head first. */
  members: number[];
  /** Seed of this household's own stream: later modules derive their data for it from this. */
  seed: number;
};

export type Population = { seed: number; today: IsoDate; households: GeneratedHousehold[]; persons: GeneratedPerson[] };

// ---------------------------------------------------------------------------------------------
// Proportions. Settled in Norway over the last five years: Ukrainians under collective protection
// the largest group since 2022; then Syria, Afghanistan, Eritrea, DR Congo, Sudan and Somalia
// (resettlement quota and reception centres). Weights are per household.

export const ORIGIN_WEIGHTS: Record<OriginCode, number> = { UKR: 0.5, SYR: 0.15, AFG: 0.12, ERI: 0.07, COD: 0.06, SDN: 0.06, SOM: 0.04 };

/** Ukrainian households are mostly women with children (men of 18–60 could not leave). */
export const SHAPE_WEIGHTS: { UKR: Record<HouseholdShape, number>; other: Record<HouseholdShape, number> } = {
  UKR: { single: 0.28, couple: 0.12, family: 0.12, single_parent: 0.34, extended: 0.11, unaccompanied_minor: 0.03 },
  other: { single: 0.36, couple: 0.07, family: 0.35, single_parent: 0.1, extended: 0.05, unaccompanied_minor: 0.07 },
};

/** Share of non-Ukrainian couples and families where one spouse came first and the others by family reunification. */
export const REUNIFICATION_SHARE = 0.35;

const CHILD_COUNT = {
  UKR: { 1: 0.5, 2: 0.35, 3: 0.12, 4: 0.03 },
  other: { 1: 0.25, 2: 0.3, 3: 0.22, 4: 0.13, 5: 0.06, 6: 0.04 },
} as const;

type Category = NonNullable<PersonFieldValues['arrivalCategory']>;
type Permit = NonNullable<PersonFieldValues['permitType']>;

const CATEGORY_WEIGHTS: { UKR: Partial<Record<Category, number>>; other: Partial<Record<Category, number>> } = {
  UKR: { collective_protection: 0.9, self_settled: 0.06, agreed_self_settlement: 0.04 },
  other: { reception_centre: 0.42, resettlement: 0.35, agreed_self_settlement: 0.1, family_reunified: 0.08, self_settled: 0.05 },
};

/** Days between the residence permit and settlement, by arrival category. */
const PERMIT_LEAD_DAYS: Record<Category, [number, number]> = {
  resettlement: [20, 120],
  reception_centre: [60, 300],
  family_reunified: [30, 200],
  unaccompanied_minor: [60, 300],
  agreed_self_settlement: [60, 300],
  collective_protection: [10, 120],
  self_settled: [90, 500],
};

// ---------------------------------------------------------------------------------------------
// The generator

type Draft = {
  role: 'head' | 'spouse' | 'child' | 'other';
  sex: 'female' | 'male';
  /** Age in days on the settlement date. */
  ageDays: number;
  given: { v: NameVariants; i: number };
  family: { v: NameVariants; i: number };
  category: Category;
  settlementDate: IsoDate;
  sponsorDraft: number | null;
};

const years = (r: Rng, lo: number, hi: number) => r.int(lo, hi) * 365 + r.int(0, 364);

/** Index of the spelling a register used: the common one about half the time. */
function spelling(r: Rng, v: NameVariants): number {
  return v.length === 1 || r.chance(0.5) ? 0 : r.int(1, v.length - 1);
}

function familyForm(f: FamilyName, sex: 'female' | 'male'): NameVariants {
  return sex === 'female' ? f.f : f.m;
}

/** Picks the national id kind by how long the person has been here: the newly arrived often have none yet, or a D-nummer. */
function idKind(r: Rng, daysHere: number): NationalIdKind | null {
  const w = daysHere < 60 ? { none: 0.35, dnr: 0.45, fnr: 0.2 } : daysHere < 365 ? { none: 0.07, dnr: 0.25, fnr: 0.68 } : { none: 0.02, dnr: 0.06, fnr: 0.92 };
  const k = r.weighted(w);
  return k === 'none' ? null : k;
}

/** Hands out synthetic (month + 80) id numbers, never the same one twice in a population. */
class NationalIds {
  private readonly next = new Map<string, number>();
  private readonly used = new Set<string>();
  make(birthDate: IsoDate, sex: 'female' | 'male', kind: NationalIdKind): string | null {
    const key = `${birthDate}|${sex}|${kind}`;
    // Stepping by two keeps the individual number's parity (its sex) without makeNationalId nudging it onto a neighbour.
    for (let k = this.next.get(key) ?? 0; k < 250; k++) {
      const id = makeNationalId({ birthDate, sex, kind, synthetic: true, serial: 2 * k + (sex === 'male' ? 1 : 0) });
      if (id && !this.used.has(id)) {
        this.next.set(key, k + 1);
        this.used.add(id);
        return id;
      }
    }
    return null; // every individual number of that day taken: the person waits for an id, as people do
  }
}

function languagesFor(r: Rng, origin: OriginCode): string[] {
  switch (origin) {
    case 'SYR':
      return r.chance(0.15) ? ['ku', 'ar'] : ['ar'];
    case 'AFG': {
      const k = r.weighted({ prs: 0.55, fa: 0.15, ps: 0.3 });
      return k === 'ps' && r.chance(0.4) ? ['ps', 'prs'] : [k];
    }
    case 'ERI':
      return r.chance(0.1) ? ['tig', 'ti'] : r.chance(0.1) ? ['ti', 'ar'] : ['ti'];
    case 'SOM':
      return r.chance(0.15) ? ['so', 'ar'] : ['so'];
    case 'SDN':
      return r.chance(0.15) ? ['ar', 'en'] : ['ar'];
    case 'UKR':
      return r.chance(0.75) ? (r.chance(0.5) ? ['uk', 'ru'] : ['uk']) : r.chance(0.6) ? ['ru', 'uk'] : ['ru'];
    case 'COD': {
      const k = r.weighted({ sw: 0.45, ln: 0.3, fr: 0.25 });
      return k === 'fr' ? (r.chance(0.5) ? ['fr', 'ln'] : ['fr']) : r.chance(k === 'sw' ? 0.4 : 0.6) ? [k, 'fr'] : [k];
    }
  }
}

type HouseholdDraft = { shape: HouseholdShape; origin: OriginCode; members: Draft[] };

function draftHousehold(r: Rng, today: IsoDate): HouseholdDraft {
  const origin = r.weighted(ORIGIN_WEIGHTS);
  const o: OriginNames = NAMES[origin];
  const ukr = origin === 'UKR';
  const shape = r.weighted(ukr ? SHAPE_WEIGHTS.UKR : SHAPE_WEIGHTS.other);

  // When the household came: Ukrainians mostly 1–4.5 years ago; others spread over five years.
  let daysAgo = ukr ? (r.chance(0.8) ? r.int(330, 1650) : r.int(14, 330)) : r.int(7, 1825);
  const reunified = !ukr && (shape === 'couple' || shape === 'family' || shape === 'extended') && r.chance(REUNIFICATION_SHARE);
  let laterDaysAgo = daysAgo;
  if (reunified) {
    // The first one settles; the family follows 8–30 months later.
    const gap = r.int(240, 900);
    daysAgo = r.int(gap + 7, Math.max(gap + 7, 1825));
    laterDaysAgo = daysAgo - gap;
  }
  const firstDate = addDays(today, -daysAgo);
  const laterDate = addDays(today, -laterDaysAgo);
  let category: Category =
    shape === 'unaccompanied_minor' ? 'unaccompanied_minor' : r.weighted(ukr ? CATEGORY_WEIGHTS.UKR : CATEGORY_WEIGHTS.other);
  if (reunified) category = r.chance(0.8) ? 'reception_centre' : 'resettlement';

  const given = (sex: 'female' | 'male') => {
    const v = r.pick(sex === 'female' ? o.female : o.male);
    return { v, i: spelling(r, v) };
  };
  /** A second name that is the father's given name (patronymic) or the family name. */
  const surname = (sex: 'female' | 'male') => {
    if (o.naming === 'patronymic') {
      const v = r.chance(0.7) ? r.pick(o.male) : familyForm(r.pick(o.family), 'male');
      return { v, i: spelling(r, v) };
    }
    const v = familyForm(r.pick(o.family), sex);
    return { v, i: spelling(r, v) };
  };

  const members: Draft[] = [];
  const add = (d: Omit<Draft, 'category' | 'settlementDate' | 'sponsorDraft'>, later = false) => {
    members.push({
      ...d,
      category: later ? 'family_reunified' : category,
      settlementDate: later ? laterDate : firstDate,
      sponsorDraft: later ? 0 : null,
    });
  };

  /** Children of a father (patronymic: his given name is their second name) or of a family name. */
  const addChildren = (n: number, motherAgeDays: number, familyOf: (sex: 'female' | 'male') => { v: NameVariants; i: number }, later: boolean) => {
    const maxYears = Math.max(0, Math.min(17, Math.floor(motherAgeDays / 365) - 18));
    const ages = Array.from({ length: n }, () => (maxYears === 0 ? r.int(30, 364) : years(r, 0, maxYears))).sort((a, b) => b - a);
    for (const ageDays of ages) {
      const sex = r.chance(0.5) ? 'female' : 'male';
      const fam = familyOf(sex);
      // Another office, another spelling: now and then a child's name is transliterated differently.
      const i = fam.v.length > 1 && r.chance(0.12) ? (fam.i + 1) % fam.v.length : fam.i;
      let g = given(sex);
      if (g.v === fam.v) g = given(sex); // rarely named after the father himself
      add({ role: 'child', sex, ageDays: Math.max(30, ageDays), given: g, family: { v: fam.v, i } }, later);
    }
  };

  const childCount = () => Number(r.weighted(ukr ? CHILD_COUNT.UKR : CHILD_COUNT.other));

  switch (shape) {
    case 'single': {
      const sex = r.chance(ukr ? 0.3 : 0.72) ? 'male' : 'female';
      const ageDays = ukr ? (r.chance(0.25) ? years(r, 60, 79) : years(r, 19, 59)) : r.chance(0.8) ? years(r, 18, 34) : years(r, 35, 64);
      add({ role: 'head', sex, ageDays, given: given(sex), family: surname(sex) });
      break;
    }
    case 'couple':
    case 'family':
    case 'extended': {
      const elderly = shape === 'couple' && r.chance(ukr ? 0.5 : 0.2);
      const headAge = elderly ? years(r, 58, 80) : shape === 'couple' ? years(r, 20, 45) : years(r, 25, 52);
      const spouseAge = Math.max(19 * 365, headAge - years(r, -2, 8));
      // Ukrainian extended households: a mother, her children and a grandparent (the father stayed).
      const noFather = ukr && shape === 'extended';
      const headSex = noFather ? 'female' : 'male';
      const headFamily = surname(headSex);
      const headGiven = given(headSex);
      add({ role: 'head', sex: headSex, ageDays: noFather ? spouseAge : headAge, given: headGiven, family: headFamily });
      if (!noFather) {
        // The wife keeps her own name, except in Ukraine, where she usually has her husband's.
        const spouseFamily = ukr ? formOf(o, headFamily, 'female') : surname('female');
        add({ role: 'spouse', sex: 'female', ageDays: spouseAge, given: given('female'), family: spouseFamily }, reunified);
      }
      if (shape !== 'couple') {
        const n = childCount();
        const childFamily = (sex: 'female' | 'male') =>
          o.naming === 'patronymic' ? headGiven : ukr ? formOf(o, headFamily, sex) : headFamily;
        addChildren(n, spouseAge, childFamily, reunified);
      }
      if (shape === 'extended') {
        // A grandparent, or (outside Ukraine) sometimes a grown-up brother or sister.
        const grand = ukr || r.chance(0.6);
        const sex = grand ? (r.chance(0.7) ? 'female' : 'male') : r.chance(0.5) ? 'female' : 'male';
        const ageDays = grand ? years(r, 56, 82) : years(r, 18, 28);
        add({ role: 'other', sex, ageDays, given: given(sex), family: surname(sex) }, reunified);
      }
      break;
    }
    case 'single_parent': {
      const sex = r.chance(ukr ? 0.95 : 0.85) ? 'female' : 'male';
      const ageDays = years(r, 22, 48);
      const parentFamily = surname(sex);
      const parentGiven = given(sex);
      add({ role: 'head', sex, ageDays, given: parentGiven, family: parentFamily });
      // Children carry the father's name: his given name (patronymic), or his family name.
      const fatherGiven = sex === 'male' ? parentGiven : given('male');
      const fatherFamily = sex === 'male' || ukr ? parentFamily : surname('male');
      const childFamily = (s: 'female' | 'male') =>
        o.naming === 'patronymic' ? fatherGiven : ukr ? formOf(o, fatherFamily, s) : fatherFamily;
      addChildren(childCount(), sex === 'female' ? ageDays : ageDays - 3 * 365, childFamily, false);
      break;
    }
    case 'unaccompanied_minor': {
      const sex = r.chance(ukr ? 0.5 : 0.85) ? 'male' : 'female';
      const ageDays = r.chance(0.8) ? years(r, 15, 17) : years(r, 12, 14);
      const fam = surname(sex);
      add({ role: 'head', sex, ageDays, given: given(sex), family: fam });
      if (r.chance(0.15)) {
        // A younger brother or sister who came with them.
        const s2 = r.chance(0.5) ? 'female' : 'male';
        add({ role: 'other', sex: s2, ageDays: Math.max(10 * 365, ageDays - years(r, 1, 3)), given: given(s2), family: ukr ? formOf(o, fam, s2) : fam });
      }
      break;
    }
  }
  return { shape, origin, members };
}

/** The same family name in the form for `sex` (Kovalskyi / Kovalska), in the same spelling where it has one. */
function formOf(o: OriginNames, name: { v: NameVariants; i: number }, sex: 'female' | 'male'): { v: NameVariants; i: number } {
  const entry = o.family.find((f) => f.m === name.v || f.f === name.v) ?? { m: name.v, f: name.v };
  const v = familyForm(entry, sex);
  return { v, i: Math.min(name.i, v.length - 1) };
}

function fullName(given: { v: NameVariants; i: number }, family: { v: NameVariants; i: number }): string {
  return `${given.v[given.i]} ${family.v[family.i]}`;
}

/** Other spellings the person is known under (earlier documents, another office's transliteration). */
function otherSpellingsOf(r: Rng, d: Draft, origin: OriginCode): string[] {
  const p = origin === 'UKR' || origin === 'COD' ? 0.2 : 0.32;
  if (!r.chance(p)) return [];
  const own = fullName(d.given, d.family);
  const out: string[] = [];
  const tries = r.chance(0.25) ? 2 : 1;
  for (let t = 0; t < tries; t++) {
    const gi = d.given.v.length > 1 ? (d.given.i + 1 + r.int(0, d.given.v.length - 2)) % d.given.v.length : d.given.i;
    const fi = d.family.v.length > 1 ? (d.family.i + 1 + r.int(0, d.family.v.length - 2)) % d.family.v.length : d.family.i;
    const alt = fullName({ v: d.given.v, i: gi }, { v: d.family.v, i: fi });
    if (alt !== own && !out.includes(alt)) out.push(alt);
  }
  return out;
}

function teamOf(p: { ageToday: number; role: Draft['role']; category: Category; status: string; daysHere: number }, childWelfare: boolean, r: Rng): TeamUnit[] {
  if (p.status !== 'active') return [];
  const team = new Set<TeamUnit>();
  // integreringsloven § 8: the introduction programme is for those aged 18–55; NAV and adult education follow them.
  if (p.ageToday >= 18 && p.ageToday <= 55) {
    team.add('nav');
    team.add('adulted');
  } else if (p.ageToday > 55 && p.ageToday < 67 && r.chance(0.5)) team.add('nav');
  if (p.ageToday >= 6 && (p.ageToday <= 17 || (p.category === 'unaccompanied_minor' && p.ageToday <= 19))) team.add('school');
  // Health: the health station for the under-sixes, the first health assessment for the newly arrived, and some others.
  if (p.ageToday < 6 || p.daysHere < 365 || r.chance(0.15)) team.add('health');
  if (childWelfare && p.ageToday < 18) team.add('childwelfare');
  return TEAM_UNITS.filter((u) => team.has(u));
}

function permitFor(r: Rng, category: Category, ukr: boolean): Permit {
  if (ukr || category === 'collective_protection') return 'collective_protection';
  switch (category) {
    case 'resettlement':
      return 'refugee';
    case 'family_reunified':
      return 'family_immigration';
    case 'unaccompanied_minor':
      return r.chance(0.6) ? 'refugee' : 'humanitarian';
    default:
      return r.weighted({ refugee: 0.75, humanitarian: 0.2, other: 0.05 });
  }
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * Generates `people` persons in households, as they would be registered by `today`. Pure: the same
 * arguments give the same population.
 */
export function generatePopulation(opts: { seed: number; people: number; today: IsoDate }): Population {
  const { today } = opts;
  const root = new Rng(opts.seed);
  const nationalIds = new NationalIds();
  const households: GeneratedHousehold[] = [];
  const persons: GeneratedPerson[] = [];
  while (persons.length < opts.people) {
    const hSeed = root.seed();
    const r = new Rng(hSeed);
    const draft = draftHousehold(r, today);
    let members = draft.members.slice(0, opts.people - persons.length);
    let shape = draft.shape;
    if (members.length < draft.members.length && shape !== 'unaccompanied_minor') {
      // The last household, cut to size: name its shape after what is left.
      const children = members.some((m) => m.role === 'child');
      const spouse = members.some((m) => m.role === 'spouse');
      shape = children ? (spouse ? 'family' : 'single_parent') : spouse ? 'couple' : 'single';
    }
    members = members.map((m) => ({ ...m }));
    const origin = draft.origin;
    const ukr = origin === 'UKR';
    // Names first, so that a person's names depend on the seed alone, not on the reference date.
    const spellings = members.map((m) => otherSpellingsOf(r, m, origin));
    const householdIndex = households.length;
    const first = persons.length;
    const languages = languagesFor(r, origin);
    const previousMunicipality = draft.members[0]!.category === 'agreed_self_settlement' || draft.members[0]!.category === 'self_settled' ? r.pick(PREVIOUS_MUNICIPALITIES) : null;
    const childWelfare = members.some((m) => m.role === 'child') && r.chance(0.04);

    // Status is mostly the household's: it moves away together, or its follow-up ends.
    const latest = members.reduce((d, m) => maxDate(d, m.settlementDate), members[0]!.settlementDate);
    const sinceLatest = daysBetween(latest, today);
    let householdStatus: { status: 'active' | 'moved_away' | 'ended'; date: IsoDate | null } = { status: 'active', date: null };
    if (sinceLatest >= 120 && r.chance(0.07)) householdStatus = { status: 'moved_away', date: addDays(latest, r.int(60, sinceLatest - 1)) };
    else if (sinceLatest >= 4 * 365 && r.chance(0.2)) householdStatus = { status: 'ended', date: addDays(latest, r.int(4 * 365, sinceLatest)) };

    // Those who came together got their permits together (of one type, within days of each other).
    const permits = new Map<Category, { type: Permit; lead: number }>();
    for (const m of members) {
      if (permits.has(m.category)) continue;
      const [lo, hi] = PERMIT_LEAD_DAYS[m.category];
      permits.set(m.category, { type: permitFor(r, m.category, ukr), lead: r.int(lo, hi) });
    }

    for (const [k, m] of members.entries()) {
      const birthDate = addDays(m.settlementDate, -m.ageDays);
      const ageToday = ageOn(birthDate, today);
      const daysHere = daysBetween(m.settlementDate, today);
      const permit = permits.get(m.category)!;
      let permitDate = addDays(m.settlementDate, -(permit.lead + r.int(0, 10)));
      // A baby's permit is its own, after the birth.
      if (permitDate < birthDate) permitDate = minDate(addDays(birthDate, 14), m.settlementDate);
      const kind = idKind(r, daysHere);
      const nationalId = kind ? nationalIds.make(birthDate, m.sex, kind) : null;
      const hasDuf = r.chance(0.92);
      const dufYear = Math.max(Number(birthDate.slice(0, 4)), Number(permitDate.slice(0, 4)) - r.int(0, 1));
      const dufNumber = hasDuf ? `${dufYear}${String(r.int(0, 99_999_999)).padStart(8, '0')}` : null;

      let personLanguages = [...languages];
      if (ageToday >= 6 && ageToday < 18 && daysHere > 2 * 365 && r.chance(0.6)) personLanguages.push('nb');
      else if (ageToday >= 18 && daysHere > 3 * 365 && r.chance(0.25)) personLanguages.push('nb');
      if (ukr && ageToday >= 18 && ageToday <= 50 && r.chance(0.2)) personLanguages.push('en');
      personLanguages = [...new Set(personLanguages)];
      // Need for an interpreter falls with time in Norway; small children need none of their own.
      const need =
        ageToday < 6 ? 0 : ageToday < 18 ? 0.1 : ageToday >= 60 ? 0.95 : Math.max(0.3, (ukr ? 0.75 : 0.85) - 0.1 * Math.floor(daysHere / 365));
      const interpreterNeeded = r.chance(need);

      let status: GeneratedPerson['status'] = householdStatus.status;
      let statusDate = householdStatus.date;
      if (status === 'active' && r.chance(ageToday >= 65 ? 0.05 : 0.0005) && daysHere > 1) {
        status = 'deceased';
        statusDate = addDays(m.settlementDate, r.int(1, daysHere));
      }
      persons.push({
        givenName: m.given.v[m.given.i]!,
        familyName: m.family.v[m.family.i]!,
        otherSpellings: spellings[k]!,
        birthDate,
        sex: m.sex,
        nationalId,
        dufNumber,
        originCountry: origin,
        // Stateless Palestinians from Syria have no nationality to record.
        nationality: origin === 'SYR' && r.chance(0.04) ? null : origin,
        languages: personLanguages,
        interpreterNeeded,
        interpreterLanguage: interpreterNeeded ? personLanguages[0]! : null,
        householdRole: m.role,
        arrivalCategory: m.category,
        permitType: permit.type,
        permitDate,
        settlementDate: m.settlementDate,
        previousMunicipality: m.category === 'family_reunified' ? null : previousMunicipality,
        status,
        statusDate,
        household: householdIndex,
        sponsor: m.sponsorDraft === null ? null : first + m.sponsorDraft,
        team: teamOf({ ageToday, role: m.role, category: m.category, status, daysHere }, childWelfare, r),
      });
    }
    const head = persons[first]!;
    households.push({ name: `Husstanden ${head.familyName}`, shape, origin, members: members.map((_, i) => first + i), seed: hSeed });
  }
  return { seed: opts.seed, today, households, persons };
}

/** Splits `total` people over `n` municipalities, larger ones first (weights 1/√rank), summing exactly. */
export function spreadPeople(total: number, n: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bulk insert

const PERSON_COLUMNS = `id uuid, household_id uuid, household_role text, given_name text, family_name text, other_spellings text[],
  search_text text, birth_date date, sex text, national_id text, duf_number text, origin_country text, nationality text,
  languages text[], interpreter_needed boolean, interpreter_language text, arrival_category text, sponsor_person_id uuid,
  permit_type text, permit_date date, settlement_date date, previous_municipality text, status text, status_date date, version int`;
const PERSON_NAMES = PERSON_COLUMNS.split(',').map((c) => c.trim().split(' ')[0]!);

/** Batches of rows per statement: one jsonb parameter each, so any size stays one round trip. */
const BATCH = 2000;

async function insertJson(tx: Db, text: string, items: unknown[], params: unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    await rows(tx, text, [JSON.stringify(items.slice(i, i + BATCH)), ...params]);
  }
}

export type InsertedPopulation = { householdIds: string[]; personIds: string[] };

/**
 * Writes a generated population into one municipality inside the caller's transaction, which must
 * already be the municipality's tenant transaction (`enterTenant`). Rows are what registering each
 * person and then setting their team would write: search_text and the history from the persons
 * module's own functions, version 0 on registration and version 1 where a team was set. One audit
 * row records the seeding (written in the same transaction).
 */
export async function insertPopulation(
  tx: Db,
  opts: { municipalityId: string; unitIds: Record<string, string>; population: Population; now: Date; requestId?: string },
): Promise<InsertedPopulation> {
  const { municipalityId, population, now } = opts;
  const at = now.toISOString();
  const householdIds = population.households.map(() => randomUUID());
  const personIds = population.persons.map(() => randomUUID());
  const unitId = (u: TeamUnit) => {
    const id = opts.unitIds[u];
    if (!id) throw new Error(`insertPopulation: no unit '${u}' in the municipality`);
    return id;
  };

  const personRows: unknown[] = [];
  const historyRows: { person_id: string; version: number; changes: unknown }[] = [];
  const teamRows: { person_id: string; unit_id: string }[] = [];
  population.persons.forEach((g, i) => {
    const { household, sponsor, team, ...rest } = g;
    const fields: PersonFieldValues = { ...rest, sponsorPersonId: sponsor === null ? null : personIds[sponsor]! };
    const v = toValues(fields);
    const householdId = householdIds[household]!;
    const teamUnitIds = team.map(unitId);
    personRows.push({
      id: personIds[i],
      household_id: householdId,
      household_role: v.householdRole,
      given_name: v.givenName,
      family_name: v.familyName,
      other_spellings: v.otherSpellings,
      search_text: v.searchText,
      birth_date: v.birthDate,
      sex: v.sex,
      national_id: v.nationalId,
      duf_number: v.dufNumber,
      origin_country: v.originCountry,
      nationality: v.nationality,
      languages: v.languages,
      interpreter_needed: v.interpreterNeeded,
      interpreter_language: v.interpreterLanguage,
      arrival_category: v.arrivalCategory,
      sponsor_person_id: v.sponsorPersonId,
      permit_type: v.permitType,
      permit_date: v.permitDate,
      settlement_date: v.settlementDate,
      previous_municipality: v.previousMunicipality,
      status: v.status,
      status_date: v.statusDate,
      version: teamUnitIds.length > 0 ? 1 : 0,
    });
    // As registerPerson writes it: every set field, then the household.
    historyRows.push({ person_id: personIds[i]!, version: 0, changes: [...changedFields(fields, undefined), { field: 'householdId', from: null, to: householdId }] });
    if (teamUnitIds.length > 0) {
      // As setPersonTeam writes it.
      historyRows.push({ person_id: personIds[i]!, version: 1, changes: [{ field: 'team', from: [], to: [...teamUnitIds].sort() }] });
      for (const u of teamUnitIds) teamRows.push({ person_id: personIds[i]!, unit_id: u });
    }
  });

  await insertJson(
    tx,
    `INSERT INTO households (id, municipality_id, name, created_at, updated_at)
     SELECT x.id, $2::uuid, x.name, $3::timestamptz, $3::timestamptz FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text)`,
    population.households.map((h, i) => ({ id: householdIds[i], name: h.name })),
    [municipalityId, at],
  );
  await insertJson(
    tx,
    `INSERT INTO persons (${PERSON_NAMES.join(', ')}, municipality_id, created_at, updated_at)
     SELECT ${PERSON_NAMES.map((c) => `x.${c}`).join(', ')}, $2::uuid, $3::timestamptz, $3::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x(${PERSON_COLUMNS})`,
    personRows,
    [municipalityId, at],
  );
  await insertJson(
    tx,
    `INSERT INTO person_history (municipality_id, person_id, version, changed_at, changed_by, changes)
     SELECT $2::uuid, x.person_id, x.version, $3::timestamptz, NULL, x.changes FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, version int, changes jsonb)`,
    historyRows,
    [municipalityId, at],
  );
  await insertJson(
    tx,
    `INSERT INTO person_team (municipality_id, person_id, unit_id, added_at, added_by)
     SELECT $2::uuid, x.person_id, x.unit_id, $3::timestamptz, NULL FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, unit_id uuid)`,
    teamRows,
    [municipalityId, at],
  );
  await appendAudit(tx, {
    municipalityId,
    occurredAt: now,
    actorUserId: null,
    actorEmail: null,
    unitId: null,
    role: null,
    action: 'person.seed',
    subjectType: 'municipality',
    subjectId: municipalityId,
    categories: ['identity', 'settlement'],
    requestId: opts.requestId ?? 'seed',
    ip: null,
  });
  return { householdIds, personIds };
}
