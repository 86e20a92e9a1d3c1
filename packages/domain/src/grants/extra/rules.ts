import { addMonths, ageOn, compareDates, type IsoDate } from '../../calendar/date.ts';
import type { UnitKind } from '../../access/model.ts';
import {
  EXTRA_GRANT_CODE,
  type ConsentSigner,
  type ExtraGrantKind,
  type ExtraGrantProblem,
  type ExtraGrantStatus,
} from './model.ts';

const yearOf = (d: IsoDate) => Number(d.slice(0, 4));

/** Grant year n is the calendar year of the first settlement in Norway + n − 1. */
export function extraGrantYear(firstSettlementDate: IsoDate, n: number): { year: number; start: IsoDate; end: IsoDate } {
  const year = yearOf(firstSettlementDate) + n - 1;
  return { year, start: n === 1 ? firstSettlementDate : `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * The last grant year tilskudd 2 can be given for: five years; unaccompanied minors up to and including
 * the year they turn 20, and five years if they turn 20 earlier (rules.md § 4.3, S40b–d).
 */
export function extraGrantLastYear(p: { firstSettlementDate: IsoDate; birthDate: IsoDate; unaccompaniedMinor: boolean }): { lastYear: number; rule: string } {
  if (!p.unaccompaniedMinor) return { lastYear: 5, rule: 'tilskudd 2 gis i inntil fem år' };
  const turns20 = yearOf(p.birthDate) + 20;
  const n = turns20 - yearOf(p.firstSettlementDate) + 1;
  return n > 5
    ? { lastYear: n, rule: `enslig mindreårig: til og med året personen fyller 20 (${turns20})` }
    : { lastYear: 5, rule: 'enslig mindreårig som fyller 20 før fem år er gått: fem år' };
}

/**
 * The application deadline of a grant year. The first application, for grant year 1 or 2, is due
 * 14 months after the settlement date; later ones 2 months after the grant year has ended (S40, 4 Mar 2024).
 */
export function extraGrantDeadline(firstSettlementDate: IsoDate, grantYear: number, firstApplication: boolean): { due: IsoDate; rule: string } {
  if (grantYear <= 2 && firstApplication) return { due: addMonths(firstSettlementDate, 14), rule: 'første søknad (år 1 eller 2): 14 måneder etter bosettingsdato' };
  return { due: addMonths(extraGrantYear(firstSettlementDate, grantYear).end, 2), rule: `senere søknad: 2 måneder etter at tilskuddsår ${grantYear} er slutt` };
}

/** A postponement IMDi has granted moves the deadline; a requested or refused one does not. */
export function effectiveDeadline(due: IsoDate, postponement: { status: 'requested' | 'granted' | 'refused'; until: IsoDate } | null): IsoDate {
  return postponement?.status === 'granted' && compareDates(postponement.until, due) > 0 ? postponement.until : due;
}

/** A postponement can only be asked for before the original deadline has expired (S40). */
export function checkPostponementRequest(p: { due: IsoDate; requestedDate: IsoDate; until: IsoDate; status: ExtraGrantStatus; existing: boolean }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.status !== 'draft') out.push({ field: 'requestedDate', message: 'a postponement can only be asked for before the application is submitted' });
  if (p.existing) out.push({ field: 'requestedDate', message: 'a postponement has already been asked for' });
  if (compareDates(p.requestedDate, p.due) > 0) out.push({ field: 'requestedDate', message: `a postponement must be asked for before the deadline (${p.due}) expires` });
  if (compareDates(p.until, p.due) <= 0) out.push({ field: 'until', message: `must be after the deadline (${p.due})` });
  return out;
}

/** Submitting: after the deadline only with a granted postponement (S40). */
export function checkSubmission(p: { status: ExtraGrantStatus; submittedDate: IsoDate; today: IsoDate; deadline: IsoDate; postponed: boolean; costLines: number }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.status !== 'draft') out.push({ field: 'action', message: `cannot submit an application that is ${p.status}` });
  if (compareDates(p.submittedDate, p.today) > 0) out.push({ field: 'submittedDate', message: 'cannot be in the future' });
  if (compareDates(p.submittedDate, p.deadline) > 0) {
    out.push({
      field: 'submittedDate',
      message: p.postponed
        ? `is after the postponed deadline (${p.deadline})`
        : `is after the application deadline (${p.deadline}) and no postponement has been granted`,
    });
  }
  if (p.costLines === 0) out.push({ field: 'action', message: 'the application has no cost lines' });
  return out;
}

/**
 * A new application for a grant year: one per year; tilskudd 1 only in year 1 or 2 and only once;
 * year 1 or 2 takes either tilskudd 1 or tilskudd 2, never both (S40d); tilskudd 2 at most to the last year.
 */
export function checkNewApplication(p: { grantYear: number; kind: ExtraGrantKind; lastYear: number; lastYearRule: string; existing: { grantYear: number; kind: ExtraGrantKind }[] }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.existing.some((a) => a.grantYear === p.grantYear)) out.push({ field: 'grantYear', message: `there is already an application for grant year ${p.grantYear}` });
  if (p.kind === 'tilskudd1') {
    if (p.grantYear > 2) out.push({ field: 'kind', message: 'tilskudd 1 is a one-off grant for grant year 1 or 2' });
    if (p.existing.some((a) => a.kind === 'tilskudd1')) out.push({ field: 'kind', message: 'tilskudd 1 is given only once' });
    if (p.existing.some((a) => a.kind === 'tilskudd2' && a.grantYear <= 2)) out.push({ field: 'kind', message: 'grant year 1 or 2 takes either tilskudd 1 or tilskudd 2, not both' });
  } else if (p.grantYear <= 2 && p.existing.some((a) => a.kind === 'tilskudd1')) {
    out.push({ field: 'kind', message: 'grant year 1 or 2 takes either tilskudd 1 or tilskudd 2, not both' });
  }
  const range = checkGrantYear(p.grantYear, p.lastYear, p.lastYearRule);
  if (range) out.push(range);
  return out;
}

/** A grant year must be one of the years the grant can be given for. */
export function checkGrantYear(grantYear: number, lastYear: number, rule: string): ExtraGrantProblem | null {
  if (!Number.isInteger(grantYear) || grantYear < 1 || grantYear > lastYear) {
    return { field: 'grantYear', message: `must be a grant year from 1 to ${lastYear} (${rule})` };
  }
  return null;
}

/** Amounts are Norwegian kroner (in øre); IMDi grants and municipal costs are never in another currency. */
export function checkCostLine(p: { currency: string; grantYear: number; lastYear: number; lastYearRule: string; estimate: number; actual: number | null }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.currency !== 'NOK') out.push({ field: 'currency', message: `must be NOK: IMDi grants and municipal costs are in Norwegian kroner, not ${p.currency}` });
  const range = checkGrantYear(p.grantYear, p.lastYear, p.lastYearRule);
  if (range) out.push(range);
  if (!Number.isSafeInteger(p.estimate) || p.estimate < 0) out.push({ field: 'estimate', message: 'must be a whole amount of øre, 0 or more' });
  if (p.actual !== null && (!Number.isSafeInteger(p.actual) || p.actual < 0)) out.push({ field: 'actual', message: 'must be a whole amount of øre, 0 or more' });
  return out;
}

/** One rate row: the shipped default (municipal = false) or the municipality's own (which wins). */
export type ExtraGrantRate = { code: string; year: number; amount: number; status: 'verified' | 'unverified' | 'estimate'; source: string; municipal: boolean };

/** The cap of a kind in a calendar year, from the rate table; null when the year is not in the table. */
export function extraGrantCap(kind: ExtraGrantKind, year: number, rates: readonly ExtraGrantRate[]): ExtraGrantRate | null {
  const hits = rates.filter((r) => r.code === EXTRA_GRANT_CODE[kind] && r.year === year);
  return hits.find((r) => r.municipal) ?? hits[0] ?? null;
}

/** The amount applied for: the costs above, at most the cap (when the cap is known). */
export function appliedAmount(totalCost: number, cap: number | null): { amount: number; capped: boolean } {
  if (cap !== null && totalCost > cap) return { amount: cap, capped: true };
  return { amount: totalCost, capped: false };
}

/** What IMDi decided: granted in full, in part, or rejected; the amount never above the cap or what was applied for. */
export function checkDecision(p: { status: ExtraGrantStatus; outcome: 'granted' | 'partly_granted' | 'rejected'; grantedAmount: number | null; applied: number; cap: number | null; decisionDate: IsoDate; submittedDate: IsoDate | null }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.status !== 'submitted' && p.status !== 'appealed') out.push({ field: 'action', message: `a decision can only be recorded for a submitted or appealed application, not one that is ${p.status}` });
  if (p.submittedDate && compareDates(p.decisionDate, p.submittedDate) < 0) out.push({ field: 'decisionDate', message: 'cannot be before the application was submitted' });
  if (p.outcome === 'rejected') {
    if (p.grantedAmount) out.push({ field: 'grantedAmount', message: 'must be empty or 0 when the application is rejected' });
    return out;
  }
  const g = p.grantedAmount;
  if (g === null || g <= 0) {
    out.push({ field: 'grantedAmount', message: 'is required when the application is granted' });
    return out;
  }
  if (p.cap !== null && g > p.cap) out.push({ field: 'grantedAmount', message: `cannot be more than the cap (${p.cap} øre)` });
  if (g > p.applied) out.push({ field: 'grantedAmount', message: `cannot be more than the amount applied for (${p.applied} øre)` });
  if (p.outcome === 'partly_granted' && g >= p.applied) out.push({ field: 'grantedAmount', message: 'a partly granted application gets less than was applied for' });
  return out;
}

/** An appeal (klage) against a decision that did not give everything applied for. */
export function checkAppeal(p: { status: ExtraGrantStatus; appealDate: IsoDate; decisionDate: IsoDate | null }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (p.status !== 'partly_granted' && p.status !== 'rejected' && p.status !== 'granted') out.push({ field: 'action', message: `only a decided application can be appealed, not one that is ${p.status}` });
  if (p.decisionDate && compareDates(p.appealDate, p.decisionDate) < 0) out.push({ field: 'appealDate', message: 'cannot be before the decision' });
  return out;
}

/**
 * "The grant follows the user": the granted amount shared between the units in proportion to their
 * costs (largest remainder, so the shares add up to the granted amount to the øre). Units without
 * costs get nothing; with no costs at all, nothing is distributed.
 */
export function distributeGrant<K extends string>(granted: number, costs: readonly { key: K; amount: number }[]): { key: K; cost: number; share: number }[] {
  const total = costs.reduce((s, c) => s + c.amount, 0);
  if (total <= 0 || granted <= 0) return costs.map((c) => ({ key: c.key, cost: c.amount, share: 0 }));
  const exact = costs.map((c) => (granted * c.amount) / total);
  const base = exact.map((x) => Math.floor(x));
  let rest = granted - base.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const o of order) {
    if (rest <= 0) break;
    base[o.i]! += 1;
    rest -= 1;
  }
  return costs.map((c, i) => ({ key: c.key, cost: c.amount, share: base[i]! }));
}

/** Informed consent: a minor under 16 is represented by the guardian (pasient- og brukerrettighetsloven § 4-3). */
export function checkConsent(p: { signedBy: ConsentSigner; birthDate: IsoDate; consentDate: IsoDate; today: IsoDate; scope: readonly UnitKind[] }): ExtraGrantProblem[] {
  const out: ExtraGrantProblem[] = [];
  if (compareDates(p.consentDate, p.today) > 0) out.push({ field: 'consentDate', message: 'cannot be in the future' });
  if (compareDates(p.consentDate, p.birthDate) < 0) out.push({ field: 'consentDate', message: 'cannot be before the person was born' });
  else if (p.signedBy === 'person' && ageOn(p.birthDate, p.consentDate) < 16) out.push({ field: 'signedBy', message: 'the person was under 16: the guardian must sign' });
  if (p.scope.length === 0) out.push({ field: 'scope', message: 'must name at least one kind of service the consent covers' });
  return out;
}

/** Whether a consent in force covers asking a unit of this kind; the reason when it does not. */
export function consentCovers(consents: readonly { scope: readonly UnitKind[]; consentDate: IsoDate; withdrawnDate: IsoDate | null }[], unitKind: UnitKind, today: IsoDate): { ok: true } | { ok: false; message: string } {
  const inForce = consents.filter((c) => compareDates(c.consentDate, today) <= 0 && (c.withdrawnDate === null || compareDates(c.withdrawnDate, today) > 0));
  if (inForce.length === 0) return { ok: false, message: 'no informed consent is recorded: record the consent before any documentation request is sent' };
  if (!inForce.some((c) => c.scope.includes(unitKind))) return { ok: false, message: `the informed consent does not cover this kind of service (${unitKind})` };
  return { ok: true };
}
