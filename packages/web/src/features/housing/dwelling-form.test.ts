import { describe, expect, it } from 'vitest';
import { formatDate } from '../../i18n/format.ts';
import { i18n } from '../../i18n/index.ts';
import { dwellingFieldsFrom, emptyDwelling, housingServerMessage } from './dwelling-form.ts';
import { costChart, monthNames } from './VacancyPage.tsx';

const t = i18n.t.bind(i18n);
const nbDate = (iso: string) => formatDate(iso, 'nb');

describe('dwelling form', () => {
  it('reads rent with spaces between thousands and leaves optional fields empty', () => {
    expect(dwellingFieldsFrom({ ...emptyDwelling, address: 'Storgata 1', kind: 'municipal', rooms: '3', monthlyRent: '12 500', leaseStart: '2026-01-01' })).toEqual({
      address: 'Storgata 1',
      postalCode: null,
      kind: 'municipal',
      rooms: 3,
      sizeM2: null,
      monthlyRent: 12500,
      landlord: null,
      leaseStart: '2026-01-01',
      leaseEnd: null,
      status: 'active',
      note: null,
    });
  });

  it('says the server’s overlap with the dates of the allocation that is in the way', () => {
    expect(housingServerMessage({ path: 'fromDate', message: 'overlaps the allocation from 2026-12-01 (open-ended)' }, 'Fra og med', t, nbDate)).toBe(
      'Boligen er allerede tildelt fra 01.12.2026, uten sluttdato. Avslutt den tildelingen først.',
    );
    expect(housingServerMessage({ path: 'fromDate', message: 'overlaps the allocation from 2026-07-01 to 2026-09-30' }, 'Fra og med', t, nbDate)).toBe(
      'Boligen er allerede tildelt fra 01.07.2026 til 30.09.2026. Velg datoer som ikke overlapper.',
    );
    expect(housingServerMessage({ path: 'leaseEnd', message: 'cannot be before the lease start' }, 'Leiekontrakten slutter', t, nbDate)).toBe('Leiekontrakten kan ikke slutte før den starter.');
    expect(housingServerMessage({ path: 'leaseStart', message: 'is after the allocation from 2026-03-01' }, 'x', t, nbDate)).toBe('Leiekontrakten kan ikke starte etter tildelingen fra 01.03.2026.');
    expect(housingServerMessage({ path: 'toDate', message: 'cannot be before the start' }, 'Til og med', t, nbDate)).toBe('Til og med kan ikke være før startdatoen.');
    expect(housingServerMessage({ path: 'note', message: 'unknown' }, 'Merknad', t, nbDate)).toBeUndefined();
  });
});

describe('vacancy chart', () => {
  it('summarises the year’s cost and the dearest month in words', () => {
    const months = monthNames('nb');
    expect(months[0]).toBe('januar');
    const kr = (n: number) => `${n} kr`;
    const cost = [9300, 0, 0, 0, 0, 0, 0, 0, 0, 9300, 9000, 12000];
    const { summary, option } = costChart({ year: 2026, asOf: '2026-11-23', vacant: [], waitingCostByMonth: cost, waitingCostYear: 39600, waitingCostPerMonthNow: 0 }, months, t, kr);
    expect(summary).toBe('Stolpediagram over kostnaden for tomme venteboliger per måned i 2026, til sammen 39600 kr. Høyest i desember: 12000 kr.');
    expect((option.series as { data: number[] }[])[0]!.data).toEqual(cost);
    const none = costChart({ year: 2025, asOf: '2026-11-23', vacant: [], waitingCostByMonth: Array(12).fill(0), waitingCostYear: 0, waitingCostPerMonthNow: 0 }, months, t, kr);
    expect(none.summary).toMatch(/Ingen kostnad/);
  });
});
