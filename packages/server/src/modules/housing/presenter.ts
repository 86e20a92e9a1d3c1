import type { z } from 'zod';
import type { DwellingView } from '@eidor/contract';
import { compareDates, leaseWarningDate } from '@eidor/domain';
import type { allocationsWithNames, DwellingRow } from './queries.ts';

type Alloc = Awaited<ReturnType<typeof allocationsWithNames>>[number];

export function currentAllocation(allocs: readonly Alloc[], today: string): Alloc | undefined {
  return allocs.find((a) => compareDates(a.fromDate, today) <= 0 && (a.toDate === null || compareDates(a.toDate, today) >= 0));
}

export function presentDwelling(d: DwellingRow, allocs: readonly Alloc[], today: string, canEdit: boolean): z.output<typeof DwellingView> {
  const current = currentAllocation(allocs, today);
  return {
    id: d.id,
    address: d.address,
    postalCode: d.postalCode,
    kind: d.kind as 'municipal',
    rooms: d.rooms,
    sizeM2: d.sizeM2,
    monthlyRent: d.monthlyRent,
    landlord: d.landlord,
    leaseStart: d.leaseStart,
    leaseEnd: d.leaseEnd,
    status: d.status as 'active',
    note: d.note,
    version: d.version,
    occupied: current !== undefined,
    currentHouseholdId: current?.householdId ?? null,
    currentHouseholdName: current?.householdName ?? null,
    leaseWarning: d.status === 'active' && d.leaseEnd !== null && compareDates(leaseWarningDate(d.leaseEnd), today) <= 0,
    allocations: allocs.map((a) => ({ id: a.id, dwellingId: a.dwellingId, householdId: a.householdId, householdName: a.householdName, fromDate: a.fromDate, toDate: a.toDate, version: a.version })),
    can: { edit: canEdit },
  };
}
