import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithRouter } from '../../test/router.tsx';
import { ResultsPage, type ResultsPageProps } from './ResultsPage.tsx';

vi.mock('../../components/chart/echarts.ts', () => ({ renderChart: () => () => {} }));

const cell = (ended: number, work: number) => ({ ended, inWorkOrEducation: work, share: ended === 0 ? null : work / ended });
const results: ResultsPageProps['results'] = {
  years: [
    {
      year: 2026,
      total: cell(4, 3),
      bySex: { female: cell(2, 2), male: cell(2, 1) },
      byAge: { '18-24': cell(1, 1), '25-34': cell(2, 1), '35-44': cell(1, 1), '45+': cell(0, 0) },
      missingEndReason: 1,
      missingEndReasonShare: 0.25,
      followUp: { registered: 0, inWorkOrEducation: 0 },
    },
  ],
};

describe('ResultsPage', () => {
  it('shows the share by year, sex and age group with a chart described in words, and the missing end reasons', async () => {
    await renderWithRouter(() => <ResultsPage results={results} onExport={vi.fn()} onCompare={vi.fn()} />, '/programme/results');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Stolpediagram over andelen avsluttede deltakere i arbeid eller utdanning per år. 2026: 75 % av 4 avsluttede.');
    const row = within(screen.getByRole('table', { name: 'Resultater per år' })).getByRole('rowheader', { name: '2026' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['4', '3', '75 %', '1 (25 %)', '0 registrert, 0 i arbeid eller utdanning']);
    const groups = screen.getByRole('table', { name: 'Resultater i 2026 per kjønn og aldersgruppe' });
    expect(within(groups).getByRole('rowheader', { name: 'Kvinner' }).closest('tr')!.textContent).toBe('Kvinner2 / 2 (100 %)');
    expect(screen.getByText('2026: 1 av 4 avsluttede mangler avslutningsårsak (25 %).')).toBeTruthy();
  });

  it('exports for NIR and compares with NIR’s list, listing every difference', async () => {
    const onExport = vi.fn(async () => ({ filename: 'nir-2026.csv', csv: 'x', participants: 4 }));
    const onCompare = vi.fn(async () => ({
      matched: 3,
      differences: [{ line: 2, personId: null, name: null, field: 'participant', eidor: null, nir: '01010112345' }],
      problems: [],
    }));
    await renderWithRouter(() => <ResultsPage results={results} onExport={onExport} onCompare={onCompare} />, '/programme/results');
    fireEvent.click(screen.getByRole('button', { name: 'Eksporter til NIR' }));
    expect(await screen.findByText('Filen nir-2026.csv med 4 deltakere er lastet ned.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sammenlign' }));
    expect(await screen.findByText('Velg en fil først.')).toBeTruthy();
    const file = new File(['fodselsnummer;dufnummer;start_dato;slutt_dato;avslutningsarsak\n'], 'nir.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Deltakerliste fra NIR (CSV)'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Sammenlign' }));
    await waitFor(() => expect(onCompare).toHaveBeenCalledWith('fodselsnummer;dufnummer;start_dato;slutt_dato;avslutningsarsak\n'));
    const diff = await screen.findByRole('table', { name: 'Forskjeller mellom Eidør og NIR' });
    expect(within(diff).getByRole('rowheader', { name: 'Bare i NIR' }).closest('tr')!.textContent).toBe('Bare i NIR2DeltakerMangler01010112345');
    expect(screen.getByText('3 deltakere stemmer overens.')).toBeTruthy();
  });
});
