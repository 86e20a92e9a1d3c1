import { describe, expect, it } from 'vitest';
import { actionKind, checkThresholds, REVIEW_DEFAULTS } from './index.ts';

describe('access review rules', () => {
  it('names the kind of every action the modules write', () => {
    expect(actionKind('person.read')).toBe('read');
    expect(actionKind('person.read_history')).toBe('read');
    expect(actionKind('journal.document.download')).toBe('read');
    expect(actionKind('letter.decision')).toBe('read');
    expect(actionKind('person.update')).toBe('write');
    expect(actionKind('journal.note.create')).toBe('write');
    expect(actionKind('person.search')).toBe('search');
    expect(actionKind('settlement.reunification.list')).toBe('search');
    expect(actionKind('nir.export')).toBe('export');
    expect(actionKind('person.break_glass')).toBe('break_glass');
  });

  it('working hours must end after they start', () => {
    expect(checkThresholds(REVIEW_DEFAULTS)).toEqual([]);
    expect(checkThresholds({ ...REVIEW_DEFAULTS, workdayStart: '17:00', workdayEnd: '07:00' }).map((x) => x.path)).toEqual(['workdayEnd']);
  });
});
