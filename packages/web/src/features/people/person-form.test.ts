import '../../test/dom.ts';
import { describe, expect, it } from 'vitest';
import { CreatePersonRequest, type PersonView } from '@eidor/contract';
import { makeNationalId } from '@eidor/domain';
import { ApiError } from '../../api/client.ts';
import { placeServerErrors } from '../../components/form/use-contract-form.ts';
import { i18n } from '../../i18n/index.ts';
import { emptyPersonForm, OTHER_COUNTRY, personFormFrom, personFormIssues, serverFieldMessage, toCreateRequest, toFormPath, toPersonFields, type PersonFormValues } from './person-form.ts';

const t = i18n.getFixedT('nb');
const HOUSEHOLD = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const SPONSOR = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const nid = makeNationalId({ birthDate: '1985-03-14', sex: 'male', kind: 'fnr', synthetic: true, serial: 101 }) ?? makeNationalId({ birthDate: '1985-03-14', sex: 'male', kind: 'fnr', synthetic: true, serial: 103 })!;

function form(person: Partial<PersonFormValues['person']> = {}, household: Partial<PersonFormValues['household']> = {}): PersonFormValues {
  const base = emptyPersonForm();
  return {
    person: { ...base.person, givenName: 'Muhammed', familyName: 'Alhasan', birthDate: '1985-03-14', sex: 'male', ...person },
    household: { ...base.household, ...household },
  };
}

describe('from the form to the request', () => {
  it('sends empty fields as null, codes from the lists or typed, languages from both, and a valid request', () => {
    const values = form({
      nationalId: `${nid.slice(0, 6)} ${nid.slice(6)}`,
      originCountry: 'SYR',
      nationality: OTHER_COUNTRY,
      nationalityOther: 'tur',
      languages: ['ar'],
      languagesOther: 'KU, ar;  tr',
      otherSpellings: [{ value: 'Mohammad Al-Hassan' }],
    });
    const request = CreatePersonRequest.parse(toCreateRequest(values));
    expect(request.person).toMatchObject({
      givenName: 'Muhammed',
      nationalId: nid,
      dufNumber: null,
      originCountry: 'SYR',
      nationality: 'TUR',
      languages: ['ar', 'ku', 'tr'],
      otherSpellings: ['Mohammad Al-Hassan'],
      permitDate: null,
      status: 'active',
    });
    expect(request.household).toEqual({ mode: 'none' });
  });

  it('drops what the choices made irrelevant: the interpreter language, the reference person', () => {
    const p = toPersonFields(form({ interpreterNeeded: false, interpreterLanguage: 'ar', arrivalCategory: 'resettlement', sponsorPersonId: SPONSOR }).person);
    expect(p.interpreterLanguage).toBeNull();
    expect(p.sponsorPersonId).toBeNull();
    const reunified = toPersonFields(form({ arrivalCategory: 'family_reunified', sponsorPersonId: SPONSOR }).person);
    expect(reunified.sponsorPersonId).toBe(SPONSOR);
  });

  it('sends a household choice the contract accepts: new with or without a name, or the one the user came from', () => {
    expect(toCreateRequest(form({}, { mode: 'new', name: '  ' })).household).toEqual({ mode: 'new' });
    expect(toCreateRequest(form({}, { mode: 'new', name: 'Familien Alhasan' })).household).toEqual({ mode: 'new', name: 'Familien Alhasan' });
    expect(toCreateRequest(emptyPersonForm(HOUSEHOLD)).household).toEqual({ mode: 'existing', householdId: HOUSEHOLD });
  });

  it('fills the edit form from the server view, with unknown codes in the "other" fields', () => {
    const view: PersonView = {
      id: SPONSOR,
      version: 3,
      identity: {
        givenName: 'Amira',
        familyName: 'Alhasan',
        otherSpellings: ['Amirah'],
        birthDate: '1988-06-02',
        sex: 'female',
        nationalId: null,
        dufNumber: '201912345678',
        originCountry: 'TUR',
        nationality: 'SYR',
        languages: ['ar', 'am'],
        interpreterNeeded: true,
        interpreterLanguage: 'ar',
        householdId: HOUSEHOLD,
        householdRole: 'spouse',
        status: 'active',
        statusDate: null,
      },
      settlement: { arrivalCategory: 'family_reunified', sponsorPersonId: SPONSOR, permitType: null, permitDate: null, settlementDate: '2024-01-01', previousMunicipality: null },
      team: [],
      can: { categories: {} as PersonView['can']['categories'], editTeam: true, viewHistory: true, viewAccessLog: true },
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    };
    const values = personFormFrom(view);
    expect(values.person).toMatchObject({ originCountry: OTHER_COUNTRY, originCountryOther: 'TUR', nationality: 'SYR', languages: ['ar'], languagesOther: 'am', sponsorPersonId: SPONSOR, otherSpellings: [{ value: 'Amirah' }] });
    expect(values.household).toEqual({ mode: 'existing', name: '', householdId: HOUSEHOLD });
    // Unchanged, the form sends back what the server holds.
    const back = toPersonFields(values.person);
    expect(back).toMatchObject({ originCountry: 'TUR', nationality: 'SYR', languages: ['ar', 'am'], dufNumber: '201912345678', householdRole: 'spouse' });
  });
});

describe('checks before sending', () => {
  it('names a national id with wrong check digits, and a birth date the id number contradicts', () => {
    const wrong = `${nid.slice(0, 10)}${(Number(nid[10]) + 1) % 10}`;
    expect(personFormIssues(form({ nationalId: wrong }), t, { hasHousehold: false })).toEqual([
      { path: 'person.nationalId', message: 'Fødselsnummeret eller D-nummeret er ikke gyldig. Kontroller sifrene.' },
    ]);
    expect(personFormIssues(form({ nationalId: nid, birthDate: '1985-03-15' }), t, { hasHousehold: false })).toEqual([
      { path: 'person.birthDate', message: 'Fødselsdatoen stemmer ikke med fødselsnummeret eller D-nummeret.' },
    ]);
  });

  it('asks for a status date, an interpreter language, a household for a role, and dates after birth', () => {
    const issues = personFormIssues(form({ status: 'moved_away', interpreterNeeded: true, householdRole: 'child', settlementDate: '1980-01-01' }), t, { hasHousehold: false });
    expect(issues.map((i) => i.path)).toEqual(['person.statusDate', 'person.interpreterLanguage', 'person.householdRole', 'person.settlementDate']);
    expect(issues[3]?.message).toBe('Bosettingsdato kan ikke være før fødselsdatoen.');
  });

  it('explains a country or language code that is not one', () => {
    const issues = personFormIssues(form({ originCountry: OTHER_COUNTRY, originCountryOther: 'Tyrkia', languagesOther: 'amharisk' }), t, { hasHousehold: false });
    expect(issues).toEqual([
      { path: 'person.originCountryOther', message: 'Landkode for opprinnelsesland må være tre bokstaver, for eksempel TUR.' },
      { path: 'person.languagesOther', message: 'Andre språk må være språkkoder på to eller tre bokstaver, skilt med komma.' },
    ]);
  });
});

describe('server errors on the right field', () => {
  const labels: Record<string, string> = {
    'person.birthDate': 'Fødselsdato',
    'person.nationalId': 'Fødselsnummer eller D-nummer',
    'person.originCountryOther': 'Landkode for opprinnelsesland',
    'person.otherSpellings.1.value': 'Skrivemåte 2',
    'person.languagesOther': 'Andre språk',
    'household.mode': 'Husstand',
  };
  const place = (error: ApiError, values = form()) =>
    placeServerErrors(error, { labelFor: (p) => labels[p], toFormPath: (p) => toFormPath(p, values), serverMessage: (f, label) => serverFieldMessage(f, label, t), t });

  it('maps request paths to the controls that hold them', () => {
    const values = form({ originCountry: OTHER_COUNTRY });
    expect(toFormPath('person.originCountry', values)).toBe('person.originCountryOther');
    expect(toFormPath('person.originCountry', form({ originCountry: 'SYR' }))).toBe('person.originCountry');
    expect(toFormPath('person.otherSpellings.1', values)).toBe('person.otherSpellings.1.value');
    expect(toFormPath('person.languages.3', values)).toBe('person.languagesOther');
    expect(toFormPath('household.householdId', values)).toBe('household.mode');
  });

  it('a 400 names the field: shown there in the user’s words, with no second message', () => {
    const error = new ApiError({ code: 'VALIDATION', status: 400, message: 'Some fields are not valid', fields: [{ path: 'person.birthDate', message: 'cannot be in the future' }] });
    expect(place(error)).toEqual({ fields: [{ path: 'person.birthDate', message: 'Fødselsdato kan ikke være fram i tid.' }], showAlert: false });
  });

  it('a message the form does not know becomes "was not accepted" on the field', () => {
    const error = new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'person.otherSpellings.1', message: 'something new' }] });
    expect(place(error).fields).toEqual([{ path: 'person.otherSpellings.1.value', message: 'Skrivemåte 2 ble ikke godtatt. Kontroller det du har skrevet.' }]);
  });

  it('another person with the same id number (409) is said on the field alone', () => {
    const error = new ApiError({ code: 'CONFLICT', status: 409, message: 'x', fields: [{ path: 'person.nationalId', message: 'is already registered on another person' }] });
    expect(place(error)).toEqual({
      fields: [{ path: 'person.nationalId', message: 'En annen person er allerede registrert med dette fødselsnummeret eller D-nummeret.' }],
      showAlert: false,
    });
  });

  it('a field not on the form, or an error without fields, is shown as an alert too', () => {
    const unknown = new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'person.favouriteColour', message: 'Unrecognized key' }, { path: 'household.householdId', message: 'is not a household in this municipality' }] });
    expect(place(unknown)).toEqual({ fields: [{ path: 'household.mode', message: 'Fant ikke husstanden.' }], showAlert: true });
    expect(place(new ApiError({ code: 'FORBIDDEN', status: 403, message: 'x' })).showAlert).toBe(true);
  });
});
