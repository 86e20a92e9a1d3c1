import type { TFunction } from 'i18next';
import { ChecklistItemSchema, type FieldError } from '@eidor/contract';
import type { TaskCondition, TaskScope, UnitKind } from '@eidor/domain';
import { z } from 'zod';
import type { FormIssue } from '../../components/form/use-contract-form.ts';

export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/** The template without its version: the request's items, as the form checks them. */
export const ChecklistItems = z.object({ items: z.array(ChecklistItemSchema).min(1).max(100) });
export type ChecklistItems = z.output<typeof ChecklistItems>;

export type ChecklistItemValues = {
  key: string;
  title: string;
  description: string;
  ownerUnitKind: UnitKind | '';
  scope: TaskScope;
  condition: TaskCondition;
  dueOffsetMonths: string;
  dueOffsetDays: string;
};
export type ChecklistFormValues = { items: ChecklistItemValues[] };

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A key from a title, for a new item whose key is left empty: ASCII lower case with _ ("Lånekort på
 * biblioteket" → "lanekort_pa_biblioteket"). Keys tie tasks to their item, so an existing one is kept.
 */
export function keyFromTitle(title: string): string {
  const ascii = title
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (ascii === '') return '';
  const key = (/^[a-z]/.test(ascii) ? ascii : `punkt_${ascii}`).slice(0, 40).replace(/_+$/, '');
  return KEY.test(key) ? key : '';
}

export function checklistFormFrom(items: readonly ChecklistItem[]): ChecklistFormValues {
  return {
    items: items.map((i) => ({ ...i, dueOffsetMonths: String(i.dueOffsetMonths), dueOffsetDays: String(i.dueOffsetDays) })),
  };
}

export const emptyItem = (): ChecklistItemValues => ({
  key: '',
  title: '',
  description: '',
  ownerUnitKind: '',
  scope: 'household',
  condition: 'all',
  dueOffsetMonths: '0',
  dueOffsetDays: '0',
});

export function checklistRequestFrom(v: ChecklistFormValues): { items: unknown[] } {
  const n = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim()));
  return {
    items: v.items.map((i) => ({
      key: i.key.trim() === '' ? keyFromTitle(i.title) : i.key.trim(),
      title: i.title,
      description: i.description,
      ownerUnitKind: i.ownerUnitKind,
      scope: i.scope,
      condition: i.condition,
      dueOffsetMonths: n(i.dueOffsetMonths),
      dueOffsetDays: n(i.dueOffsetDays),
    })),
  };
}

/** Checks the schema cannot say well: a key's format in words, and a key used twice (as the server does). */
export function checkChecklist(v: ChecklistFormValues, t: TFunction): FormIssue[] {
  const issues: FormIssue[] = [];
  const seen = new Map<string, number>();
  v.items.forEach((item, i) => {
    const key = item.key.trim() === '' ? keyFromTitle(item.title) : item.key.trim();
    if (item.key.trim() !== '' && !KEY.test(key)) issues.push({ path: `items.${i}.key`, message: t('settlement.checklist.keyFormat', { n: i + 1 }) });
    const first = seen.get(key);
    if (key && first !== undefined) issues.push({ path: `items.${i}.key`, message: t('settlement.checklist.keyTwice', { n: i + 1, m: first + 1 }) });
    else if (key) seen.set(key, i);
  });
  return issues;
}

export function checklistServerMessage(field: FieldError, t: TFunction): string | undefined {
  const m = /^items\.(\d+)\.key$/.exec(field.path);
  if (!m) return undefined;
  const n = Number(m[1]) + 1;
  if (field.message === 'is used twice') return t('settlement.checklist.keyUsedTwice', { n });
  if (field.message.startsWith('must be lower-case')) return t('settlement.checklist.keyFormat', { n });
  return undefined;
}
