import { addDays, compareDates, daysBetween, type IsoDate } from '../calendar/date.ts';

export const DWELLING_KINDS = ['municipal', 'private_lease', 'agreed_self_settlement', 'waiting'] as const;
export type DwellingKind = (typeof DWELLING_KINDS)[number];

/** A period of days, both ends included; `to` null = open-ended. */
export type Period = { from: IsoDate; to: IsoDate | null };

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.to !== null && compareDates(a.to, b.from) < 0;
  const bEndsBeforeA = b.to !== null && compareDates(b.to, a.from) < 0;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Days of `p` that fall inside [from, to], both included. */
function overlapDays(p: Period, from: IsoDate, to: IsoDate): number {
  const start = compareDates(p.from, from) > 0 ? p.from : from;
  const end = p.to === null || compareDates(p.to, to) > 0 ? to : p.to;
  return compareDates(start, end) > 0 ? 0 : daysBetween(start, end) + 1;
}

/**
 * Days a dwelling stood empty between `from` and `to` while the municipality held it (the lease
 * period), and what that cost: rent per day = monthly rent × 12 / 365.
 */
export function vacancy(
  d: { monthlyRent: number; lease: Period },
  allocations: readonly Period[],
  from: IsoDate,
  to: IsoDate,
): { heldDays: number; occupiedDays: number; vacantDays: number; cost: number } {
  const heldDays = overlapDays(d.lease, from, to);
  if (heldDays === 0) return { heldDays: 0, occupiedDays: 0, vacantDays: 0, cost: 0 };
  const leaseFrom = compareDates(d.lease.from, from) > 0 ? d.lease.from : from;
  const leaseTo = d.lease.to === null || compareDates(d.lease.to, to) > 0 ? to : d.lease.to;
  // Merge the allocations inside the held window, so overlapping records never count twice.
  const clipped = allocations
    .filter((a) => periodsOverlap(a, { from: leaseFrom, to: leaseTo }))
    .map((a) => ({ from: compareDates(a.from, leaseFrom) > 0 ? a.from : leaseFrom, to: a.to === null || compareDates(a.to, leaseTo) > 0 ? leaseTo : a.to }))
    .sort((x, y) => compareDates(x.from, y.from));
  let occupiedDays = 0;
  let cursor: IsoDate | null = null; // last day counted
  for (const a of clipped) {
    const start = cursor && compareDates(a.from, cursor) <= 0 ? addDays(cursor, 1) : a.from;
    if (compareDates(start, a.to) <= 0) occupiedDays += daysBetween(start, a.to) + 1;
    if (!cursor || compareDates(a.to, cursor) > 0) cursor = a.to;
  }
  const vacantDays = heldDays - occupiedDays;
  const cost = Math.round(((vacantDays * d.monthlyRent * 12) / 365) * 100) / 100;
  return { heldDays, occupiedDays, vacantDays, cost };
}

/** Leases are followed up 90 days before they end (renew or give notice in time). */
export const LEASE_WARNING_DAYS = 90;

export function leaseWarningDate(leaseEnd: IsoDate): IsoDate {
  return addDays(leaseEnd, -LEASE_WARNING_DAYS);
}
