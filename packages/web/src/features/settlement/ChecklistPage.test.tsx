import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { ChecklistPage, type ChecklistPageProps, type ChecklistView } from './ChecklistPage.tsx';

const template: ChecklistView = {
  items: [
    { key: 'settlement_conversation', title: 'Bosettingssamtale', description: 'Bruk tolk.', ownerUnitKind: 'refugee_service', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 3 },
    { key: 'health_assessment', title: 'Helsevurdering', description: '', ownerUnitKind: 'health', scope: 'person', condition: 'all', dueOffsetMonths: 3, dueOffsetDays: 0 },
    { key: 'programme_start', title: 'Oppstart introduksjonsprogram', description: '', ownerUnitKind: 'refugee_service', scope: 'person', condition: 'programme_age', dueOffsetMonths: 3, dueOffsetDays: 14 },
  ],
  version: 2,
  can: { edit: true },
};

async function renderPage(props: Partial<ChecklistPageProps> = {}) {
  const p: ChecklistPageProps = { template, onSave: vi.fn(async () => template), onReload: vi.fn(async () => {}), ...props };
  await renderWithRouter(() => <ChecklistPage {...p} />, '/settlement/checklist');
  return p;
}

const titles = () => screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent);

describe('ChecklistPage', () => {
  it('shows the items with who does what, for whom and when', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Punktene i sjekklisten' });
    const cells = (name: string) => [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells('Bosettingssamtale')).toEqual(['Bruk tolk.', 'Flyktningtjenesten', 'Én gang for husstanden', 'Alle', '3 dager']);
    expect(cells('Helsevurdering')).toEqual(['–', 'Helse', 'For hver person', 'Alle', '3 måneder']);
    expect(cells('Oppstart introduksjonsprogram')[3]).toBe('Målgruppen for introduksjonsprogram (18–55 år)');
    expect(cells('Oppstart introduksjonsprogram')[4]).toBe('3 måneder og 14 dager');
  });

  it('reorders, removes and adds items with buttons, and saves them in that order', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Endre sjekklisten' }));
    expect(titles()).toEqual(['Punkt 1: Bosettingssamtale', 'Punkt 2: Helsevurdering', 'Punkt 3: Oppstart introduksjonsprogram']);
    expect(screen.getByRole('button', { name: 'Flytt punkt 1 opp' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Flytt punkt 1 ned' }));
    await waitFor(() => expect(titles()).toEqual(['Punkt 1: Helsevurdering', 'Punkt 2: Bosettingssamtale', 'Punkt 3: Oppstart introduksjonsprogram']));
    // Focus follows the moved item.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Flytt punkt 2 ned'));
    fireEvent.click(screen.getByRole('button', { name: 'Fjern punkt 3' }));
    await waitFor(() => expect(titles()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Legg til punkt' }));
    const added = await screen.findByRole('group', { name: 'Punkt 3: nytt punkt' });
    fireEvent.change(within(added).getByRole('textbox', { name: 'Tittel' }), { target: { value: 'Lånekort på biblioteket' } });
    fireEvent.change(within(added).getByRole('combobox', { name: 'Ansvarlig enhet' }), { target: { value: 'refugee_service' } });
    fireEvent.change(within(added).getByRole('textbox', { name: 'Frist: dager etter bosetting' }), { target: { value: '45' } });
    // happy-dom does not select the options react-hook-form sets for the existing items (Chromium does).
    for (const [i, kind] of [[0, 'health'], [1, 'refugee_service']] as const) {
      fireEvent.change(within(screen.getAllByRole('group')[i]!).getByRole('combobox', { name: 'Ansvarlig enhet' }), { target: { value: kind } });
      fireEvent.change(within(screen.getAllByRole('group')[i]!).getByRole('combobox', { name: 'Gjelder' }), { target: { value: i === 0 ? 'person' : 'household' } });
      fireEvent.change(within(screen.getAllByRole('group')[i]!).getByRole('combobox', { name: 'Hvem' }), { target: { value: 'all' } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Lagre sjekklisten' }));
    await waitFor(() => expect(p.onSave).toHaveBeenCalled());
    const saved = vi.mocked(p.onSave).mock.calls[0]![0];
    expect(saved.map((i) => i.key)).toEqual(['health_assessment', 'settlement_conversation', 'lanekort_pa_biblioteket']);
    expect(saved[2]).toEqual({ key: 'lanekort_pa_biblioteket', title: 'Lånekort på biblioteket', description: '', ownerUnitKind: 'refugee_service', scope: 'household', condition: 'all', dueOffsetMonths: 0, dueOffsetDays: 45 });
    expect(await screen.findByText('Sjekklisten er lagret.')).toBeTruthy();
  });

  it('puts the server’s items.1.key on that item’s key field', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'items.1.key', message: 'is used twice' }] });
    });
    await renderPage({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Endre sjekklisten' }));
    screen.getAllByRole('group').forEach((g, i) => {
      fireEvent.change(within(g).getByRole('combobox', { name: 'Ansvarlig enhet' }), { target: { value: template.items[i]!.ownerUnitKind } });
      fireEvent.change(within(g).getByRole('combobox', { name: 'Gjelder' }), { target: { value: template.items[i]!.scope } });
      fireEvent.change(within(g).getByRole('combobox', { name: 'Hvem' }), { target: { value: template.items[i]!.condition } });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre sjekklisten' }));
    const second = screen.getAllByRole('group')[1]!;
    await waitFor(() => expect(within(second).getByRole('textbox', { name: 'Nøkkel' }).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Nøkkelen i punkt 2 er brukt på et annet punkt også.' }).getAttribute('href')).toBe('#checklist-items-1-key');
  });

  it('is read-only for those who may not change it', async () => {
    await renderPage({ template: { ...template, can: { edit: false } } });
    expect(screen.queryByRole('button', { name: 'Endre sjekklisten' })).toBeNull();
  });
});
