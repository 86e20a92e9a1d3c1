import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { GroupsPage, type GroupsPageProps, type GroupsView, type InterpreterUse } from './GroupsPage.tsx';

const PERSON = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const MEETING = '33333333-3333-4333-8333-333333333333';
const POINT = '44444444-4444-4444-8444-444444444444';
const INTERP = '55555555-5555-4555-8555-555555555555';
const U = { advisor: 'a0000000-0000-4000-8000-000000000001', nav: 'a0000000-0000-4000-8000-000000000002', health: 'a0000000-0000-4000-8000-000000000003' };
const UNIT = { refugee: 'b0000000-0000-4000-8000-000000000001', nav: 'b0000000-0000-4000-8000-000000000002', health: 'b0000000-0000-4000-8000-000000000003' };
const M = { advisor: 'c0000000-0000-4000-8000-000000000001', nav: 'c0000000-0000-4000-8000-000000000002', gp: 'c0000000-0000-4000-8000-000000000003' };
const T = '2026-11-01T09:00:00.000Z';

const member = (id: string, over: Partial<GroupsView['groups'][number]['members'][number]>) => ({
  id,
  kind: 'staff' as const,
  userId: null,
  name: '',
  unitId: null,
  unitName: null,
  unitKind: null,
  externalKind: null,
  role: 'Medlem',
  addedAt: T,
  leftAt: null,
  ...over,
});

const group = (over: Partial<GroupsView['groups'][number]> = {}): GroupsView['groups'][number] => ({
  id: GROUP,
  personId: PERSON,
  status: 'active',
  version: 4,
  createdAt: T,
  createdBy: 'Ingrid Rådgiver',
  closedAt: null,
  closedReason: null,
  members: [
    member(M.advisor, { userId: U.advisor, name: 'Ingrid Rådgiver', unitId: UNIT.refugee, unitName: 'Flyktningtjenesten', role: 'Koordinator' }),
    member(M.nav, { userId: U.nav, name: 'Nina Nav', unitId: UNIT.nav, unitName: 'NAV Demo', role: 'Veileder' }),
    member(M.gp, { kind: 'external', name: 'Dr. Lege', externalKind: 'gp', role: 'Fastlege' }),
  ],
  coordinator: { memberId: M.advisor, userId: U.advisor, name: 'Ingrid Rådgiver', from: '2026-11-05T09:00:00.000Z', until: null, setBy: 'Live Leder' },
  coordinatorHistory: [
    { memberId: M.nav, userId: U.nav, name: 'Nina Nav', from: T, until: '2026-11-05T09:00:00.000Z', setBy: 'Ingrid Rådgiver' },
    { memberId: M.advisor, userId: U.advisor, name: 'Ingrid Rådgiver', from: '2026-11-05T09:00:00.000Z', until: null, setBy: 'Live Leder' },
  ],
  meetingsVisible: true,
  meetings: [
    {
      id: MEETING,
      heldOn: '2026-11-20',
      mode: 'on_site',
      place: 'Rådhuset',
      agenda: ['Status norskopplæring', 'Arbeidspraksis'],
      category: 'programme',
      minutes: 'Gjennomgang av planen.',
      minutesHidden: false,
      decisions: [{ id: 'd0000000-0000-4000-8000-000000000001', text: 'Praksis fra januar.', category: 'programme' }],
      hiddenDecisions: 1,
      attendeeMemberIds: [M.advisor, M.nav],
      interpreter: { id: INTERP, visible: true, date: '2026-11-20', language: 'ar', qualification: 'category_2', status: 'used', mode: 'on_site' },
      actionPoints: [
        {
          id: POINT,
          meetingId: MEETING,
          text: 'Finne praksisplass',
          category: 'programme',
          ownerUnitId: UNIT.nav,
          ownerUnitName: 'NAV Demo',
          ownerUserId: null,
          ownerUserName: null,
          dueDate: '2026-12-15',
          status: 'open',
          doneAt: null,
          doneBy: null,
          version: 2,
          canChangeStatus: true,
        },
      ],
      hiddenActionPoints: 0,
      version: 7,
      createdAt: T,
      createdBy: 'Ingrid Rådgiver',
      updatedAt: T,
      updatedBy: 'Ingrid Rådgiver',
      canEdit: true,
    },
  ],
  canManage: true,
  canRecordMeetings: true,
  ...over,
});

const view = (over: Partial<GroupsView> = {}): GroupsView => ({
  personId: PERSON,
  can: { manage: true, categories: ['general', 'settlement', 'programme', 'economy'] },
  groups: [group()],
  staff: [
    { userId: U.advisor, name: 'Ingrid Rådgiver', unitId: UNIT.refugee, unitName: 'Flyktningtjenesten', unitKind: 'refugee_service' },
    { userId: U.nav, name: 'Nina Nav', unitId: UNIT.nav, unitName: 'NAV Demo', unitKind: 'nav' },
    { userId: U.health, name: 'Helene Helse', unitId: UNIT.health, unitName: 'Helsestasjon for flyktninger', unitKind: 'health' },
  ],
  ...over,
});

const interpreterUse: InterpreterUse = {
  id: INTERP,
  date: '2026-11-20',
  category: 'programme',
  topic: 'Ansvarsgruppemøte',
  language: 'ar',
  qualification: 'category_2',
  status: 'used',
  mode: 'on_site',
  interpreterName: 'Tolk Tolkesen',
  registerNumber: null,
  noteId: null,
  createdAt: T,
  createdBy: 'Ingrid Rådgiver',
  cancelReason: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
  history: [],
  canChange: true,
};

async function renderPage(over: Partial<GroupsPageProps> = {}) {
  const props: GroupsPageProps = {
    personId: PERSON,
    personName: 'Amina Haddad',
    view: view(),
    onCreate: vi.fn(async () => {}),
    onAddMember: vi.fn(async () => {}),
    onEndMember: vi.fn(async () => {}),
    onSetCoordinator: vi.fn(async () => {}),
    onCloseGroup: vi.fn(async () => {}),
    onRecordMeeting: vi.fn(async () => {}),
    onUpdateMeeting: vi.fn(async () => {}),
    onAddActionPoint: vi.fn(async () => {}),
    onActionPointStatus: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    loadInterpreters: vi.fn(async () => [interpreterUse]),
    ...over,
  };
  await renderWithRouter(() => <GroupsPage {...props} />, `/people/${PERSON}/groups`);
  return props;
}

describe('GroupsPage', () => {
  it('shows the members, the coordinator with its history, and the meeting with what the reader may see', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Ansvarsgruppe: Amina Haddad' })).toBeTruthy();
    const members = screen.getByRole('table', { name: 'Medlemmer' });
    expect(within(members).getByRole('rowheader', { name: /Nina Nav/ })).toBeTruthy();
    expect(within(members).getByRole('rowheader', { name: 'Dr. Lege' }).closest('tr')!.textContent).toContain('Fastlege');
    const history = screen.getByRole('table', { name: 'Koordinatorer over tid' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(within(history).getByText('nå')).toBeTruthy();
    expect(screen.getByText('Status norskopplæring')).toBeTruthy();
    expect(screen.getByText('Gjennomgang av planen.')).toBeTruthy();
    expect(screen.getByText('1 vedtak i kategorier du ikke har tilgang til.')).toBeTruthy();
    expect(screen.getByText(/Tolk: arabisk, Brukt/)).toBeTruthy();
    // The coordinator's membership cannot be ended; the others' can.
    expect(screen.queryByRole('button', { name: 'Avslutt medlemskapet til Ingrid Rådgiver' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Avslutt medlemskapet til Nina Nav' })).toBeTruthy();
  });

  it('adds a staff member: the role is asked for first, the server\'s reason lands on the field, then it saves with the group\'s version', async () => {
    let calls = 0;
    const onAddMember = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'member.userId', message: 'is not an active user with a role in the chosen unit' }] });
    });
    const p = await renderPage({ onAddMember });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til medlem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til medlem' });
    // Members already in the group for that unit are not offered again.
    const who = within(dialog).getByRole('combobox', { name: 'Ansatt og enhet' });
    expect([...who.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Velg …', 'Helene Helse – Helsestasjon for flyktninger']);
    fireEvent.change(who, { target: { value: `${U.health}:${UNIT.health}` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til' }));
    await within(dialog).findByText('Skriv rollen i gruppen.');
    expect(onAddMember).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rolle i gruppen' }), { target: { value: 'Helsesykepleier' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til' }));
    await within(dialog).findByText('Den ansatte har ikke en rolle i enheten.');
    expect(within(dialog).getByRole('combobox', { name: 'Ansatt og enhet' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til' }));
    await screen.findByText('Medlemmet er lagt til.');
    expect(p.onAddMember).toHaveBeenLastCalledWith(GROUP, { member: { kind: 'staff', userId: U.health, unitId: UNIT.health, role: 'Helsesykepleier' }, version: 4 });
  });

  it('adds an external participant by name and role', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Legg til medlem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til medlem' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /ekstern deltaker/ }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Type ekstern deltaker' }), { target: { value: 'guardian' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Navn' }), { target: { value: 'Omar Haddad' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rolle i gruppen' }), { target: { value: 'Verge' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til' }));
    await waitFor(() => expect(p.onAddMember).toHaveBeenCalledWith(GROUP, { member: { kind: 'external', externalKind: 'guardian', name: 'Omar Haddad', role: 'Verge' }, version: 4 }));
  });

  it('ends a membership after asking, and changes the coordinator to another staff member', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt medlemskapet til Nina Nav' }));
    const confirm = await screen.findByRole('dialog', { name: 'Avslutte medlemskapet til Nina Nav?' });
    expect(within(confirm).getByText(/Enheten blir værende i teamet/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Avslutt medlemskapet' }));
    await waitFor(() => expect(p.onEndMember).toHaveBeenCalledWith(M.nav, { version: 4 }));

    fireEvent.click(screen.getByRole('button', { name: 'Bytt koordinator' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bytt koordinator' });
    const select = within(dialog).getByRole('combobox', { name: 'Ny koordinator' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Velg …', 'Nina Nav (NAV Demo)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bytt koordinator' }));
    await within(dialog).findByText('Velg koordinator.');
    fireEvent.change(select, { target: { value: U.nav } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bytt koordinator' }));
    await waitFor(() => expect(p.onSetCoordinator).toHaveBeenCalledWith(GROUP, { userId: U.nav, version: 4 }));
  });

  it('closing asks for the reason and warns about open action points', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt gruppen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avslutt ansvarsgruppen' });
    expect(within(dialog).getByText(/Gruppen har 1 åpne tiltak/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avslutt gruppen' }));
    await within(dialog).findByText('Skriv hvorfor gruppen avsluttes.');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Grunn' }), { target: { value: 'Flyttet' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avslutt gruppen' }));
    await waitFor(() => expect(p.onCloseGroup).toHaveBeenCalledWith(GROUP, { reason: 'Flyttet', version: 4 }));
  });

  it('records a meeting with decisions, several action points and the interpreter from the journal; the server\'s reason shows beside the second point', async () => {
    let calls = 0;
    const onRecordMeeting = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'actionPoints.1.ownerUserId', message: 'is not a staff member of the group from the owner unit' }] });
    });
    const p = await renderPage({ onRecordMeeting });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer møte' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer møte' });
    const interp = within(dialog).getByRole('combobox', { name: 'Tolk (fra journalen)' });
    await waitFor(() => expect(interp.querySelectorAll('option')).toHaveLength(2));
    expect(p.loadInterpreters).toHaveBeenCalledTimes(1);
    fireEvent.change(interp, { target: { value: INTERP } });
    fireEvent.change(within(dialog).getByLabelText('Dato'), { target: { value: '2026-12-01' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Saksliste' }), { target: { value: 'Bolig\n\nArbeid' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Referat' }), { target: { value: 'Kort møte.' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Nina Nav (NAV Demo)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til vedtak' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Vedtak 1' }), { target: { value: 'Søke bolig' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til tiltak' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til tiltak' }));
    // Empty action points are refused on their fields before anything is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre møtet' }));
    await waitFor(() => expect(within(dialog).getAllByText('Skriv hva som skal gjøres.')).toHaveLength(2));
    expect(onRecordMeeting).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tiltak 1' }), { target: { value: 'Finne praksisplass' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Ansvarlig enhet for tiltak 1' }), { target: { value: UNIT.nav } });
    fireEvent.change(within(dialog).getByLabelText('Frist for tiltak 1'), { target: { value: '2026-12-15' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tiltak 2' }), { target: { value: 'Søke bolig' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Ansvarlig person for tiltak 2 (valgfritt)' }), { target: { value: U.advisor } });
    fireEvent.change(within(dialog).getByLabelText('Frist for tiltak 2'), { target: { value: '2027-01-10' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Kategori for tiltak 2' }), { target: { value: 'settlement' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre møtet' }));
    await within(dialog).findByText('Personen er ikke medlem av gruppen fra den ansvarlige enheten.');
    expect(within(dialog).getByRole('combobox', { name: 'Ansvarlig person for tiltak 2 (valgfritt)' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre møtet' }));
    await screen.findByText('Møtet er lagret.');
    expect(onRecordMeeting).toHaveBeenLastCalledWith(GROUP, {
      heldOn: '2026-12-01',
      mode: 'on_site',
      place: null,
      agenda: ['Bolig', 'Arbeid'],
      category: 'general',
      minutes: 'Kort møte.',
      attendeeMemberIds: [M.nav],
      interpreterUseId: INTERP,
      decisions: [{ text: 'Søke bolig' }],
      actionPoints: [
        { text: 'Finne praksisplass', ownerUnitId: UNIT.nav, ownerUserId: null, dueDate: '2026-12-15' },
        { text: 'Søke bolig', ownerUnitId: UNIT.refugee, ownerUserId: U.advisor, dueDate: '2027-01-10', category: 'settlement' },
      ],
    });
  });

  it('edits a meeting with its version; after a 409 it offers to load the latest', async () => {
    const onUpdateMeeting = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const p = await renderPage({ onUpdateMeeting });
    fireEvent.click(screen.getByRole('button', { name: 'Endre møtet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre møtet' });
    expect((within(dialog).getByRole('textbox', { name: 'Referat' }) as HTMLTextAreaElement).value).toBe('Gjennomgang av planen.');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Referat' }), { target: { value: 'Rettet referat.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    await waitFor(() =>
      expect(onUpdateMeeting).toHaveBeenCalledWith(MEETING, expect.objectContaining({ minutes: 'Rettet referat.', category: 'programme', interpreterUseId: INTERP, attendeeMemberIds: [M.advisor, M.nav], addDecisions: [], version: 7 })),
    );
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalled());
    await within(dialog).findByText(/Du ser nå den nyeste versjonen/);
  });

  it('adds an action point to a recorded meeting, and marks one done', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Legg til tiltak' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til tiltak' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tiltak' }), { target: { value: 'Bestille tolk' } });
    fireEvent.change(within(dialog).getByLabelText('Frist'), { target: { value: '2026-12-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til tiltaket' }));
    await waitFor(() => expect(p.onAddActionPoint).toHaveBeenCalledWith(MEETING, { text: 'Bestille tolk', ownerUnitId: UNIT.refugee, ownerUserId: null, dueDate: '2026-12-01' }));

    fireEvent.click(screen.getByRole('button', { name: 'Marker «Finne praksisplass» som utført' }));
    await waitFor(() => expect(p.onActionPointStatus).toHaveBeenCalledWith(POINT, { status: 'done', version: 2 }));
    await screen.findByText('«Finne praksisplass» er markert som utført.');
  });

  it('a reader outside the group sees members but not the meetings, and no buttons', async () => {
    await renderPage({ view: view({ can: { manage: false, categories: ['general'] }, staff: [], groups: [group({ meetingsVisible: false, meetings: [], canManage: false, canRecordMeetings: false })] }) });
    expect(screen.getByText(/Du ser ikke møtene/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Legg til medlem' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrer møte' })).toBeNull();
  });

  it('creates a group: staff with roles, the coordinator among them, and an external participant', async () => {
    let calls = 0;
    const onCreate = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'members.2.role', message: 'must be at most 100 characters' }] });
    });
    const p = await renderPage({ onCreate, view: view({ groups: [] }) });
    const form = screen.getByRole('form', { name: 'Opprett ansvarsgruppe' });
    fireEvent.click(within(form).getByRole('button', { name: 'Opprett gruppen' }));
    await within(form).findByText('Velg minst én ansatt.');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Ingrid Rådgiver (Flyktningtjenesten)' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Nina Nav (NAV Demo)' }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Rolle for Ingrid Rådgiver (Flyktningtjenesten)' }), { target: { value: 'Koordinator' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Rolle for Nina Nav (NAV Demo)' }), { target: { value: 'Veileder' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Koordinator' }), { target: { value: U.advisor } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Navn' }), { target: { value: 'Dr. Lege' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Rollen til den eksterne deltakeren' }), { target: { value: 'Fastlege' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Opprett gruppen' }));
    // members.2 is the external participant: the reason is on its role field.
    await within(form).findByText('Skriv høyst 100 tegn.');
    expect(within(form).getByRole('textbox', { name: 'Rollen til den eksterne deltakeren' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(form).getByRole('button', { name: 'Opprett gruppen' }));
    await screen.findByText('Ansvarsgruppen er opprettet.');
    expect(p.onCreate).toHaveBeenLastCalledWith({
      members: [
        { kind: 'staff', userId: U.advisor, unitId: UNIT.refugee, role: 'Koordinator' },
        { kind: 'staff', userId: U.nav, unitId: UNIT.nav, role: 'Veileder' },
        { kind: 'external', externalKind: 'gp', name: 'Dr. Lege', role: 'Fastlege' },
      ],
      coordinatorUserId: U.advisor,
    });
  });
});
