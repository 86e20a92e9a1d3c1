import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SettlementYearView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { YearsPage, type YearsPageProps } from './YearsPage.tsx';

// The chart itself (ECharts) is drawn in the browser tests; here only its accessible name matters.
vi.mock('../../components/chart/echarts.ts', () => ({ renderChart: () => () => {} }));

const settled = { resettlement: 10, reception_centre: 5, family_reunified: 3, um_under_15: 1, um_15_18: 2, agreed_self_settlement: 0, collective_protection: 4, self_settled: 1 };
const y2026: SettlementYearView = {
  year: 2026,
  version: 2,
  requestedTotal: 30,
  requestedUnaccompanied: 5,
  decidedTotal: 25,
  acceptsUnaccompanied: true,
  decidedUnaccompanied: 4,
  decisionDate: '2026-02-20',
  decisionBody: 'Kommunestyret',
  sentToImdiDate: null,
  imdinettRegistered: true,
  extraCapacity: null,
  note: null,
  settled,
  uncategorised: 0,
  counted: 22,
  unaccompanied: 3,
  remaining: 3,
  remainingUnaccompanied: 1,
  share: 0.88,
};
const y2025: SettlementYearView = { ...y2026, year: 2025, version: null, requestedTotal: null, requestedUnaccompanied: null, decidedTotal: null, acceptsUnaccompanied: null, decidedUnaccompanied: null, decisionDate: null, decisionBody: null, remaining: null, share: null, counted: 2, unaccompanied: 0, settled: { ...settled, resettlement: 2, reception_centre: 0, family_reunified: 0, um_under_15: 0, um_15_18: 0, collective_protection: 0, self_settled: 0 } };

async function renderPage(props: Partial<YearsPageProps> = {}) {
  const p: YearsPageProps = {
    years: [y2026, y2025],
    canEdit: true,
    thisYear: 2026,
    onSave: vi.fn(async () => y2026),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <YearsPage {...p} />, '/settlement');
  return p;
}

describe('YearsPage', () => {
  it('shows each year’s request, decision, counted and what is left, and a chart described in words', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Tall per år, det nyeste først (EM = enslige mindreårige)' });
    const cells = (year: string) => [...within(table).getByRole('rowheader', { name: year }).closest('tr')!.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells('2026')).toEqual(['30 (EM: 5)', '25 (EM: 4)', '20.02.2026', '22 (EM: 3)', '3 igjen (88 % bosatt)', 'Endre 2026']);
    expect(cells('2025')).toEqual(['–', 'Ikke vedtatt', '–', '2 (EM: 0)', 'Ikke vedtatt', 'Registrer vedtak for 2025']);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Stolpediagram over vedtatt og bosatt per år. 2025: ikke vedtatt, bosatt 2 som regnes med. 2026: vedtatt 25 personer, bosatt 22 som regnes med. I tillegg 4 familiegjenforente eller selvbosatte.',
    );
    // Per category, with those who do not count against the decision marked as such.
    const categories = screen.getByRole('table', { name: 'Bosatte i 2026 per kategori' });
    const row = (name: string) => within(categories).getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(row('Familiegjenforente')).toBe('Familiegjenforente3Nei, regnes ikke med');
    expect(row('Selvbosatte')).toBe('Selvbosatte1Nei, regnes ikke med');
    expect(row('Overføringsflyktninger')).toBe('Overføringsflyktninger10Ja');
  });

  it('records a new year with version null, and shows the server’s errors on the fields', async () => {
    let calls = 0;
    const onSave = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'fields.decisionDate', message: "is required with the council's decision" }] });
      return { ...y2026, year: 2027 };
    });
    await renderPage({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer et nytt år' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer anmodning og vedtak for et nytt år' });
    expect((within(dialog).getByRole('textbox', { name: 'År' }) as HTMLInputElement).value).toBe('2027');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Antall personer kommunen har vedtatt å bosette' }), { target: { value: '37' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Vedtaksdato').getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Du må fylle ut vedtaksdato når antallet er vedtatt.').length).toBe(2);
    expect(onSave).toHaveBeenCalledWith(2027, expect.objectContaining({ decidedTotal: 37, decisionDate: null }), null);
    fireEvent.change(within(dialog).getByLabelText('Vedtaksdato'), { target: { value: '2026-12-10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(2027, expect.objectContaining({ decidedTotal: 37, decisionDate: '2026-12-10' }), null));
    expect(await screen.findByText('Tallene for 2027 er lagret.')).toBeTruthy();
  });

  it('edits a recorded year with its version; a year typed as new that exists is edited too', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Endre 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anmodning og vedtak for 2026' });
    expect((within(dialog).getByRole('textbox', { name: 'Antall personer kommunen har vedtatt å bosette' }) as HTMLInputElement).value).toBe('25');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Ekstra kapasitet' }), { target: { value: 'fem' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect((await within(dialog).findAllByText('Ekstra kapasitet har ikke riktig format.')).length).toBeGreaterThan(0);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Ekstra kapasitet' }), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(p.onSave).toHaveBeenCalledWith(2026, expect.objectContaining({ decidedTotal: 25, extraCapacity: 5, imdinettRegistered: true }), 2));
  });

  it('offers no changes to those who may only read', async () => {
    await renderPage({ canEdit: false });
    expect(screen.queryByRole('button', { name: 'Registrer et nytt år' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Endre 2026' })).toBeNull();
  });
});
