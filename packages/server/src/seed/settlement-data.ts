import { and, eq, inArray } from 'drizzle-orm';
import {
  addDays,
  compareDates,
  DEFAULT_CHECKLIST,
  leaseWarningDate,
  pipelineNextStep,
  plannedTasks,
  yearProgress,
  type IsoDate,
  type PipelineFacts,
  type UnitKind,
} from '@eidor/domain';
import type { Db } from '../db/client.ts';
import { dwellingAllocations, dwellings, familyReunifications, persons, settlementCases, settlementYears, tasks } from '../db/schema.ts';
import { STEP_TITLES } from '../modules/settlement/pipeline.ts';
import { Rng } from './population.ts';

/**
 * The settlement module's demo data for one municipality whose people are already inserted:
 * yearly numbers, a settlement case per household (older ones through the pipeline, the newest
 * still on their way), dwellings and allocations, waiting dwellings, family reunifications, and the
 * work queue those create (the first weeks' tasks, mostly done for households settled long ago).
 * Deterministic by seed; computed with the same domain rules the app uses.
 */
export type SettlementSeed = { cases: number; dwellings: number; tasks: number };

const UNIT_OF_KIND: Partial<Record<UnitKind, string>> = {
  refugee_service: 'refugee',
  nav: 'nav',
  health: 'health',
  school: 'school',
  adult_education: 'adulted',
  child_welfare: 'childwelfare',
};

const STREETS = ['Storgata', 'Kirkeveien', 'Skolegata', 'Fjordveien', 'Bakkeveien', 'Parkveien', 'Nordre gate', 'Sjøgata', 'Løkkeveien', 'Eikeveien'];

async function insertChunked<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export async function insertSettlementData(
  tx: Db,
  p: { municipalityId: string; unitIds: Record<string, string>; today: IsoDate; seed: number; now: Date },
): Promise<SettlementSeed> {
  const rng = new Rng(p.seed);
  const m = p.municipalityId;
  const people = await tx
    .select({
      id: persons.id,
      householdId: persons.householdId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
      arrivalCategory: persons.arrivalCategory,
      permitDate: persons.permitDate,
      settlementDate: persons.settlementDate,
      status: persons.status,
    })
    .from(persons)
    .where(eq(persons.municipalityId, m));
  const byHousehold = new Map<string, typeof people>();
  for (const x of people) {
    if (!x.householdId) continue;
    const list = byHousehold.get(x.householdId) ?? [];
    list.push(x);
    byHousehold.set(x.householdId, list);
  }
  // Ordered by content, not by the random ids, so the same seed gives the same data.
  const keyOf = (x: (typeof people)[number]) => `${x.birthDate}|${x.familyName}|${x.givenName}`;
  const households = [...byHousehold.entries()]
    .map(([id, ms]) => {
      ms.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
      return { id, ms, key: keyOf(ms[0]!), first: ms.map((x) => x.settlementDate).filter((d): d is string => d !== null).sort()[0] ?? null };
    })
    .filter((h) => h.first !== null)
    .sort((a, b) => compareDates(a.first!, b.first!) || a.key.localeCompare(b.key));

  // The newest households (about 4 %, at least 5) are still on their way: no settlement date yet.
  const onTheWay = new Set(households.slice(-Math.max(5, Math.round(households.length * 0.04))).map((h) => h.id));
  const unsettle = households.filter((h) => onTheWay.has(h.id)).flatMap((h) => h.ms.map((x) => x.id));
  await insertChunked(unsettle, 1000, (ids) => tx.update(persons).set({ settlementDate: null }).where(and(eq(persons.municipalityId, m), inArray(persons.id, ids))));

  const unit = (kind: UnitKind) => p.unitIds[UNIT_OF_KIND[kind] ?? 'refugee'] ?? p.unitIds.refugee!;
  const caseRows: (typeof settlementCases.$inferInsert)[] = [];
  const dwellingRows: (typeof dwellings.$inferInsert & { id: string })[] = [];
  const allocRows: (typeof dwellingAllocations.$inferInsert)[] = [];
  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const registered: { id: string; date: string }[] = [];
  const uuid = () => crypto.randomUUID();
  let street = 0;
  const newDwelling = (kind: 'municipal' | 'private_lease' | 'waiting', leaseStart: IsoDate, rooms: number) => {
    const id = uuid();
    const leaseEnd = kind === 'municipal' ? null : addDays(leaseStart, 730 - 1);
    dwellingRows.push({
      id,
      municipalityId: m,
      address: `${STREETS[street % STREETS.length]} ${Math.floor(street / STREETS.length) + 1}${rng.chance(0.3) ? ` ${rng.pick(['A', 'B', 'C'])}` : ''}`,
      postalCode: String(8300 + (street % 60)),
      kind,
      rooms,
      sizeM2: 25 + rooms * 18 + rng.int(0, 15),
      monthlyRent: 6000 + rooms * 2500 + rng.int(0, 20) * 100,
      landlord: kind === 'private_lease' ? rng.pick(['Utleiegården AS', 'Nord Bolig AS', 'Privat utleier']) : kind === 'waiting' ? 'Kommunale boliger KF' : null,
      leaseStart,
      leaseEnd,
      status: 'active',
      createdAt: p.now,
      updatedAt: p.now,
    });
    street++;
    if (leaseEnd) {
      const due = leaseWarningDate(leaseEnd);
      taskRows.push({
        municipalityId: m,
        kind: 'housing.lease',
        itemKey: 'lease_expiry',
        title: `Leiekontrakt utløper ${leaseEnd}: forleng eller si opp`,
        category: 'settlement',
        dwellingId: id,
        ownerUnitId: unit('refugee_service'),
        dueDate: due,
        status: compareDates(due, addDays(p.today, -30)) < 0 ? 'done' : 'open',
        completedAt: compareDates(due, addDays(p.today, -30)) < 0 ? p.now : null,
        sourceKey: `lease:${id}`,
        createdAt: p.now,
        updatedAt: p.now,
      });
    }
    return id;
  };

  for (const h of households) {
    const caseId = uuid();
    const first = h.first!;
    const wayStage = onTheWay.has(h.id) ? rng.int(0, 4) : 5; // 0 offered … 4 dwelling assigned, 5 settled
    const min = (a: IsoDate, b: IsoDate) => (compareDates(a, b) < 0 ? a : b);
    const way = onTheWay.has(h.id);
    const offered = way ? addDays(p.today, -rng.int(5, 70)) : addDays(first, -rng.int(45, 90));
    const proposed = addDays(offered, rng.int(45, 90));
    const arrival = !way ? first : compareDates(proposed, addDays(p.today, 7)) > 0 ? proposed : addDays(p.today, rng.int(7, 40));
    const responseDate = wayStage >= 1 ? min(addDays(offered, rng.int(2, 10)), p.today) : null;
    const decision = wayStage >= 2 ? min(addDays(responseDate!, rng.int(3, 15)), p.today) : null;
    const planned = wayStage >= 3 ? arrival : null;
    caseRows.push({
      id: caseId,
      municipalityId: m,
      householdId: h.id,
      imdiReference: `FL-${offered.slice(0, 4)}-${String(caseRows.length + 1).padStart(4, '0')}`,
      offeredDate: offered,
      response: wayStage >= 1 ? 'accepted' : null,
      responseDate,
      imdiDecisionDate: decision,
      plannedArrivalDate: planned,
      source: rng.chance(0.6) ? 'import' : 'manual',
      createdAt: p.now,
      updatedAt: p.now,
    });
    let dwellingAssigned = false;
    if (wayStage >= 4) {
      const rooms = Math.min(6, Math.max(1, Math.ceil(h.ms.length / 2) + 1));
      const d = newDwelling(rng.chance(0.5) ? 'municipal' : 'private_lease', addDays(arrival, -rng.int(0, 30)), rooms);
      const moved = h.ms.every((x) => x.status !== 'active');
      allocRows.push({ municipalityId: m, dwellingId: d, householdId: h.id, fromDate: arrival, toDate: moved ? addDays(arrival, rng.int(200, 600)) : null, createdAt: p.now });
      dwellingAssigned = true;
    }
    const settled = wayStage === 5;
    const members = h.ms.map((x) => {
      const regDate = settled && x.settlementDate && compareDates(addDays(x.settlementDate, 14), p.today) < 0 ? addDays(x.settlementDate, rng.int(2, 8)) : null;
      if (regDate) registered.push({ id: x.id, date: regDate });
      return { ...x, settlementDate: settled ? x.settlementDate : null, populationRegisteredDate: regDate };
    });
    const facts: PipelineFacts = {
      offeredDate: offered,
      response: wayStage >= 1 ? 'accepted' : null,
      responseDate,
      imdiDecisionDate: decision,
      plannedArrivalDate: planned,
      dwellingAssigned,
      members: members.map((x) => ({ ...x, active: x.status === 'active' })),
    };
    const next = pipelineNextStep(facts);
    taskRows.push({
      municipalityId: m,
      kind: 'settlement.pipeline',
      itemKey: next?.step ?? 'register_in_population_register',
      title: STEP_TITLES[next?.step ?? 'register_in_population_register'],
      category: 'settlement',
      householdId: h.id,
      ownerUnitId: unit('refugee_service'),
      dueDate: next?.due ?? null,
      status: next ? 'open' : 'done',
      completedAt: next ? null : p.now,
      sourceKey: `pipeline:${caseId}`,
      createdAt: p.now,
      updatedAt: p.now,
    });
    if (!settled) continue;
    const planned2 = plannedTasks(
      DEFAULT_CHECKLIST,
      members.filter((x) => x.status === 'active').map((x) => ({ personId: x.id, birthDate: x.birthDate, arrivalCategory: x.arrivalCategory, settlementDate: x.settlementDate })),
    );
    for (const t of planned2) {
      const item = DEFAULT_CHECKLIST.find((i) => i.key === t.itemKey)!;
      // Work due more than a week ago is mostly done; a few items are skipped or still open.
      const old = compareDates(t.dueDate, addDays(p.today, -7)) < 0;
      const roll = rng.float();
      const status = old ? (roll < 0.93 ? 'done' : roll < 0.97 ? 'skipped' : 'open') : 'open';
      taskRows.push({
        municipalityId: m,
        kind: 'settlement.checklist',
        itemKey: t.itemKey,
        title: item.title,
        description: item.description,
        category: 'settlement',
        personId: t.personId,
        householdId: t.personId ? null : h.id,
        ownerUnitId: unit(t.ownerUnitKind),
        dueDate: t.dueDate,
        status,
        skipReason: status === 'skipped' ? 'Ikke aktuelt for denne familien' : null,
        completedAt: status === 'open' ? null : p.now,
        sourceKey: `checklist:${h.id}:${t.itemKey}:${t.personId ?? 'household'}`,
        createdAt: p.now,
        updatedAt: p.now,
      });
    }
  }
  // Waiting dwellings kept ready (some empty today: their cost shows on the housing page).
  const waiting = Math.max(3, Math.round(households.length * 0.02));
  for (let i = 0; i < waiting; i++) {
    const start = addDays(p.today, -rng.int(60, 500));
    const d = newDwelling('waiting', start, rng.int(1, 4));
    if (rng.chance(0.4)) {
      const from = addDays(start, rng.int(5, 40));
      const done = rng.chance(0.6);
      const hh = households[rng.int(0, households.length - 1)]!;
      if (compareDates(from, p.today) < 0) allocRows.push({ municipalityId: m, dwellingId: d, householdId: hh.id, fromDate: from, toDate: done ? addDays(from, rng.int(20, 50)) : null, createdAt: p.now });
    }
  }

  await insertChunked(caseRows, 1000, (c) => tx.insert(settlementCases).values(c));
  await insertChunked(dwellingRows, 1000, (c) => tx.insert(dwellings).values(c));
  await insertChunked(allocRows, 1000, (c) => tx.insert(dwellingAllocations).values(c));
  await insertChunked(taskRows, 1000, (c) => tx.insert(tasks).values(c));
  // Population-register dates, grouped by date for few statements.
  const byDate = new Map<string, string[]>();
  for (const r of registered) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r.id]);
  for (const [date, ids] of byDate) {
    await insertChunked(ids, 1000, (c) => tx.update(persons).set({ populationRegisteredDate: date }).where(and(eq(persons.municipalityId, m), inArray(persons.id, c))));
  }

  // Yearly numbers for the last five years and this one, near what was settled.
  const unsettled = new Set(unsettle);
  const settledPeople = people.filter((x) => x.settlementDate && !unsettled.has(x.id)).map((x) => ({ ...x, settlementDate: x.settlementDate! }));
  const thisYear = Number(p.today.slice(0, 4));
  const years: (typeof settlementYears.$inferInsert)[] = [];
  for (let y = thisYear - 5; y <= thisYear; y++) {
    const progress = yearProgress(null, settledPeople.filter((x) => x.settlementDate.startsWith(`${y}-`)));
    const decided = Math.max(5, Math.round((progress.counted * (y === thisYear ? 1.3 : 1.05)) / 5) * 5);
    const um = progress.unaccompanied > 0 || rng.chance(0.5);
    years.push({
      municipalityId: m,
      year: y,
      requestedTotal: decided + rng.int(0, 3) * 5,
      requestedUnaccompanied: um ? Math.max(2, progress.unaccompanied + rng.int(0, 3)) : 0,
      decidedTotal: decided,
      acceptsUnaccompanied: um,
      decidedUnaccompanied: um ? Math.max(progress.unaccompanied, 2) : null,
      decisionDate: `${y - 1}-12-${String(rng.int(5, 18)).padStart(2, '0')}`,
      decisionBody: 'Kommunestyret',
      sentToImdiDate: `${y - 1}-12-20`,
      imdinettRegistered: true,
      createdAt: p.now,
      updatedAt: p.now,
    });
  }
  await tx.insert(settlementYears).values(years);

  // A few expected family members of settled adults.
  const sponsors = settledPeople.filter((x) => x.status === 'active' && compareDates(x.birthDate, addDays(p.today, -25 * 365)) < 0);
  const reunions = Math.min(sponsors.length, Math.max(2, Math.round(households.length * 0.03)));
  const rels = ['spouse', 'child', 'child', 'parent'] as const;
  for (let i = 0; i < reunions; i++) {
    const s = sponsors[rng.int(0, sponsors.length - 1)]!;
    const application = addDays(s.settlementDate, rng.int(100, 2100));
    if (compareDates(application, p.today) > 0) continue;
    await tx.insert(familyReunifications).values({
      municipalityId: m,
      sponsorPersonId: s.id,
      expectedName: rng.pick(['Amal', 'Rahma', 'Yusuf', 'Hawa', 'Semhar', 'Karim', 'Leila']) + ' ' + rng.pick(['Ahmadi', 'Mohamed', 'Tesfay', 'Hassan', 'Nur']),
      relation: rng.pick(rels),
      applicationDate: application,
      expectedArrivalDate: addDays(p.today, rng.int(20, 200)),
      status: 'expected',
      createdAt: p.now,
      updatedAt: p.now,
    });
  }
  return { cases: caseRows.length, dwellings: dwellingRows.length, tasks: taskRows.length };
}
