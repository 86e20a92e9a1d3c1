import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { FactsForm } from './PersonGrantsPage.tsx';
import { RatesPage, type RatesPageProps } from './RatesPage.tsx';
import { DifferencesTable, ImportSection } from './ReconciliationPage.tsx';
import type { RateRow } from './rate-form.ts';

vi.mock('../../components/chart/echarts.ts', () => ({ renderChart: () => () => {} }));

const row = (over: Partial<RateRow> = {}): RateRow => ({
  code: 'AR-1 EV',
  type: 'integration',
  year: 2024,
  amount: 241_100,
  source: 'A8 (tredjepart)',
  status: 'unverified',
  note: null,
  own: false,
  defaultAmount: 241_100,
  version: null,
  updatedAt: null,
  ...over,
});

async function renderRates(props: Partial<RatesPageProps> = {}) {
  const p: RatesPageProps = {
    rates: [row(), row({ code: 'AR-2', year: 2025, amount: 250_300, own: true, defaultAmount: null, version: 3, status: 'verified', source: 'IMDi rundskriv 2025' })],
    mayEdit: true,
    thisYear: 2026,
    settings: { splitRule: 'month_based', version: 1 },
    mayManage: true,
    extraGrants: false,
    onSave: vi.fn(async () => {}),
    onRevert: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    onSaveSettings: vi.fn(async () => {}),
    onReloadSettings: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <RatesPage {...p} />, '/grants/rates');
  return p;
}

describe('RatesPage', () => {
  it('shows each rate with amount in Norwegian format, status and whether it is the municipality’s own', async () => {
    await renderRates();
    const table = screen.getByRole('table', { name: 'Satser per tilskuddskode og år' });
    const cells = (name: RegExp) => [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map((c) => c.textContent?.replace(/[\u00a0\u202f]/g, ' '));
    expect(cells(/AR-1 EV/)).toEqual(['2024', '241 100 kr', 'Ikke kontrollert', 'Standard', 'A8 (tredjepart)', 'Rett AR-1 EV 2024']);
    expect(cells(/AR-2/).slice(0, 4)).toEqual(['2025', '250 300 kr', 'Kontrollert', 'Kommunens egen']);
    expect(screen.getByText(/IMDi har ikke bekreftet noen av de to reglene/)).toBeTruthy();
  });

  it('corrects a rate: a field error from the server on its field, then saved with version null for a default row', async () => {
    let calls = 0;
    const onSave = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'source', message: 'Too small' }] });
    });
    await renderRates({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Rett AR-1 EV 2024' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rett satsen AR-1 EV for 2024' });
    const amount = within(dialog).getByRole('textbox', { name: /Beløp i kroner/ });
    fireEvent.change(amount, { target: { value: '241 1x0' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findAllByText('Beløp i kroner må være et helt tall, for eksempel 241 100.')).not.toHaveLength(0);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(amount, { target: { value: '241 000' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Status/ }), { target: { value: 'verified' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(await within(dialog).findAllByText(/Kilde/)).not.toHaveLength(0);
    expect(within(dialog).getByRole('textbox', { name: /^Kilde/ }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave).toHaveBeenLastCalledWith({ code: 'AR-1 EV', year: 2024, amount: 241_000, source: 'A8 (tredjepart)', status: 'verified', note: null, version: null });
    expect(await screen.findByText('Satsen AR-1 EV for 2024 er lagret.')).toBeTruthy();
  });

  it('sends the own row’s version, and offers to reload after a 409', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'stale' });
    });
    const p = await renderRates({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Rett AR-2 2025' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ code: 'AR-2', year: 2025, version: 3 })));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalled());
    expect(await within(dialog).findByText(/Du ser nå den nyeste versjonen/)).toBeTruthy();
  });

  it('reverts an own row after asking', async () => {
    const p = await renderRates();
    fireEvent.click(screen.getByRole('button', { name: 'Tilbakestill AR-2 2025' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tilbakestille satsen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tilbakestill' }));
    await waitFor(() => expect(p.onRevert).toHaveBeenCalledWith(expect.objectContaining({ code: 'AR-2', year: 2025, version: 3 })));
  });
});

const noFacts = {
  firstSettlementDate: null,
  settledByAgreement: null,
  imdinettRegisteredDate: null,
  sponsorFirstSettlementDate: null,
  sponsorPermitType: null,
  sponsorWasFamilyImmigrant: false,
  sponsorNordicCitizen: false,
  familyApplicationDate: null,
  specialAgreement: false,
  movedTo: null,
  emigratedDate: null,
};

describe('FactsForm', () => {
  it('sends the facts and puts the server’s facts.* errors on their fields in Norwegian', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        code: 'VALIDATION',
        status: 400,
        message: 'bad',
        fields: [
          { path: 'facts.firstSettlementDate', message: 'is after the settlement date in this municipality; the first settlement in Norway cannot be later' },
          { path: 'facts.movedTo', message: 'is only for a person whose status is moved away' },
        ],
      });
    });
    await renderWithRouter(() => <FactsForm facts={noFacts} onSubmit={onSubmit} onReload={async () => {}} />);
    fireEvent.change(screen.getByLabelText(/^Første bosetting i Norge/), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Bosatt etter avtale med IMDi' }), { target: { value: 'yes' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Flyttet til kommune/ }), { target: { value: 'Bergen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre opplysningene' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ ...noFacts, firstSettlementDate: '2025-06-01', settledByAgreement: true, movedTo: 'Bergen' }));
    const summary = await screen.findByRole('link', { name: 'Første bosetting i Norge kan ikke være etter bosettingsdatoen i kommunen.' });
    expect(summary).toBeTruthy();
    expect(screen.getAllByText('Flyttet til kommune kan bare fylles ut når personens status er flyttet.').length).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: /Flyttet til kommune/ }).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ImportSection', () => {
  it('checks the file first and reports every problem by line and column in Norwegian; then imports the valid lines', async () => {
    const report = {
      dryRun: true,
      alreadyImported: false,
      lines: 3,
      validLines: 1,
      imported: 0,
      alreadyStored: 0,
      problemLines: 2,
      emptyLines: 0,
      problems: [
        { line: 3, column: 'belop', message: '"12abc" is not an amount in kroner' },
        { line: 4, column: null, message: 'pays the same person AR-2 for term 2026-1 again (line 2)' },
      ],
      terms: ['2026-1'],
      listId: null,
    };
    const onImport = vi.fn(async ({ dryRun, mode }: { dryRun: boolean; mode: string }) => (dryRun ? report : { ...report, dryRun: false, imported: mode === 'valid_only' ? 1 : 0 }));
    await renderWithRouter(() => <ImportSection onImport={onImport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller filen' }));
    expect(await screen.findByText('Velg en fil først.')).toBeTruthy();
    const file = new File(['termin;tilskuddskode;belop\n'], 'liste.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Utbetalingsliste'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller filen' }));
    const table = await screen.findByRole('table', { name: 'Problemer per linje' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'belop', '«12abc» er ikke et beløp i kroner.'],
      ['4', '–', 'Betaler samme person AR-2 for termin 1. termin 2026 igjen (linje 2).'],
    ]);
    expect(screen.getByText(/Filen har 3 linjer, 1 gyldige\. 2 linjer har problemer\. Ingenting er lagret\./)).toBeTruthy();
    expect(onImport).toHaveBeenCalledWith({ file, dryRun: true, mode: 'all' });
    fireEvent.click(screen.getByRole('button', { name: 'Importer bare gyldige linjer' }));
    expect(await screen.findByText('1 linjer er importert. 0 linjer var lagret fra før.')).toBeTruthy();
    expect(onImport).toHaveBeenLastCalledWith({ file, dryRun: false, mode: 'valid_only' });
    expect(screen.getByRole('table', { name: 'Linjer som ikke ble importert' })).toBeTruthy();
  });
});

describe('DifferencesTable', () => {
  it('lists expected, paid and difference in kroner with the reason; a known person links to the person', async () => {
    type Row = Parameters<typeof DifferencesTable>[0]['rows'][number];
    const rows: Row[] = [
      { id: 1, personId: '11111111-1111-4111-8111-111111111111', name: 'Fatima Noor', birthDate: '1991-09-09', term: '2026-2', code: 'AR-2' as const, expected: 62_575, paid: 50_000, difference: -12_575, reason: 'amount_mismatch' as const, detail: {} },
      { id: 2, personId: null, name: 'Ukjent Person', birthDate: '1960-01-01', term: '2026-1', code: 'AR-2' as const, expected: 0, paid: 62_575, difference: 62_575, reason: 'unknown_person' as const, detail: { line: 17 } },
      { id: 3, personId: '22222222-2222-4222-8222-222222222222', name: 'Olena Kovalenko', birthDate: null, term: '2026-3', code: 'AR-2' as const, expected: 0, paid: 62_575, difference: 62_575, reason: 'moved' as const, detail: { date: '2026-05-20', movedTo: 'Bergen', shareToClaim: 0, toRepay: 62_575 } },
    ];
    await renderWithRouter(() => <DifferencesTable rows={rows} busy={false} />);
    const table = screen.getByRole('table', { name: 'Avvik mellom forventet og utbetalt, størst først' });
    const cells = (name: RegExp) => [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map((c) => c.textContent?.replace(/[\u00a0\u202f]/g, ' '));
    expect(cells(/Fatima Noor/)).toEqual(['2. termin 2026', 'AR-2', '62 575 kr', '50 000 kr', '−12 575 kr', 'Beløpet avviker', '']);
    expect(cells(/Ukjent Person/)).toEqual(['1. termin 2026', 'AR-2', '0 kr', '62 575 kr', '62 575 kr', 'Ukjent person på utbetalingslisten', 'linje 17']);
    expect(cells(/Olena/).slice(-2)).toEqual(['Flyttet til annen kommune', 'Dato 20.05.2026, til Bergen, 62 575 kr for mye utbetalt']);
    expect(within(table).getByRole('link', { name: 'Fatima Noor' }).getAttribute('href')).toBe('/people/11111111-1111-4111-8111-111111111111');
    expect(within(table).queryByRole('link', { name: 'Ukjent Person' })).toBeNull();
  });
});
