import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PersonView, UnitView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { PersonPage, type PersonOverview, type PersonPageProps } from './PersonPage.tsx';
import { teamChoices } from './TeamDialog.tsx';

const ID = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const HOUSEHOLD = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const REFUGEE = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const NAV = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const OLD = '2b3c4d5e-6f7a-4b1c-8d2e-4f5a6b7c8d9e';

const all = { read: true, write: true };
const none = { read: false, write: false };

const advisorView: PersonView = {
  id: ID,
  version: 2,
  identity: {
    givenName: 'Muhammed',
    familyName: 'Alhasan',
    otherSpellings: ['Mohammad Al-Hassan'],
    birthDate: '1985-03-14',
    sex: 'male',
    nationalId: null,
    dufNumber: '201912345678',
    originCountry: 'SYR',
    nationality: 'SYR',
    languages: ['ar'],
    interpreterNeeded: true,
    interpreterLanguage: 'ar',
    householdId: HOUSEHOLD,
    householdRole: 'head',
    status: 'active',
    statusDate: null,
  },
  settlement: { arrivalCategory: 'resettlement', sponsorPersonId: null, permitType: 'refugee', permitDate: '2023-01-10', settlementDate: '2023-04-01', previousMunicipality: null },
  team: [{ unitId: REFUGEE, unitName: 'Flyktningtjenesten', unitKind: 'refugee_service', addedAt: '2024-01-01T00:00:00Z' }],
  can: { categories: { identity: all, settlement: all, programme: all, economy: all, health: none, child_welfare: none }, editTeam: true, viewHistory: true, viewAccessLog: true },
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
};

// What NAV sees: identity only (the server leaves settlement out), no team editing, no access log.
const { settlement: _hidden, ...withoutSettlement } = advisorView;
const navView: PersonView = {
  ...withoutSettlement,
  team: [{ unitId: NAV, unitName: 'NAV Demo', unitKind: 'nav', addedAt: '2024-01-01T00:00:00Z' }],
  can: { categories: { identity: { read: true, write: false }, settlement: none, programme: all, economy: all, health: none, child_welfare: none }, editTeam: false, viewHistory: true, viewAccessLog: false },
};

const referral: PersonOverview['referrals']['open'][number] = {
  id: REFUGEE,
  person: { id: ID, name: 'Muhammed Alhasan', birthDate: '1985-03-14' },
  from: { id: REFUGEE, name: 'Flyktningtjenesten', kind: 'refugee_service' },
  to: { id: NAV, name: 'NAV Demo', kind: 'nav' },
  reason: null,
  requestedHelp: null,
  categories: ['programme'],
  legalBasis: 'integreringsloven_41',
  consent: null,
  attachments: [],
  dueDate: '2025-12-15',
  status: 'accepted',
  sentAt: '2025-03-01T09:00:00Z',
  sentBy: 'Ingrid Rådgiver',
  answeredAt: null,
  answeredBy: null,
  answerReason: null,
  endedAt: null,
  endedBy: null,
  outcome: null,
  givesAccess: true,
  version: 1,
  withheld: { person: false, details: false },
  side: ['sender'],
  can: { accept: false, decline: false, close: false, withdraw: true },
};

const unit = (id: string, name: string, kind: UnitView['kind'], active = true): UnitView => ({ id, name, kind, active, version: 1, can: { edit: false } });
const units = [unit(REFUGEE, 'Flyktningtjenesten', 'refugee_service'), unit(NAV, 'NAV Demo', 'nav'), unit(OLD, 'Gamle skole', 'school', false)];

async function renderPage(props: Partial<PersonPageProps> = {}) {
  const p: PersonPageProps = {
    person: advisorView,
    status: '',
    units,
    onSetTeam: vi.fn(async (unitIds: string[]) => ({ ...advisorView, version: 3, team: [] as PersonView['team'], unitIds })),
    onReload: vi.fn(async () => {}),
    loadHistory: vi.fn(async () => ({
      items: [{ version: 1, changedAt: '2024-02-01T10:00:00Z', changedBy: 'Ingrid Rådgiver', changes: [{ field: 'status', from: 'active', to: 'moved_away' }] }],
    })),
    loadAccessLog: vi.fn(async () => ({ items: [{ occurredAt: '2024-02-02T10:00:00Z', actorName: 'Nina Nav', unitName: 'NAV Demo', role: 'partner', action: 'person.read' }] })),
    today: '2025-03-14',
    ...props,
  };
  await renderWithRouter(() => <PersonPage {...p} />, `/people/${ID}`);
  return p;
}

describe('PersonPage', () => {
  it('shows the sections the server sent, a neutral document title and the name isolated in the heading', async () => {
    await renderPage();
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.querySelector('bdi')?.textContent).toBe('Muhammed Alhasan');
    await waitFor(() => expect(document.title).toBe('Person – Eidør'));
    for (const name of ['Identitet', 'Bosetting', 'Husstand', 'Team', 'Endringshistorikk', 'Hvem har sett på denne journalen']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText('14.03.1985 (40 år)')).toBeTruthy();
    expect(screen.getByText('Ja, Arabisk')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gå til husstanden' }).getAttribute('href')).toBe(`/households/${HOUSEHOLD}`);
    expect(screen.getByRole('link', { name: 'Endre personopplysninger' }).getAttribute('href')).toBe(`/people/${ID}/edit`);
  });

  it('leaves out what the user may not see or do (a NAV partner)', async () => {
    await renderPage({ person: navView, units: null });
    expect(screen.queryByRole('heading', { name: 'Bosetting' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Hvem har sett på denne journalen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Endre personopplysninger' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Endre teamet' })).toBeNull();
    expect(screen.getByText('NAV Demo (NAV)')).toBeTruthy();
  });

  it('fetches the history and the access log only when asked, and shows them in words', async () => {
    const p = await renderPage();
    expect(p.loadHistory).not.toHaveBeenCalled();
    expect(p.loadAccessLog).not.toHaveBeenCalled();
    const show = screen.getByRole('button', { name: 'Vis endringshistorikken' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    const history = await screen.findByRole('table', { name: 'Endringer, de nyeste først' });
    expect(within(history).getByText('Status: Aktiv → Flyttet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skjul endringshistorikken' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Vis hvem som har sett på journalen' }));
    const log = await screen.findByRole('table', { name: 'Innsyn i journalen, det nyeste først' });
    const row = within(log).getByText('Nina Nav').closest('tr')!;
    expect(row.textContent).toContain('Samarbeidspartner');
    expect(row.textContent).toContain('Åpnet journalen');
    expect(p.loadHistory).toHaveBeenCalledTimes(1);
  });

  it('changes the team in a dialog; a stale version offers to reload', async () => {
    const onSetTeam = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const p = await renderPage({ onSetTeam });
    fireEvent.click(screen.getByRole('button', { name: 'Endre teamet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre teamet' });
    expect(within(dialog).getAllByRole('checkbox').map((c) => c.closest('ds-field, div')?.textContent)).toEqual(['Flyktningtjenesten', 'NAV Demo (NAV)']);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'NAV Demo (NAV)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSetTeam).toHaveBeenCalledWith([REFUGEE, NAV]));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
  });
});

describe('PersonPage: the newest notes and the open referrals', () => {
  it('lists the notes with category, date, author and the start of the text, and the open referrals with their reason or that it is withheld', async () => {
    await renderPage({
      journal: {
        total: 7,
        notes: [
          { id: ID, category: 'programme', meetingDate: '2025-03-10', createdAt: '2025-03-10T09:00:00Z', createdBy: 'Ingrid Rådgiver', excerpt: 'Avtalt språkkurs', truncated: true, corrected: false },
          { id: NAV, category: 'economy', meetingDate: null, createdAt: '2025-03-01T09:00:00Z', createdBy: null, excerpt: 'Møte med NAV, rettet dato.', truncated: false, corrected: true },
        ],
      },
      referrals: {
        total: 3,
        open: [
          { ...referral, id: REFUGEE, reason: 'Behov for arbeidsrettet oppfølging.' },
          { ...referral, id: OLD, status: 'sent', dueDate: null, reason: null, withheld: { person: false, details: true } },
        ],
      },
    });
    const notes = screen.getByRole('list', { name: 'De nyeste notatene (2 av 7)' });
    const items = within(notes).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('Introduksjonsprogram, 10.03.2025, Ingrid RådgiverAvtalt språkkurs…');
    expect(items[1]).toBe('Økonomi, 01.03.2025, ukjent (Rettet)Møte med NAV, rettet dato.');
    const open = screen.getByRole('list', { name: 'Åpne henvisninger (2 av 3)' });
    const refs = within(open).getAllByRole('listitem').map((li) => li.textContent);
    expect(refs[0]).toBe('Fra Flyktningtjenesten til NAV Demo · Godtatt · frist 15.12.2025Behov for arbeidsrettet oppfølging.');
    expect(refs[1]).toBe('Fra Flyktningtjenesten til NAV Demo · SendtBegrunnelsen er skjermet for deg.');
  });

  it('says so when there are none', async () => {
    await renderPage({ journal: { total: 0, notes: [] }, referrals: { total: 2, open: [] } });
    expect(screen.getByText('Ingen notater i kategoriene du kan lese.')).toBeTruthy();
    expect(screen.getByText('Ingen åpne henvisninger.')).toBeTruthy();
  });
});

describe('teamChoices', () => {
  it('offers active units, and an inactive one only while it is on the team', () => {
    expect(teamChoices(units, []).map((c) => c.name)).toEqual(['Flyktningtjenesten', 'NAV Demo']);
    expect(teamChoices(units, [{ unitId: OLD, unitName: 'Gamle skole', unitKind: 'school', addedAt: '2024-01-01T00:00:00Z' }]).map((c) => c.name)).toEqual([
      'Flyktningtjenesten',
      'NAV Demo',
      'Gamle skole',
    ]);
  });
});
