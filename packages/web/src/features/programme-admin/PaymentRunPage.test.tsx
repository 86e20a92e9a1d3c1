import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { PaymentRunPage, type PaymentRunPageProps } from './PaymentRunPage.tsx';
import type { RunView } from './PaymentRunsPage.tsx';

const run: RunView = {
  id: '55555555-5555-4555-8555-555555555555',
  month: '2026-11',
  status: 'prepared',
  participants: 1,
  totalNet: 2_045_100,
  preparedAt: '2026-12-01T08:00:00.000Z',
  preparedBy: 'Fia Finans',
  approvedAt: null,
  approvedBy: null,
  exportedAt: null,
  version: 0,
  lines: [
    {
      personId: '11111111-1111-4111-8111-111111111111',
      name: 'Amina Hassan',
      gross: 2_275_817,
      absenceDeduction: 230_717,
      coordinationDeduction: 0,
      recovered: 0,
      net: 2_045_100,
      decisionRequired: true,
      lines: [
        { code: 'benefit', text: 'Benefit 2026-11-01–2026-11-30', amount: 2_275_817 },
        { code: 'absence_hour', text: 'Unexcused absence 2026-11-17: 2 hour(s) × 1/1850', amount: -230_717 },
      ],
    },
  ],
  can: { approve: false, export: false, prepareAgain: true },
};

async function renderPage(props: Partial<PaymentRunPageProps> = {}) {
  const p: PaymentRunPageProps = {
    run,
    mayApprove: true,
    preparedByMe: false,
    onApprove: vi.fn(async () => ({ ...run, status: 'approved' as const })),
    onExport: vi.fn(async () => ({ filename: 'introduksjonsstonad-2026-11.csv', csv: '', run })),
    onPrepareAgain: vi.fn(async () => run),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <PaymentRunPage {...p} />, '/programme/payments/x');
  return p;
}

describe('PaymentRunPage', () => {
  it('shows each participant’s amount in kroner with the lines that explain it and the decision flag', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Beløp per deltaker for 2026-11' });
    const row = within(table).getByRole('rowheader', { name: 'Amina Hassan' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent?.replace(/\s/g, ' '))).toEqual(['22 758,17 kr', '2 307,17 kr', '0,00 kr', '0,00 kr', '20 451,00 kr', 'Krever enkeltvedtak']);
    const explain = screen.getByRole('table', { name: 'Utregning for Amina Hassan' });
    expect(within(explain).getByRole('rowheader', { name: 'Trekk for ugyldig fravær (timer)' }).closest('tr')!.textContent).toContain('−2 307,17 kr'.replace(/ /g, '\u00a0'));
  });

  it('says clearly when the one who prepared the run tries to approve it, and the server refuses', async () => {
    const onApprove = vi.fn(async () => {
      throw new ApiError({ code: 'FORBIDDEN', status: 403, message: 'A payment run must be approved by someone other than the person who prepared it' });
    });
    await renderPage({ preparedByMe: true, onApprove });
    expect(screen.getByText('Du forberedte denne utbetalingen. Den må godkjennes av en annen person.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Jeg bekrefter at enkeltvedtak om trekk er fattet for 1/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Godkjenn utbetalingen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Godkjenning avvist: en utbetaling må godkjennes av en annen enn den som forberedte den.');
    expect(onApprove).toHaveBeenCalledWith(true);
  });

  it('exports an approved run and shows it locked afterwards', async () => {
    const p = await renderPage({ run: { ...run, status: 'approved', approvedAt: '2026-12-02T08:00:00.000Z', approvedBy: 'Leif Leder', can: { approve: false, export: true, prepareAgain: false } } });
    expect(screen.queryByRole('button', { name: 'Godkjenn utbetalingen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Eksporter lønnsfil' }));
    await waitFor(() => expect(p.onExport).toHaveBeenCalled());
    expect(await screen.findByText('Lønnsfilen introduksjonsstonad-2026-11.csv er lastet ned, og måneden er låst.')).toBeTruthy();
  });

  it('shows an exported run as locked, with nothing more to do', async () => {
    await renderPage({ run: { ...run, status: 'exported', exportedAt: '2026-12-03T08:00:00.000Z', can: { approve: false, export: false, prepareAgain: false } } });
    expect(screen.getByText('Måneden er eksportert og låst. Den kan ikke forberedes eller godkjennes på nytt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Godkjenn|Eksporter|Forbered/ })).toBeNull();
  });
});
