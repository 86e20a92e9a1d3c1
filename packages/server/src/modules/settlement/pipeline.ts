import {
  compareDates,
  DEFAULT_CHECKLIST,
  derivePipelineStage,
  osloDate,
  pipelineNextStep,
  plannedTasks,
  settlementTiming,
  type ChecklistItem,
  type NextStep,
  type PipelineFacts,
} from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { allocationsOfHouseholds } from '../housing/public.ts';
import { householdsOf } from '../persons/public.ts';
import { closeTask, unitResolver, upsertTask } from '../tasks/service.ts';
import { casesOfHouseholds, templateRow, type CaseRow } from './queries.ts';

/** The work-queue titles of the pipeline's steps (the municipality's language: bokmål). */
export const STEP_TITLES: Record<NextStep, string> = {
  respond_to_offer: 'Svar IMDi på tilbudet om bosetting',
  await_imdi_decision: 'Følg opp IMDis vedtak om bosettingskommune',
  plan_arrival: 'Avtal ankomstdato',
  assign_dwelling: 'Tildel bolig før ankomst',
  register_settlement: 'Registrer bosettingsdato for hver person',
  register_in_population_register: 'Bekreft registrering i Folkeregisteret',
};
const STEP_BASIS: Partial<Record<NextStep, string>> = {
  register_in_population_register: 'Folkeregisterforskriften § 10-1 (flyttemelding innen 8 dager)',
  register_settlement: 'Bosettingsdato registreres i IMDinett for hvert familiemedlem; tilskudd utløses først da',
};

type Members = Awaited<ReturnType<typeof householdsOf>>['members'];
type Allocs = Awaited<ReturnType<typeof allocationsOfHouseholds>>;

export function factsOf(c: CaseRow, members: Members, allocs: Allocs): PipelineFacts {
  return {
    offeredDate: c.offeredDate,
    response: c.response ?? null,
    responseDate: c.responseDate,
    imdiDecisionDate: c.imdiDecisionDate,
    plannedArrivalDate: c.plannedArrivalDate,
    // A dwelling counts when an allocation runs on (or past) the planned arrival.
    dwellingAssigned: allocs.some((a) => a.toDate === null || compareDates(a.toDate, c.plannedArrivalDate ?? a.fromDate) >= 0),
    members: members.map((m) => ({
      birthDate: m.birthDate,
      arrivalCategory: m.arrivalCategory,
      permitDate: m.permitDate,
      settlementDate: m.settlementDate,
      populationRegisteredDate: m.populationRegisteredDate,
      active: m.status === 'active',
    })),
  };
}

export function summarise(c: CaseRow, members: Members, allocs: Allocs, today: string) {
  const facts = factsOf(c, members, allocs);
  const next = pipelineNextStep(facts);
  return {
    facts,
    stage: derivePipelineStage(facts),
    nextStep: next?.step ?? null,
    nextStepDue: next?.due ?? null,
    overdue: next?.due ? compareDates(next.due, today) < 0 : false,
    timing: settlementTiming(facts, today),
  };
}

export async function checklistItems(ctx: Ctx): Promise<{ items: ChecklistItem[]; version: number; stored: boolean }> {
  const row = await templateRow(ctx.tx, ctx.actor.municipalityId);
  return row ? { items: row.items as ChecklistItem[], version: row.version, stored: true } : { items: [...DEFAULT_CHECKLIST], version: 0, stored: false };
}

/**
 * Brings the work queue in line with the cases of these households: one task for the pipeline's
 * next step (closed when there is none), and the first weeks' tasks for every member who has a
 * settlement date (created once; done or skipped ones stay so).
 */
export async function refreshHouseholds(ctx: Ctx, householdIds: string[]): Promise<void> {
  const cases = await casesOfHouseholds(ctx.tx, ctx.actor.municipalityId, householdIds);
  if (cases.length === 0) return;
  const ids = cases.map((c) => c.householdId);
  const { members } = await householdsOf(ctx.tx, ctx.actor.municipalityId, ids);
  const allocs = await allocationsOfHouseholds(ctx.tx, ctx.actor.municipalityId, ids);
  const unitFor = await unitResolver(ctx);
  const { items } = await checklistItems(ctx);
  const today = osloDate(ctx.now);
  for (const c of cases) {
    const ms = members.filter((m) => m.householdId === c.householdId);
    const s = summarise(c, ms, allocs.filter((a) => a.householdId === c.householdId), today);
    const key = `pipeline:${c.id}`;
    if (s.nextStep) {
      await upsertTask(
        ctx,
        {
          sourceKey: key,
          kind: 'settlement.pipeline',
          itemKey: s.nextStep,
          title: STEP_TITLES[s.nextStep],
          legalBasis: STEP_BASIS[s.nextStep] ?? null,
          category: 'settlement',
          householdId: c.householdId,
          ownerUnitId: unitFor('refugee_service'),
          dueDate: s.nextStepDue,
        },
        { reopen: true },
      );
    } else {
      await closeTask(ctx, key);
    }
    if (c.response !== 'accepted') continue;
    const planned = plannedTasks(
      items,
      ms.filter((m) => m.status === 'active').map((m) => ({ personId: m.id, birthDate: m.birthDate, arrivalCategory: m.arrivalCategory, settlementDate: m.settlementDate })),
    );
    for (const t of planned) {
      const item = items.find((i) => i.key === t.itemKey)!;
      await upsertTask(ctx, {
        sourceKey: `checklist:${c.householdId}:${t.itemKey}:${t.personId ?? 'household'}`,
        kind: 'settlement.checklist',
        itemKey: t.itemKey,
        title: item.title,
        description: item.description || null,
        category: 'settlement',
        personId: t.personId,
        householdId: t.personId ? null : c.householdId,
        ownerUnitId: unitFor(t.ownerUnitKind),
        dueDate: t.dueDate,
      });
    }
  }
}
