import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AuditPage, type AuditPageProps } from './AuditPage.tsx';

const ACTOR = '3f0c8f2e-5d7a-4c1e-9b6a-2a7f4e1d9c01';

function entry(seq: number) {
  return {
    id: seq,
    seq,
    occurredAt: '2026-03-01T08:15:00.000Z',
    actorId: ACTOR,
    actorEmail: 'rita@kommune.no',
    unitId: null,
    role: 'auditor',
    action: 'audit.search',
    subjectType: 'audit_log',
    subjectId: null,
    categories: ['health'],
    requestId: `req-${seq}`,
    ip: '10.0.0.1',
  };
}

function renderPage(props: Partial<AuditPageProps> = {}) {
  const all: AuditPageProps = {
    filters: {},
    result: { items: Array.from({ length: 50 }, (_, i) => entry(70 - i)), total: 120, page: 2, pageSize: 50 },
    loading: false,
    error: null,
    actors: [{ id: ACTOR, label: 'Rita Revisor (rita@kommune.no)' }],
    onFilter: vi.fn(),
    onPage: vi.fn(),
    onVerify: vi.fn(async () => ({ ok: true, checked: 1234, firstBrokenSeq: null, unsealed: 0 })),
    ...props,
  };
  render(<AuditPage {...all} />);
  return all;
}

describe('AuditPage', () => {
  it('shows one page of entries in a table that says which entries they are', () => {
    renderPage();
    const table = screen.getByRole('table', { name: 'Hendelse 51–100 av 120' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    const first = within(table).getByRole('rowheader', { name: '70' }).closest('tr');
    // Role and data category in the user's language; the time in Norwegian time (UTC+1 in March).
    expect(first?.textContent).toContain('Revisor');
    expect(first?.textContent).toContain('Helse');
    expect(first?.textContent).toContain('09:15');
  });

  it('moves between pages and puts focus at the top of the results', () => {
    const props = renderPage();
    const pages = screen.getByRole('navigation', { name: 'Sider i hendelsesloggen' });
    expect(within(pages).getByRole('button', { name: 'Side 2' }).getAttribute('aria-current')).toBe('true');
    fireEvent.click(within(pages).getByRole('button', { name: 'Neste side' }));
    expect(props.onPage).toHaveBeenCalledWith(3);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Hendelser' }));
  });

  it('filters on who did it and on dates, leaving empty fields out', async () => {
    const props = renderPage();
    fireEvent.change(screen.getByRole('combobox', { name: 'Utført av' }), { target: { value: ACTOR } });
    fireEvent.change(screen.getByLabelText('Fra og med dato'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis hendelser' }));
    await waitFor(() => expect(props.onFilter).toHaveBeenCalledWith({ actorId: ACTOR, from: '2026-03-01' }));
  });

  it('refuses a period that ends before it starts', async () => {
    const props = renderPage();
    fireEvent.change(screen.getByLabelText('Fra og med dato'), { target: { value: '2026-03-02' } });
    fireEvent.change(screen.getByLabelText('Til og med dato'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis hendelser' }));
    expect(await screen.findByRole('link', { name: '«Til og med dato» kan ikke være før «Fra og med dato».' })).toBeTruthy();
    expect(props.onFilter).not.toHaveBeenCalled();
  });

  it('checks the hash chain and reports a break with the entry number', async () => {
    renderPage({ onVerify: vi.fn(async () => ({ ok: false, checked: 1234, firstBrokenSeq: 617, unsealed: 0 })) });
    fireEvent.click(screen.getByRole('button', { name: 'Kontroller kjeden' }));
    expect(await screen.findByText(/Kjeden er brutt ved hendelse nr\. 617\. 1\s234 hendelser er kontrollert\./)).toBeTruthy();
  });

  it('offers a user id field when the viewer may not list users', () => {
    renderPage({ actors: null });
    expect(screen.getByRole('textbox', { name: 'Utført av (bruker-ID)' })).toBeTruthy();
  });
});
