import { addDays, addMonths, ageOn, compareDates, daysBetween, type IsoDate } from '../calendar/date.ts';

/**
 * The arrival pipeline of one household (rules.md § 5): offered on IMDi's distribution list →
 * accepted or declined → IMDi's settlement decision → planned arrival → dwelling assigned →
 * settled (a date per person) → registered in the population register (per person).
 * The stage is derived from dated facts, never stored on its own, so it cannot disagree with them.
 */
export const PIPELINE_STAGES = [
  'offered',
  'accepted',
  'declined',
  'imdi_decided',
  'arrival_planned',
  'dwelling_assigned',
  'settled',
  'registered',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const NEXT_STEPS = [
  'respond_to_offer',
  'await_imdi_decision',
  'plan_arrival',
  'assign_dwelling',
  'register_settlement',
  'register_in_population_register',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** One member of the household as the pipeline needs them. */
export type PipelineMember = {
  birthDate: IsoDate;
  arrivalCategory: string | null;
  permitDate: IsoDate | null;
  settlementDate: IsoDate | null;
  populationRegisteredDate: IsoDate | null;
  /** Members who moved away or died before settling do not hold the household back. */
  active: boolean;
};

/** The dated facts of one household's pipeline. */
export type PipelineFacts = {
  offeredDate: IsoDate;
  response: 'accepted' | 'declined' | null;
  responseDate: IsoDate | null;
  imdiDecisionDate: IsoDate | null;
  plannedArrivalDate: IsoDate | null;
  dwellingAssigned: boolean;
  members: readonly PipelineMember[];
};

/**
 * Working days the municipality gives itself for each step. IMDi asks for a quick answer to a
 * distribution list and the population register wants a moving notice within 8 days
 * (folkeregisterforskriften § 10-1); the others are local practice a municipality may change.
 */
export const STEP_DAYS = {
  respondToOffer: 14,
  followUpImdiDecision: 14,
  planArrival: 14,
  dwellingBeforeArrival: 7,
  populationRegister: 8,
} as const;

/** The members who settle: the active ones, or everyone when no one is active any more (all moved on). */
const settlingMembers = (f: PipelineFacts) => {
  const active = f.members.filter((m) => m.active);
  return active.length > 0 ? active : f.members;
};

export function derivePipelineStage(f: PipelineFacts): PipelineStage {
  if (f.response === 'declined') return 'declined';
  const members = settlingMembers(f);
  const settled = members.length > 0 && members.every((m) => m.settlementDate !== null);
  if (settled && members.every((m) => m.populationRegisteredDate !== null)) return 'registered';
  if (settled) return 'settled';
  if (f.dwellingAssigned && f.response === 'accepted') return 'dwelling_assigned';
  if (f.plannedArrivalDate && f.imdiDecisionDate) return 'arrival_planned';
  if (f.imdiDecisionDate) return 'imdi_decided';
  if (f.response === 'accepted') return 'accepted';
  return 'offered';
}

/** IMDi's target for the time from residence permit to settlement (rules.md § 5). */
export function settlementTargetMonths(members: readonly PipelineMember[], on: IsoDate): 3 | 6 {
  const minor = members.some((m) => m.arrivalCategory === 'unaccompanied_minor' || ageOn(m.birthDate, on) < 18);
  return minor ? 3 : 6;
}

/** The earliest residence permit in the household: IMDi's clock starts there. */
export function firstPermitDate(members: readonly PipelineMember[]): IsoDate | null {
  const dates = members.map((m) => m.permitDate).filter((d): d is IsoDate => d !== null);
  return dates.length ? dates.sort(compareDates)[0]! : null;
}

export type SettlementTiming = {
  targetMonths: 3 | 6;
  permitDate: IsoDate | null;
  /** permit date + target: when IMDi wants the household settled. */
  targetDate: IsoDate | null;
  /** The first settlement date in the household, if any. */
  settledOn: IsoDate | null;
  /** Days from permit to settlement (or to today while not settled). */
  days: number | null;
  status: 'no_permit' | 'within' | 'late' | 'settled_within' | 'settled_late';
};

export function settlementTiming(f: PipelineFacts, today: IsoDate): SettlementTiming {
  const members = settlingMembers(f);
  const permitDate = firstPermitDate(members);
  const targetMonths = settlementTargetMonths(members, permitDate ?? today);
  const settledDates = members.map((m) => m.settlementDate).filter((d): d is IsoDate => d !== null).sort(compareDates);
  const settledOn = settledDates[0] ?? null;
  if (!permitDate) return { targetMonths, permitDate, targetDate: null, settledOn, days: null, status: 'no_permit' };
  const targetDate = addMonths(permitDate, targetMonths);
  const end = settledOn ?? today;
  const days = daysBetween(permitDate, end);
  const late = compareDates(end, targetDate) > 0;
  const status = settledOn ? (late ? 'settled_late' : 'settled_within') : late ? 'late' : 'within';
  return { targetMonths, permitDate, targetDate, settledOn, days, status };
}

/** What the settlement team must do next for the household, and by when. */
export function pipelineNextStep(f: PipelineFacts): { step: NextStep; due: IsoDate | null } | null {
  const stage = derivePipelineStage(f);
  switch (stage) {
    case 'declined':
    case 'registered':
      return null;
    case 'offered':
      return { step: 'respond_to_offer', due: addDays(f.offeredDate, STEP_DAYS.respondToOffer) };
    case 'accepted':
      return { step: 'await_imdi_decision', due: addDays(f.responseDate ?? f.offeredDate, STEP_DAYS.followUpImdiDecision) };
    case 'imdi_decided':
      return { step: 'plan_arrival', due: addDays(f.imdiDecisionDate!, STEP_DAYS.planArrival) };
    case 'arrival_planned':
      return { step: 'assign_dwelling', due: addDays(f.plannedArrivalDate!, -STEP_DAYS.dwellingBeforeArrival) };
    case 'dwelling_assigned':
      return { step: 'register_settlement', due: f.plannedArrivalDate };
    case 'settled': {
      const dates = settlingMembers(f)
        .filter((m) => m.populationRegisteredDate === null)
        .map((m) => m.settlementDate!)
        .sort(compareDates);
      return { step: 'register_in_population_register', due: dates[0] ? addDays(dates[0], STEP_DAYS.populationRegister) : null };
    }
  }
}

export type FactProblem = { field: string; message: string };

/**
 * Checks that the facts are in a possible order. Returns the problems, each naming its field:
 * an answer before the offer, an IMDi decision before acceptance, an arrival before the offer,
 * a settlement date before IMDi's decision (rules.md § 5: it cannot be earlier than the utsøking).
 */
export function checkPipelineFacts(f: PipelineFacts): FactProblem[] {
  const out: FactProblem[] = [];
  const before = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && compareDates(a, b) < 0;
  if (f.response === null && f.responseDate !== null) out.push({ field: 'responseDate', message: 'needs an answer (accepted or declined)' });
  if (f.response !== null && f.responseDate === null) out.push({ field: 'responseDate', message: 'is required with an answer' });
  if (before(f.responseDate, f.offeredDate)) out.push({ field: 'responseDate', message: 'cannot be before the offer' });
  if (f.imdiDecisionDate !== null && f.response !== 'accepted') out.push({ field: 'imdiDecisionDate', message: 'needs the offer to be accepted first' });
  if (before(f.imdiDecisionDate, f.responseDate)) out.push({ field: 'imdiDecisionDate', message: 'cannot be before the municipality accepted' });
  if (before(f.plannedArrivalDate, f.offeredDate)) out.push({ field: 'plannedArrivalDate', message: 'cannot be before the offer' });
  if (f.plannedArrivalDate !== null && f.response === 'declined') out.push({ field: 'plannedArrivalDate', message: 'a declined offer has no arrival' });
  f.members.forEach((m, i) => {
    if (m.settlementDate !== null && f.imdiDecisionDate === null) out.push({ field: `members.${i}.settlementDate`, message: "needs IMDi's settlement decision first" });
    if (before(m.settlementDate, f.imdiDecisionDate)) out.push({ field: `members.${i}.settlementDate`, message: "cannot be before IMDi's settlement decision" });
    if (before(m.populationRegisteredDate, m.settlementDate) || (m.populationRegisteredDate !== null && m.settlementDate === null)) {
      out.push({ field: `members.${i}.populationRegisteredDate`, message: 'cannot be before the settlement date' });
    }
  });
  return out;
}
