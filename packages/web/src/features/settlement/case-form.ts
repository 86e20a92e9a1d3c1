import type { TFunction } from 'i18next';
import { UpdateCaseRequest, type CaseView, type FieldError } from '@eidor/contract';
import { checkPipelineFacts, type PipelineFacts } from '@eidor/domain';
import type { z } from 'zod';
import type { FormIssue } from '../../components/form/use-contract-form.ts';

export const CaseFacts = UpdateCaseRequest.omit({ version: true });
export type CaseFacts = z.output<typeof CaseFacts>;

export type CaseFormValues = {
  imdiReference: string;
  offeredDate: string;
  response: '' | 'accepted' | 'declined';
  responseDate: string;
  declineReason: string;
  imdiDecisionDate: string;
  plannedArrivalDate: string;
  members: { personId: string; settlementDate: string; populationRegisteredDate: string }[];
};

const s = (v: string | null) => v ?? '';
const orNull = (v: string) => (v.trim() === '' ? null : v);

export function caseFormFrom(c: CaseView): CaseFormValues {
  return {
    imdiReference: s(c.imdiReference),
    offeredDate: c.offeredDate,
    response: c.response ?? '',
    responseDate: s(c.responseDate),
    declineReason: s(c.declineReason),
    imdiDecisionDate: s(c.imdiDecisionDate),
    plannedArrivalDate: s(c.plannedArrivalDate),
    members: c.members.map((m) => ({ personId: m.personId, settlementDate: s(m.settlementDate), populationRegisteredDate: s(m.populationRegisteredDate) })),
  };
}

/** The request (without the version) from the form: empty dates are "not yet"; a reason only with a "no". */
export function caseFactsFrom(v: CaseFormValues): Record<keyof CaseFacts, unknown> {
  return {
    imdiReference: orNull(v.imdiReference),
    offeredDate: v.offeredDate,
    response: v.response === '' ? null : v.response,
    responseDate: orNull(v.responseDate),
    declineReason: v.response === 'declined' ? orNull(v.declineReason) : null,
    imdiDecisionDate: orNull(v.imdiDecisionDate),
    plannedArrivalDate: orNull(v.plannedArrivalDate),
    members: v.members.map((m) => ({ personId: m.personId, settlementDate: orNull(m.settlementDate), populationRegisteredDate: orNull(m.populationRegisteredDate) })),
  };
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const dateOrNull = (v: string) => (isDate(v) ? v : null);

/**
 * The order of the facts, checked here with the same rule the server uses (domain
 * checkPipelineFacts), so the user hears at once which date is out of order.
 */
export function checkCaseFacts(v: CaseFormValues, c: CaseView, t: TFunction, labelFor: (path: string) => string | undefined): FormIssue[] {
  if (!isDate(v.offeredDate)) return [];
  const byId = new Map(c.members.map((m) => [m.personId, m]));
  const facts: PipelineFacts = {
    offeredDate: v.offeredDate,
    response: v.response === '' ? null : v.response,
    responseDate: dateOrNull(v.responseDate),
    imdiDecisionDate: dateOrNull(v.imdiDecisionDate),
    plannedArrivalDate: dateOrNull(v.plannedArrivalDate),
    dwellingAssigned: c.allocations.length > 0,
    members: v.members.map((m) => {
      const known = byId.get(m.personId);
      return {
        birthDate: known?.birthDate ?? '1900-01-01',
        arrivalCategory: known?.arrivalCategory ?? null,
        permitDate: known?.permitDate ?? null,
        settlementDate: dateOrNull(m.settlementDate),
        populationRegisteredDate: dateOrNull(m.populationRegisteredDate),
        active: (known?.status ?? 'active') === 'active',
      };
    }),
  };
  const issues: FormIssue[] = checkPipelineFacts(facts).map((p) => ({ path: p.field, message: factMessage(p.field, p.message, t, labelFor(p.field) ?? p.field) ?? p.message }));
  if (v.response === 'declined' && v.declineReason.trim() === '') issues.push({ path: 'declineReason', message: t('settlement.case.facts.declineReasonRequired') });
  return issues;
}

/** A message about one fact (from the domain's check or the server) in the user's words. */
export function factMessage(path: string, message: string, t: TFunction, label: string): string | undefined {
  switch (message) {
    case 'needs an answer (accepted or declined)':
      return t('settlement.case.facts.problem.needsAnswer');
    case 'is required with an answer':
      return t('settlement.case.facts.problem.responseDateRequired');
    case 'cannot be before the offer':
      return t('settlement.case.facts.problem.beforeOffer', { label });
    case 'needs the offer to be accepted first':
      return t('settlement.case.facts.problem.needsAccepted');
    case 'cannot be before the municipality accepted':
      return t('settlement.case.facts.problem.beforeAccepted', { label });
    case 'a declined offer has no arrival':
      return t('settlement.case.facts.problem.declinedArrival');
    case "needs IMDi's settlement decision first":
      return t('settlement.case.facts.problem.needsDecision', { label });
    case "cannot be before IMDi's settlement decision":
      return t('settlement.case.facts.problem.beforeDecision', { label });
    case 'cannot be before the settlement date':
      return t('settlement.case.facts.problem.beforeSettlement', { label });
    case 'is required when the offer is declined':
      return t('settlement.case.facts.declineReasonRequired');
    case 'is already used by another household':
      return path === 'imdiReference' ? t('settlement.newCase.server.referenceTaken') : undefined;
    default:
      return undefined;
  }
}

export function caseServerMessage(field: FieldError, label: string, t: TFunction): string | undefined {
  return factMessage(field.path, field.message, t, label);
}
