import { describe, expect, it } from 'vitest';
import { makeNationalId } from '@eidor/domain';
import { confirmed, duplicateGate, duplicateQueryFrom, NO_DUPLICATES, withAnswer, worthAskingEarly, type DuplicateCandidate } from './duplicates.ts';
import { emptyPersonForm, type PersonFormValues } from './person-form.ts';

const person = (over: Partial<PersonFormValues['person']>) => ({ ...emptyPersonForm().person, ...over });
const nid = makeNationalId({ birthDate: '1975-07-07', sex: 'male', kind: 'fnr', synthetic: true, serial: 101 }) ?? makeNationalId({ birthDate: '1975-07-07', sex: 'male', kind: 'fnr', synthetic: true, serial: 103 })!;

const candidate: DuplicateCandidate = {
  id: '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c',
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

describe('what is asked about duplicates', () => {
  it('asks nothing until there is a full name, a valid id number or a DUF number', () => {
    expect(duplicateQueryFrom(person({ givenName: 'Yusuf' }), null)).toBeNull();
    expect(duplicateQueryFrom(person({ nationalId: '1234' }), null)).toBeNull();
    expect(duplicateQueryFrom(person({ dufNumber: '2019-1234-5678' }), null)).toMatchObject({ dufNumber: '201912345678', givenName: '' });
    expect(duplicateQueryFrom(person({ nationalId: `${nid.slice(0, 6)} ${nid.slice(6)}` }), null)).toMatchObject({ nationalId: nid });
  });

  it('sends the name, a real birth date and the person to leave out; never an invalid date or number', () => {
    expect(duplicateQueryFrom(person({ givenName: ' Yusuf ', familyName: 'Haile', birthDate: '1975-02-30', nationalId: '12345678901' }), 'me')).toEqual({
      givenName: 'Yusuf',
      familyName: 'Haile',
      birthDate: null,
      nationalId: null,
      dufNumber: null,
      excludePersonId: 'me',
    });
  });
});

describe('asking while the form is filled in', () => {
  it('waits for a birth date or a number: a name alone finds every namesake', () => {
    expect(worthAskingEarly(duplicateQueryFrom(person({ givenName: 'Mohammad', familyName: 'Ali' }), null))).toBe(false);
    expect(worthAskingEarly(duplicateQueryFrom(person({ givenName: 'Mohammad', familyName: 'Ali', birthDate: '1990-01-01' }), null))).toBe(true);
    expect(worthAskingEarly(duplicateQueryFrom(person({ dufNumber: '201912345678' }), null))).toBe(true);
    expect(worthAskingEarly(null)).toBe(false);
  });
});

describe('saving with likely duplicates', () => {
  const query = duplicateQueryFrom(person({ givenName: 'Yusuf', familyName: 'Haile', birthDate: '1975-07-07' }), null)!;
  const other = duplicateQueryFrom(person({ givenName: 'Yusuf', familyName: 'Haile', birthDate: '1975-07-08' }), null)!;

  it('asks first, saves at once when nobody looks alike', () => {
    expect(duplicateGate(NO_DUPLICATES, query)).toBe('check');
    expect(duplicateGate(withAnswer(NO_DUPLICATES, query, []), query)).toBe('save');
    expect(duplicateGate(NO_DUPLICATES, null)).toBe('save');
  });

  it('stops for confirmation when someone looks alike, and saves once the user says "save anyway"', () => {
    const answered = withAnswer(NO_DUPLICATES, query, [candidate]);
    expect(duplicateGate(answered, query)).toBe('confirm');
    expect(duplicateGate(confirmed(answered), query)).toBe('save');
  });

  it('a confirmation holds only for the values it was given for', () => {
    const ok = confirmed(withAnswer(NO_DUPLICATES, query, [candidate]));
    expect(duplicateGate(ok, other)).toBe('check');
    const again = withAnswer(ok, other, [candidate]);
    expect(duplicateGate(again, other)).toBe('confirm');
    // Asking the same question again keeps the answer the user gave to it.
    expect(duplicateGate(withAnswer(ok, query, [candidate]), query)).toBe('save');
  });
});
