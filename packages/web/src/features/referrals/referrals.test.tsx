import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { PersonReferralsPage, type PersonReferralsPageProps } from './PersonReferralsPage.tsx';

const PERSON = '11111111-1111-4111-8111-111111111111';
const REF = '22222222-2222-4222-8222-222222222222';
const REFUGEE = '33333333-3333-4333-8333-333333333333';
const NAV = '44444444-4444-4444-8444-444444444444';
const HEALTH = '55555555-5555-4555-8555-555555555555';
const CONSENT = '66666666-6666-4666-8666-666666666666';

const referral: PersonReferralsPageProps['referrals']['items'][number] = {
  id: REF,
  person: { id: PERSON, name: 'Zahra Rahimi', birthDate: '1988-02-10' },
  from: { id: REFUGEE, name: 'Flyktningtjenesten', kind: 'refugee_service' },
  to: { id: NAV, name: 'NAV Demo', kind: 'nav' },
  reason: 'Trenger hjelp med økonomi.',
  requestedHelp: 'Økonomisk rådgivning.',
  categories: ['economy'],
  legalBasis: 'forvaltningsloven_13b',
  consent: null,
  attachments: [],
  dueDate: '2026-12-07',
  status: 'sent',
  sentAt: '2026-11-23T09:00:00.000Z',
  sentBy: 'Ingrid Rådgiver',
  answeredAt: null,
  answeredBy: null,
  answerReason: null,
  endedAt: null,
  endedBy: null,
  outcome: null,
  givesAccess: false,
  version: 0,
  withheld: { person: false, details: false },
  side: ['sender'],
  can: { accept: false, decline: false, close: false, withdraw: true },
};

function props(over: Partial<PersonReferralsPageProps> = {}): PersonReferralsPageProps {
  return {
    personId: PERSON,
    personName: 'Zahra Rahimi',
    referrals: {
      personId: PERSON,
      items: [referral],
      can: { send: true },
      options: {
        fromUnits: [{ id: REFUGEE, name: 'Flyktningtjenesten', kind: 'refugee_service' }],
        receivers: [
          { id: NAV, name: 'NAV Demo', kind: 'nav', categories: ['identity', 'programme', 'economy'] },
          { id: HEALTH, name: 'Helsestasjon', kind: 'health', categories: ['identity', 'health'] },
        ],
        consents: [],
        documents: [],
      },
    },
    consents: {
      personId: PERSON,
      hidden: 0,
      items: [
        {
          id: CONSENT,
          personId: PERSON,
          givenBy: 'guardian',
          guardianName: 'Omar Rahimi',
          purpose: 'Helseoppfølging',
          categories: ['health'],
          units: [{ id: HEALTH, name: 'Helsestasjon', kind: 'health' }],
          validFrom: '2026-11-01',
          validUntil: '2027-10-31',
          state: 'active',
          recordedAt: '2026-11-01T09:00:00.000Z',
          recordedBy: 'Ingrid Rådgiver',
          withdrawal: null,
          version: 0,
          canWithdraw: true,
        },
      ],
      can: { record: true },
      units: [{ id: HEALTH, name: 'Helsestasjon', kind: 'health' }],
    },
    onSend: vi.fn(async () => {}),
    onAct: vi.fn(async () => {}),
    onRecordConsent: vi.fn(async () => {}),
    onWithdrawConsent: vi.fn(async () => {}),
    ...over,
  };
}

describe('a person’s referrals and consents', () => {
  it('shows the referral, and the sender may only withdraw it (with a reason)', async () => {
    const p = props();
    await renderWithRouter(() => <PersonReferralsPage {...p} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Zahra Rahimi');
    expect(screen.getByRole('heading', { name: 'Zahra Rahimi: fra Flyktningtjenesten til NAV Demo' })).toBeTruthy();
    expect(screen.getAllByText('Sendt').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Godta' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Trekk tilbake' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Hvorfor trekkes den tilbake?' }), { target: { value: 'Flyttet' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trekk tilbake' }));
    await waitFor(() => expect(p.onAct).toHaveBeenCalledWith(REF, 0, 'withdraw', 'Flyttet'));
  });

  it('offers only the categories the chosen receiver can have, and shows the server’s field errors in words', async () => {
    const onSend = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'refused', fields: [{ path: 'toUnitId', message: 'a referral must go to another unit than the one sending it' }] });
    });
    await renderWithRouter(() => <PersonReferralsPage {...props({ onSend })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send henvisning' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Til enhet' }), { target: { value: HEALTH } });
    // No attachments offered here, so the only checkboxes are the categories (identity is implied).
    expect(within(dialog).getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toEqual(['health']);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Helse' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send henvisning' }));
    await screen.findByText('En henvisning må gå til en annen enhet enn den som sender.');
    expect(onSend).toHaveBeenCalledWith(expect.objectContaining({ toUnitId: HEALTH, categories: ['health'], legalBasis: 'forvaltningsloven_13b' }));
  });

  it('lists the consent with the guardian and lets it be withdrawn', async () => {
    const p = props();
    await renderWithRouter(() => <PersonReferralsPage {...p} />);
    const table = screen.getByRole('table', { name: 'Personens samtykker, det nyeste først' });
    expect(within(table).getByText('Verge: Omar Rahimi')).toBeTruthy();
    expect(within(table).getByText('Gyldig')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Registrer tilbaketrekking: Helseoppfølging' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Dato for tilbaketrekking'), { target: { value: '2026-11-23' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrer tilbaketrekking' }));
    await waitFor(() => expect(p.onWithdrawConsent).toHaveBeenCalledWith(CONSENT, { withdrawnOn: '2026-11-23', withdrawnBy: 'person', withdrawnByName: null, version: 0 }));
  });
});
