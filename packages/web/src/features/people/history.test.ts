import '../../test/dom.ts';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../i18n/format.ts';
import { i18n } from '../../i18n/index.ts';
import { describeChange, type DescribeContext } from './history.ts';

const t = i18n.getFixedT('nb');
const UNIT = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const GONE = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';

const ctx: DescribeContext = {
  t,
  labels: {
    arrivalCategory: (v) => t(`people.arrivalCategories.${v}`),
    status: (v) => t(`people.statuses.${v}`),
    sex: (v) => t(`people.sexes.${v}`),
    householdRole: (v) => t(`people.householdRoles.${v}`),
    permitType: (v) => t(`people.permitTypes.${v}`),
    country: (c) => (c === 'SYR' ? 'Syria' : c),
    language: (l) => (l === 'ar' ? 'Arabisk' : l),
  },
  formatDate: (iso) => formatDate(iso, 'nb'),
  unitName: (id) => (id === UNIT ? 'NAV Demo' : undefined),
};

describe('history in words', () => {
  it.each([
    [{ field: 'status', from: 'active', to: 'moved_away' }, 'Status: Aktiv → Flyttet'],
    [{ field: 'settlementDate', from: null, to: '2023-04-01' }, 'Bosettingsdato: (tomt) → 01.04.2023'],
    [{ field: 'languages', from: [], to: ['ar', 'am'] }, 'Språk: (tomt) → Arabisk, am'],
    [{ field: 'interpreterNeeded', from: false, to: true }, 'Trenger tolk: Nei → Ja'],
    [{ field: 'originCountry', from: 'SYR', to: 'TUR' }, 'Opprinnelsesland: Syria → TUR'],
    [{ field: 'team', from: [GONE], to: [UNIT] }, 'Team: ukjent enhet → NAV Demo'],
    [{ field: 'householdId', from: null, to: UNIT }, 'Husstand: (tomt) → en husstand'],
    [{ field: 'arrivalCategory', from: 'tourist', to: 'resettlement' }, 'Ankomstkategori: tourist → Overføringsflyktning (kvoteflyktning)'],
    [{ field: 'somethingNew', from: 1, to: { a: 1 } }, 'somethingNew: 1 → {"a":1}'],
  ])('%o', (change, text) => {
    expect(describeChange(change, ctx)).toBe(text);
  });
});
