import { compareDates, type IsoDate } from '../calendar/date.ts';
import { termPaymentDate } from './schedule.ts';

/**
 * Why what IMDi paid differs from what the schedule expected, for one person, term and grant
 * (issue 6 § 4). Amounts in øre; pure, so the server only gathers the facts.
 */
export const RECONCILE_TOLERANCE_ORE = 100; // within one krone: IMDi rounds terms its own way

export type DifferenceReason =
  | 'settlement_date_missing'
  | 'not_in_imdinett'
  | 'not_in_population_register'
  | 'moved'
  | 'emigrated'
  | 'deceased'
  | 'unknown_person'
  | 'duplicate_payment'
  | 'not_expected'
  | 'amount_mismatch'
  | 'not_paid';

export type DifferenceFacts = {
  status: string;
  statusDate: IsoDate | null;
  emigratedDate: IsoDate | null;
  movedTo: string | null;
  settlementDate: IsoDate | null;
  imdinettRegisteredDate: IsoDate | null;
  populationRegisteredDate: IsoDate | null;
};

/** The payment day of a term written "2026-3". */
export function termDate(term: string): IsoDate {
  const [y, t] = term.split('-').map(Number);
  return termPaymentDate(y!, t as 1 | 2 | 3 | 4);
}

export function differenceReason(
  p: DifferenceFacts,
  term: string,
  expectedOre: number,
  paidOre: number,
  payments: number,
  paidAnyThisYear: boolean,
): { reason: DifferenceReason; detail: Record<string, string | number | null> } {
  const due = termDate(term);
  if (payments > 1) return { reason: 'duplicate_payment', detail: { payments } };
  if (p.status === 'deceased' && p.statusDate && compareDates(p.statusDate, due) < 0) return { reason: 'deceased', detail: { date: p.statusDate } };
  if (p.emigratedDate && compareDates(p.emigratedDate, due) < 0) return { reason: 'emigrated', detail: { date: p.emigratedDate } };
  if (p.status === 'moved_away' && p.statusDate) {
    return {
      reason: 'moved',
      detail: {
        date: p.statusDate,
        movedTo: p.movedTo,
        shareToClaim: expectedOre > paidOre ? (expectedOre - paidOre) / 100 : 0,
        toRepay: paidOre > expectedOre ? (paidOre - expectedOre) / 100 : 0,
      },
    };
  }
  if (paidOre > expectedOre) {
    if (!p.settlementDate) return { reason: 'settlement_date_missing', detail: {} };
    return { reason: expectedOre === 0 ? 'not_expected' : 'amount_mismatch', detail: {} };
  }
  if (!paidAnyThisYear && !p.imdinettRegisteredDate) return { reason: 'not_in_imdinett', detail: { settlementDate: p.settlementDate } };
  if (!paidAnyThisYear && !p.populationRegisteredDate) return { reason: 'not_in_population_register', detail: {} };
  return { reason: paidOre === 0 ? 'not_paid' : 'amount_mismatch', detail: {} };
}
