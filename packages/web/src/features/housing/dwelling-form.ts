import type { TFunction } from 'i18next';
import type { DwellingFields, DwellingView, FieldError } from '@eidor/contract';
import type { DwellingKind } from '@eidor/domain';
import type { z } from 'zod';

export type Dwelling = z.output<typeof DwellingFields>;

export type DwellingFormValues = {
  address: string;
  postalCode: string;
  kind: DwellingKind | '';
  rooms: string;
  sizeM2: string;
  monthlyRent: string;
  landlord: string;
  leaseStart: string;
  leaseEnd: string;
  status: 'active' | 'terminated';
  note: string;
};

export const emptyDwelling: DwellingFormValues = {
  address: '',
  postalCode: '',
  kind: '',
  rooms: '',
  sizeM2: '',
  monthlyRent: '',
  landlord: '',
  leaseStart: '',
  leaseEnd: '',
  status: 'active',
  note: '',
};

export function dwellingFormFrom(d: DwellingView): DwellingFormValues {
  return {
    address: d.address,
    postalCode: d.postalCode ?? '',
    kind: d.kind,
    rooms: String(d.rooms),
    sizeM2: d.sizeM2 === null ? '' : String(d.sizeM2),
    monthlyRent: String(d.monthlyRent),
    landlord: d.landlord ?? '',
    leaseStart: d.leaseStart,
    leaseEnd: d.leaseEnd ?? '',
    status: d.status,
    note: d.note ?? '',
  };
}

/** Numbers as typed (spaces between thousands allowed); empty optional fields are null. */
export function dwellingFieldsFrom(v: DwellingFormValues): Record<keyof Dwelling, unknown> {
  const n = (s: string) => {
    const x = s.trim().replace(/\s/g, '');
    return x === '' ? undefined : Number(x);
  };
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  return {
    address: v.address,
    postalCode: orNull(v.postalCode),
    kind: v.kind,
    rooms: n(v.rooms),
    sizeM2: n(v.sizeM2) ?? null,
    monthlyRent: n(v.monthlyRent),
    landlord: orNull(v.landlord),
    leaseStart: v.leaseStart,
    leaseEnd: orNull(v.leaseEnd),
    status: v.status,
    note: orNull(v.note),
  };
}

export const dwellingFormPath = (path: string) => path.replace(/^fields\./, '');

/** The server's reasons about a dwelling, an allocation or its end, in the user's words (with the dates it names). */
export function housingServerMessage(field: FieldError, label: string, t: TFunction, formatDate: (iso: string) => string): string | undefined {
  const overlap = /^overlaps the allocation from (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?/.exec(field.message);
  if (overlap) {
    return overlap[2]
      ? t('housing.server.overlap', { from: formatDate(overlap[1]!), to: formatDate(overlap[2]) })
      : t('housing.server.overlapOpen', { from: formatDate(overlap[1]!) });
  }
  const after = /^is after the allocation from (\d{4}-\d{2}-\d{2})$/.exec(field.message);
  if (after) return t('housing.server.leaseStartAfterAllocation', { from: formatDate(after[1]!) });
  const before = /^is before the end of the allocation from (\d{4}-\d{2}-\d{2})$/.exec(field.message);
  if (before) return t('housing.server.leaseEndBeforeAllocation', { from: formatDate(before[1]!) });
  switch (field.message) {
    case 'cannot be before the lease start':
      return t('housing.server.leaseEndBeforeStart');
    case 'cannot be before the start':
      return t('housing.server.beforeStart', { label });
    case 'is outside the lease period of the dwelling':
      return t('housing.server.outsideLease');
    case 'is after the lease ends':
      return t('housing.server.afterLease');
    case 'the dwelling is no longer in use':
      return t('housing.server.terminated');
    case 'is not a household in this municipality':
      return t('housing.server.householdUnknown');
    case 'must be four digits':
      return t('housing.server.postalCode');
    default:
      return undefined;
  }
}
