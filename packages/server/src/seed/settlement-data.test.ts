import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPipelineFacts, osloDate } from '@eidor/domain';
import { createWorld, PASSWORD, signedIn, type World } from '../test/harness.ts';
import { createMunicipality } from './demo.ts';
import { generatePopulation } from './population.ts';

let w: World;
let summary: { cases: number; dwellings: number; tasks: number };

/** What the settlement demo data of a municipality amounts to. */
async function counts(municipalityId: string) {
  const q = async (t: string) => Number((await w.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${t} WHERE municipality_id = $1`, [municipalityId]))[0]!.n);
  return { cases: await q('settlement_cases'), dwellings: await q('dwellings'), tasks: await q('tasks') };
}

beforeAll(async () => {
  w = await createWorld();
  const now = w.clock.now();
  const today = osloDate(now);
  // A municipality created with a population gets its settlement data in the same transaction.
  const m = await createMunicipality(w.database, { number: '3001', name: 'Kommune S', domain: 's.test', password: PASSWORD, now, population: generatePopulation({ seed: 7, people: 400, today }) });
  summary = await counts(m.municipalityId);
});
afterAll(async () => w?.close());

describe('settlement demo data', () => {
  it('puts every household through a consistent pipeline, with some still on their way', async () => {
    expect(summary.cases).toBeGreaterThan(100);
    expect(summary.tasks).toBeGreaterThan(summary.cases * 3);
    const agent = await signedIn(w.app, 'settlement@s.test');
    const board = (await agent.get('/api/settlement/pipeline?includeFinished=true')).json();
    expect(board.items).toHaveLength(summary.cases);
    expect(board.counts.registered).toBeGreaterThan(50);
    const onTheWay = board.items.filter((i: { stage: string }) => !['settled', 'registered'].includes(i.stage));
    expect(onTheWay.length).toBeGreaterThanOrEqual(5);
    // Every case obeys the rules the app enforces on edits.
    for (const item of board.items.slice(0, 40).concat(onTheWay)) {
      const c = (await agent.get(`/api/settlement/cases/${item.id}`)).json();
      const problems = checkPipelineFacts({
        offeredDate: c.offeredDate,
        response: c.response,
        responseDate: c.responseDate,
        imdiDecisionDate: c.imdiDecisionDate,
        plannedArrivalDate: c.plannedArrivalDate,
        dwellingAssigned: c.allocations.length > 0,
        members: c.members.map((x: { settlementDate: string | null }) => ({ ...x, active: true })),
      });
      expect(problems, c.id).toEqual([]);
    }
  });

  it('gives each unit a work queue, due first, and the yearly numbers a decision', async () => {
    const agent = await signedIn(w.app, 'advisor@s.test');
    const q = (await agent.get('/api/tasks?scope=unit&pageSize=200')).json();
    expect(q.total).toBeGreaterThan(0);
    const years = (await agent.get('/api/settlement/years')).json().items;
    expect(years.filter((y: { decidedTotal: number | null }) => y.decidedTotal !== null).length).toBe(6);
    const housing = (await agent.get('/api/housing/vacancy')).json();
    expect(housing.waitingCostByMonth).toHaveLength(12);
  });

  it('is deterministic by seed', async () => {
    const now = w.clock.now();
    const today = osloDate(now);
    const again = await createMunicipality(w.database, { number: '3002', name: 'Kommune T', domain: 't.test', password: PASSWORD, now, population: generatePopulation({ seed: 7, people: 400, today }) });
    expect(await counts(again.municipalityId)).toEqual(summary);
  });
});
