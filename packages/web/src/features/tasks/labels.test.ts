import { describe, expect, it } from 'vitest';
import type { TaskView } from '@eidor/contract';
import { DEFAULT_CHECKLIST } from '@eidor/domain';
import { formatDate } from '../../i18n/format.ts';
import { changeLanguage, i18n } from '../../i18n/index.ts';
import { KNOWN_CHECKLIST_KEYS, taskActions, taskKindLabel, takeOver, taskTitle } from './labels.ts';

const t = i18n.t.bind(i18n);
const nbDate = (iso: string) => formatDate(iso, 'nb');
const task = (o: Partial<TaskView>): Pick<TaskView, 'kind' | 'itemKey' | 'title' | 'dueDate'> => ({ kind: 'other.kind', itemKey: 'x', title: 'Kommunens egen tittel', dueDate: null, ...o });

describe('task titles', () => {
  it('names the pipeline steps, the default checklist and lease follow-ups in the UI language', async () => {
    await changeLanguage('nb');
    expect(taskTitle(task({ kind: 'settlement.pipeline', itemKey: 'respond_to_offer' }), t, nbDate)).toBe('Svar IMDi på tilbudet om bosetting');
    expect(taskTitle(task({ kind: 'settlement.checklist', itemKey: 'tb_screening' }), t, nbDate)).toBe('Tuberkuloseundersøkelse');
    // Due 90 days before the lease ends: the title names the end date.
    expect(taskTitle(task({ kind: 'housing.lease', itemKey: 'lease_expiry', dueDate: '2026-11-02' }), t, nbDate)).toBe('Leiekontrakten utløper 31.01.2027: forleng eller si opp');
    await changeLanguage('en');
    expect(taskTitle(task({ kind: 'settlement.checklist', itemKey: 'bank_account' }), t, (iso) => formatDate(iso, 'en'))).toBe('Bank account');
    await changeLanguage('nb');
  });

  it('shows the stored title for items the app does not know (a municipality’s own checklist item)', () => {
    expect(taskTitle(task({ kind: 'settlement.checklist', itemKey: 'library_card', title: 'Lånekort på biblioteket' }), t, nbDate)).toBe('Lånekort på biblioteket');
    expect(taskTitle(task({ kind: 'settlement.pipeline', itemKey: 'unknown_step', title: 'Noe nytt' }), t, nbDate)).toBe('Noe nytt');
    expect(taskTitle(task({ kind: 'housing.lease', itemKey: 'lease_expiry', dueDate: null, title: 'Leiekontrakt' }), t, nbDate)).toBe('Leiekontrakt');
  });

  it('says the extra-grant deadlines, reminders and shares in the UI language, with their values', async () => {
    await changeLanguage('nn');
    expect(taskTitle({ ...task({ kind: 'extra_grants.deadline', itemKey: 'deadline_original' }), titleParams: { grant: 2, year: 3 } }, t, nbDate)).toBe(
      'Søknadsfrist tilskot 2 (ekstratilskot), tilskotsår 3',
    );
    await changeLanguage('en');
    expect(taskTitle({ ...task({ kind: 'extra_grants.request', itemKey: 'request' }), titleParams: { reminder: 2 } }, t, nbDate)).toBe(
      'Reminder 2: request for documentation for an extra-grant application',
    );
    expect(taskTitle({ ...task({ kind: 'extra_grants.share', itemKey: 'share' }), titleParams: { amountOre: 12_345_600, year: 1 } }, t, nbDate, (n) => `NOK ${n}`)).toBe(
      'Extra grant granted: the unit’s share NOK 123456 (grant year 1)',
    );
    expect(taskTitle(task({ kind: 'extra_grants.deadline', itemKey: 'deadline_first' }), t, nbDate)).toBe('Extra grant application deadline: first application (grant year 1 or 2)');
    await changeLanguage('nb');
    // A kind the app has no text for keeps the stored title.
    expect(taskTitle(task({ kind: 'extra_grants.deadline', itemKey: 'something_new', title: 'Egen tittel' }), t, nbDate)).toBe('Egen tittel');
  });

  it('has a name for every item of the default checklist', () => {
    expect([...KNOWN_CHECKLIST_KEYS].sort()).toEqual(DEFAULT_CHECKLIST.map((i) => i.key).sort());
  });

  it('names the known kinds and shows others as they are', () => {
    expect(taskKindLabel('settlement.checklist', t)).toBe('De første ukene etter bosetting');
    expect(taskKindLabel('housing.lease', t)).toBe('Leiekontrakter');
    expect(taskKindLabel('programme.review', t)).toBe('programme.review');
  });
});

describe('task actions', () => {
  const me = '11111111-1111-4111-8111-111111111111';
  const unit = '22222222-2222-4222-8222-222222222222';
  const other = '33333333-3333-4333-8333-333333333333';

  it('offers what the server allows: nothing without can.act, reopen for closed tasks, take when not mine', () => {
    expect(taskActions({ status: 'open', can: { act: false }, assigneeUserId: null }, me, [unit])).toEqual([]);
    expect(taskActions({ status: 'open', can: { act: true }, assigneeUserId: null }, me, [unit])).toEqual(['done', 'skip', 'take']);
    expect(taskActions({ status: 'open', can: { act: true }, assigneeUserId: me }, me, [unit])).toEqual(['done', 'skip']);
    expect(taskActions({ status: 'done', can: { act: true }, assigneeUserId: me }, me, [unit])).toEqual(['reopen']);
    expect(taskActions({ status: 'skipped', can: { act: true }, assigneeUserId: null }, me, [unit])).toEqual(['reopen']);
  });

  it('takes a task in the unit that owns it when I am there, else in my first unit', () => {
    expect(takeOver({ ownerUnitId: unit }, me, [other, unit])).toEqual({ action: 'reassign', ownerUnitId: unit, assigneeUserId: me });
    expect(takeOver({ ownerUnitId: unit }, me, [other])).toEqual({ action: 'reassign', ownerUnitId: other, assigneeUserId: me });
    expect(takeOver({ ownerUnitId: unit }, me, [])).toBeNull();
  });
});
