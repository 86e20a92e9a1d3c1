import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, isRealDate } from '../calendar/date.ts';
import { makeNationalId, normaliseDufNumber, parseNationalId } from './national-id.ts';
import { nameKey, nameSimilarity, normaliseName } from './names.ts';

describe('national identity numbers', () => {
  it('accepts a valid fødselsnummer and reads birth date and sex', () => {
    // Skatteetaten's documented example 070960 0xxxx family; generated here and checked both ways.
    const id = makeNationalId({ birthDate: '1960-09-07', sex: 'female', kind: 'fnr', synthetic: false, serial: 2 })!;
    expect(parseNationalId(id)).toEqual({ valid: true, kind: 'fnr', birthDate: '1960-09-07', sex: 'female', synthetic: false });
  });

  it('reads a D-nummer (day + 40) and a synthetic number (month + 80)', () => {
    const id = makeNationalId({ birthDate: '2015-02-28', sex: 'male', kind: 'dnr', synthetic: true, serial: 7 })!;
    expect(id.slice(0, 2)).toBe('68');
    expect(id.slice(2, 4)).toBe('82');
    expect(parseNationalId(id)).toMatchObject({ valid: true, kind: 'dnr', birthDate: '2015-02-28', sex: 'male', synthetic: true });
  });

  it('refuses wrong length, letters, wrong check digits and impossible dates', () => {
    expect(parseNationalId('1234567890')).toEqual({ valid: false, reason: 'format' });
    expect(parseNationalId('1234567890a')).toEqual({ valid: false, reason: 'format' });
    const id = makeNationalId({ birthDate: '1985-12-01', sex: 'male', kind: 'fnr', synthetic: false, serial: 40 })!;
    const flipped = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
    expect(parseNationalId(flipped)).toEqual({ valid: false, reason: 'checksum' });
    // 30 February: valid check digits are computed for the impossible date, which is still refused.
    const feb30 = makeNationalId({ birthDate: '2024-02-30', sex: 'female', kind: 'fnr', synthetic: false, serial: 3 });
    if (feb30) expect(parseNationalId(feb30)).toEqual({ valid: false, reason: 'date' });
  });

  it('property: every generated number parses back to its birth date, sex and kind', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2039-12-31'), noInvalidDate: true }),
        fc.constantFrom('female' as const, 'male' as const),
        fc.constantFrom('fnr' as const, 'dnr' as const),
        fc.boolean(),
        fc.nat(10_000),
        (date, sex, kind, synthetic, serial) => {
          const birthDate = formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
          const id = makeNationalId({ birthDate, sex, kind, synthetic, serial });
          if (id === undefined) return; // this individual number has no check digits
          expect(parseNationalId(id)).toEqual({ valid: true, kind, birthDate, sex, synthetic });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: changing any one digit of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(10), fc.integer({ min: 1, max: 9 }), (serial, pos, delta) => {
        const id = makeNationalId({ birthDate: '1993-07-14', sex: serial % 2 ? 'male' : 'female', kind: 'fnr', synthetic: false, serial });
        if (!id) return;
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(parseNationalId(changed).valid).toBe(false);
      }),
    );
  });

  it('normalises DUF numbers', () => {
    expect(normaliseDufNumber('2019 1234 5678')).toBe('201912345678');
    expect(normaliseDufNumber('2019-1234-567')).toBeUndefined();
  });

  it('knows real dates', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 30)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
  });
});

describe('names across transliterations', () => {
  it('normalises case, diacritics and punctuation', () => {
    expect(normaliseName('  Al-Ḥassan,  JOSÉ  ')).toBe('al hassan jose');
    expect(normaliseName("N'Diaye")).toBe('ndiaye');
    expect(normaliseName('Øyvind Ærø Åsen')).toBe('oyvind aero asen');
  });

  it.each([
    ['Mohammad Al-Hassan', 'Muhammed Alhasan'],
    ['Mohamed Ali', 'Muhammad Aly'],
    ['Ahmad Karimi', 'Ahmed Karimi'],
    ['Oleksandr Kovalenko', 'Aleksandr Kovalenko'],
    ['Abdirahman Warsame', 'Abdulrahman Warsame'],
    ['Yousef Haile', 'Yusuf Haile'],
    ['Tesfay Gebremedhin', 'Tesfai Gebremedhin'],
  ])('%s is like %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.6);
  });

  it.each([
    ['Mohammad Al-Hassan', 'Fatima Yusuf'],
    ['Ahmad Karimi', 'Olena Shevchenko'],
  ])('%s is not like %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(0.3);
  });

  it('the article al- joined or apart gives the same key', () => {
    expect(nameKey('Al Hassan')).toBe(nameKey('Alhassan'));
    expect(nameKey('al-Hasan')).toBe(nameKey('Hassan'));
  });

  it('property: similarity is symmetric, within 0..1, and 1 for the same name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(s, 10);
        if (normaliseName(a).replace(/[^a-z0-9]/g, '').length > 0) expect(nameSimilarity(a, a)).toBe(1);
      }),
    );
  });
});
