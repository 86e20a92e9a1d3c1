import { addMonths, compareDates, type IsoDate } from '../calendar/date.ts';

/**
 * Family reunification and the integration grant (rules.md § 4.1): a family member triggers the
 * grant only when the application was made less than five years after the sponsor (referanseperson)
 * was first settled. Returns whether the limit is passed and the date it passes.
 */
export function reunificationGrantLimit(sponsorFirstSettlement: IsoDate | null, applicationDate: IsoDate | null): {
  limitDate: IsoDate | null;
  exceeded: boolean | null;
} {
  if (!sponsorFirstSettlement) return { limitDate: null, exceeded: null };
  const limitDate = addMonths(sponsorFirstSettlement, 60);
  if (!applicationDate) return { limitDate, exceeded: null };
  return { limitDate, exceeded: compareDates(applicationDate, limitDate) > 0 };
}
