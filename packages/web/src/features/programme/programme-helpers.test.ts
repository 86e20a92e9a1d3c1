import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { decisionFieldsFrom, decisionFormFrom } from './decision-form.ts';
import { decimalInput, formatOre, kronerInput, parseDecimal, parseKroner } from './money.ts';
import { planDraftFrom, planFormPath } from './plan-form.ts';
import { programmeServerMessage } from './server-messages.ts';
import { programmePeriod } from './ProgrammePage.tsx';

const t = i18n.getFixedT('nb');
const nbDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('amounts', () => {
  it('formats øre as Norwegian kroner with øre', () => {
    expect(formatOre(2_275_817, 'nb').replace(/\s/g, ' ')).toBe('22 758,17 kr');
    expect(formatOre(-72_311, 'nb').replace(/\s/g, ' ')).toBe('−723,11 kr');
  });

  it('reads kroner as a Norwegian types them, to whole øre', () => {
    expect(parseKroner('1 766,00')).toBe(176_600);
    expect(parseKroner('1\u00a0766,5')).toBe(176_650);
    expect(parseKroner('1766.05 kr')).toBe(176_605);
    expect(parseKroner('abc')).toBeNull();
    expect(parseKroner('1,234')).toBeNull();
    expect(kronerInput(176_650, 'nb')).toBe('1766,50');
    expect(kronerInput(176_600, 'en')).toBe('1766');
  });

  it('reads hours with a decimal comma', () => {
    expect(parseDecimal('37,5')).toBe(37.5);
    expect(parseDecimal(' 30 ')).toBe(30);
    expect(parseDecimal('tretti')).toBeNull();
    expect(decimalInput(37.5, 'nb')).toBe('37,5');
  });
});

describe('the decision form', () => {
  it('round-trips the stored fields, and sends ending facts only with an ended programme', () => {
    const fields = {
      requestDate: null, participantGroup: 'other_goal' as const, livesWithParents: false, coupleBothParticipantsNoChildren: false, hasChildrenOrExpecting: false,
      skillsMappingDate: '2026-09-20', careerGuidanceDate: null, decisionDate: '2026-10-01', startDate: '2026-10-05', endGoal: 'Arbeid', plannedMonths: 24,
      extensionMonths: 0, extensionReason: null, weeklyHours: 37.5, hoursReason: null, elements: { norwegian: true, parenting_course: false },
      status: 'active' as const, endDate: '2027-01-01', endReason: 'moved' as const, mainActivity: 'work' as const, followUpActivity: null, followUpDate: null,
    };
    const form = decisionFormFrom({ fields } as never, 'nb');
    expect(form.weeklyHours).toBe('37,5');
    const back = decisionFieldsFrom(form, fields.elements);
    expect(back).toMatchObject({ weeklyHours: 37.5, plannedMonths: 24, elements: { norwegian: true, parenting_course: false }, endDate: null, endReason: null, mainActivity: null });
    expect(decisionFieldsFrom({ ...form, plannedMonths: 'to år' }, {}).plannedMonths).toBe('to år');
  });

  it('knows the programme period: the end date, else start + length + extension − 1 day', () => {
    const base = { startDate: '2026-10-05', endDate: null, plannedMonths: 24, extensionMonths: 6 };
    expect(programmePeriod(base as never)).toEqual({ from: '2026-10-05', to: '2029-04-04' });
    expect(programmePeriod({ ...base, endDate: '2027-01-31' } as never)).toEqual({ from: '2026-10-05', to: '2027-01-31' });
    expect(programmePeriod({ ...base, startDate: null } as never)).toBeNull();
  });
});

describe('the plan form', () => {
  it('takes one goal a line and sends hours as numbers; an error on goal N belongs to the goals', () => {
    const draft = planDraftFrom({ goals: ' A \n\nB', norwegianGoal: 'B1', measures: [{ type: 'norwegian', description: 'x', providerUnitId: '', from: '2026-10-05', to: '2027-01-01', hoursPerWeek: '7,5' }], changeReason: ' ', significant: true });
    expect(draft).toMatchObject({ goals: ['A', 'B'], changeReason: null, measures: [{ providerUnitId: null, hoursPerWeek: 7.5 }] });
    expect(planFormPath('goals.3')).toBe('goals');
    expect(planFormPath('measures.0.from')).toBe('measures.0.from');
  });
});

describe('the server’s field errors in Norwegian', () => {
  const say = (message: string, path = 'fields.x', label = 'Feltet') => programmeServerMessage({ path, message }, label, t, nbDate);
  it('translates the known rules with their figures, and keeps any other reason', () => {
    expect(say('must be 3–6 months for this group (integreringsloven § 13: 3–6 months, + up to 6 months)')).toBe('Planlagt lengde må være 3–6 måneder for denne deltakergruppen.');
    expect(say('can be at most 12 months (integreringsloven § 13)')).toBe('Forlengelsen kan være høyst 12 måneder.');
    expect(say('is required for a programme decision', 'fields.startDate', 'Startdato')).toBe('Du må fylle ut startdato for et vedtak om program.');
    expect(say('is outside the programme period (2026-10-05 – open)')).toBe('Tiltaket kan ikke begynne før programmet starter 05.10.2026.');
    expect(say('cannot be before the start', 'items.0.to', 'Til')).toBe('Til kan ikke være før fra-datoen.');
    expect(say('cannot be before the start', 'fields.endDate', 'Sluttdato')).toBe('Sluttdato kan ikke være før startdatoen.');
    expect(say('The G (grunnbeløp) from 2027-05-01 is missing; add it')).toMatch(/^Grunnbeløpet \(G\) fra 01\.05\.2027 mangler/);
    expect(say('something new')).toBe('Feltet ble ikke godtatt: something new');
  });
});
