import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import type { DuplicateCandidate } from './duplicates.ts';
import { emptyPersonForm } from './person-form.ts';
import { PersonForm, type PersonFormProps } from './PersonForm.tsx';

const EXISTING = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const HOUSEHOLD = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';

const candidate: DuplicateCandidate = {
  id: EXISTING,
  givenName: 'Yousef',
  familyName: 'Haile',
  birthDate: '1975-07-07',
  sex: 'male',
  arrivalCategory: null,
  settlementDate: null,
  status: 'active',
  householdId: null,
  score: 0.8,
  reasons: ['similar_name', 'same_birth_date'],
};

async function renderForm(props: Partial<PersonFormProps> = {}) {
  const all: PersonFormProps = {
    formId: 'pf',
    mode: 'create',
    defaultValues: emptyPersonForm(),
    household: null,
    mayCheckDuplicates: true,
    onCheckDuplicates: vi.fn(async () => []),
    onSearchPeople: vi.fn(async () => []),
    onSubmit: vi.fn(async () => {}),
    onCancel: vi.fn(),
    ...props,
  };
  await renderWithRouter(() => <PersonForm {...all} />);
  return all;
}

function fillRequired() {
  fireEvent.change(screen.getByRole('textbox', { name: 'Fornavn' }), { target: { value: 'Yusuf' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Etternavn' }), { target: { value: 'Haile' } });
  fireEvent.change(screen.getByLabelText('Fødselsdato'), { target: { value: '1975-07-07' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Kjønn' }), { target: { value: 'male' } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Registrer person' }));

describe('PersonForm: likely duplicates', () => {
  it('saves at once when nobody registered looks alike', async () => {
    const props = await renderForm();
    fillRequired();
    submit();
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));
    expect(props.onCheckDuplicates).toHaveBeenCalledWith({ givenName: 'Yusuf', familyName: 'Haile', birthDate: '1975-07-07', nationalId: null, dufNumber: null, excludePersonId: null });
    expect(props.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ person: expect.objectContaining({ givenName: 'Yusuf', familyName: 'Haile', birthDate: '1975-07-07', sex: 'male', status: 'active' }), household: { mode: 'none' } }));
  });

  it('stops at likely duplicates, links to each, and saves only after "register anyway"', async () => {
    const props = await renderForm({ onCheckDuplicates: vi.fn(async () => [candidate]) });
    fillRequired();
    submit();
    const warning = (await screen.findByRole('heading', { name: 'Mulige dubletter' })).closest<HTMLElement>('.ds-alert')!;
    // Focus moves to the warning, so that a screen reader reads it.
    await waitFor(() => expect(document.activeElement).toBe(warning));
    const link = within(warning).getByRole('link', { name: /Yousef Haile\s?, født 07\.07\.1975/ });
    expect(link.getAttribute('href')).toBe(`/people/${EXISTING}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(warning.textContent).toContain('lignende navn, samme fødselsdato');
    expect(props.onSubmit).not.toHaveBeenCalled();

    // Saving again without confirming still stops.
    submit();
    await waitFor(() => expect(document.activeElement).toBe(warning));
    expect(props.onSubmit).not.toHaveBeenCalled();

    fireEvent.click(within(warning).getByRole('button', { name: 'Registrer likevel' }));
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));
    // The same question was not asked twice.
    expect(props.onCheckDuplicates).toHaveBeenCalledTimes(1);
  });

  it('asks when a name field is left, before any save; a confirmation lapses when the name changes', async () => {
    const onCheckDuplicates = vi.fn(async () => [candidate]);
    const props = await renderForm({ onCheckDuplicates });
    fireEvent.change(screen.getByRole('textbox', { name: 'Fornavn' }), { target: { value: 'Yusuf' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Etternavn' }), { target: { value: 'Haile' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'Etternavn' }));
    // A name alone is not asked about: it would find every namesake.
    expect(onCheckDuplicates).not.toHaveBeenCalled();
    fillRequired();
    fireEvent.blur(screen.getByLabelText('Fødselsdato'));
    await screen.findByRole('heading', { name: 'Mulige dubletter' });
    expect(onCheckDuplicates).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Registrer likevel' }));
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));

    fireEvent.change(screen.getByRole('textbox', { name: 'Fornavn' }), { target: { value: 'Yousef' } });
    submit();
    await waitFor(() => expect(onCheckDuplicates).toHaveBeenCalledTimes(2));
    await screen.findByRole('button', { name: 'Registrer likevel' });
    expect(props.onSubmit).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the user may not register people', async () => {
    const props = await renderForm({ mayCheckDuplicates: false });
    fillRequired();
    submit();
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));
    expect(props.onCheckDuplicates).not.toHaveBeenCalled();
  });
});

describe('PersonForm: errors', () => {
  it('names every missing required field in a summary that takes focus', async () => {
    const props = await renderForm();
    submit();
    const summary = await screen.findByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Du må fylle ut fornavn.',
      'Du må fylle ut etternavn.',
      'Du må fylle ut fødselsdato.',
      'Du må velge kjønn.',
    ]);
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#pf-person-givenName', '#pf-person-familyName', '#pf-person-birthDate', '#pf-person-sex']);
    expect(props.onCheckDuplicates).not.toHaveBeenCalled();
  });

  it('shows a server 400 on the field it names, in the user’s words', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'Some fields are not valid', fields: [{ path: 'person.birthDate', message: 'cannot be in the future' }], requestId: 'r1' });
    });
    await renderForm({ onSubmit });
    fillRequired();
    submit();
    const input = screen.getByLabelText('Fødselsdato');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Fødselsdato kan ikke være fram i tid.').length).toBeGreaterThan(0);
    // Fully explained on the field: no second, vaguer alert.
    expect(screen.queryByText('Noen av opplysningene er ikke gyldige. Rett feilene og prøv igjen.')).toBeNull();
  });

  it('shows "another person has this id number" (409) on the id field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'x', fields: [{ path: 'person.nationalId', message: 'is already registered on another person' }] });
    });
    await renderForm({ onSubmit });
    fillRequired();
    submit();
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Fødselsnummer eller D-nummer/ }).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('En annen person er allerede registrert med dette fødselsnummeret eller D-nummeret.').length).toBeGreaterThan(0);
  });

  it('offers to reload after a version conflict (edit)', async () => {
    const onReload = vi.fn(async () => {});
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r2' });
    });
    await renderForm({ mode: 'edit', personId: EXISTING, onSubmit, onReload, onCheckDuplicates: vi.fn(async () => []) });
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByText(/Noen andre har endret dette etter at du åpnet det/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(onReload).toHaveBeenCalledTimes(1));
  });
});

describe('PersonForm: household and reference person', () => {
  it('offers the household the user came from, chosen already, and a role in it', async () => {
    const props = await renderForm({ defaultValues: emptyPersonForm(HOUSEHOLD), household: { id: HOUSEHOLD, name: 'Familien Haile' } });
    // happy-dom counts <bdi> as a block, so its name has spaces around the household's name.
    const radio = screen.getByRole('radio', { name: /^Husstanden «\s?Familien Haile\s?»$/ });
    expect((radio as HTMLInputElement).checked).toBe(true);
    fillRequired();
    fireEvent.change(screen.getByRole('combobox', { name: 'Rolle i husstanden' }), { target: { value: 'child' } });
    submit();
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));
    expect(props.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ household: { mode: 'existing', householdId: HOUSEHOLD }, person: expect.objectContaining({ householdRole: 'child' }) }));
  });

  it('chooses a reference person through a search dialog, only for family reunification', async () => {
    const onSearchPeople = vi.fn(async () => [candidate]);
    const props = await renderForm({ onSearchPeople });
    expect(screen.queryByRole('button', { name: 'Velg referanseperson' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Ankomstkategori' }), { target: { value: 'family_reunified' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Velg referanseperson' }));
    const dialog = await screen.findByRole('dialog', { name: 'Velg referanseperson' });
    fireEvent.change(within(dialog).getByRole('searchbox'), { target: { value: 'Yousef Haile' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(onSearchPeople).toHaveBeenCalledWith('Yousef Haile'));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Velg Yousef Haile' }));
    expect(await screen.findByText('Yousef Haile')).toBeTruthy();
    fillRequired();
    submit();
    await waitFor(() => expect(props.onSubmit).toHaveBeenCalledTimes(1));
    expect(props.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ person: expect.objectContaining({ arrivalCategory: 'family_reunified', sponsorPersonId: EXISTING }) }));
  });
});
