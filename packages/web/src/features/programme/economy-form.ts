import type { z } from 'zod';
import type { CreateOverpaymentRequest, OtherBenefitEntry } from '@eidor/contract';
import type { BenefitKind } from './labels.ts';
import { kronerInput, parseKroner } from './money.ts';

export type OtherBenefit = z.output<typeof OtherBenefitEntry>;
export type OtherBenefitRow = { kind: '' | BenefitKind; monthlyAmount: string; earnedBeforeProgramme: boolean; from: string; to: string };

export const emptyOtherBenefit = (): OtherBenefitRow => ({ kind: '', monthlyAmount: '', earnedBeforeProgramme: false, from: '', to: '' });

export function otherBenefitRowsFrom(items: readonly OtherBenefit[], language: string): OtherBenefitRow[] {
  return items.map((b) => ({ kind: b.kind, monthlyAmount: kronerInput(b.monthlyAmount, language), earnedBeforeProgramme: b.earnedBeforeProgramme, from: b.from, to: b.to ?? '' }));
}

/** Kroner typed by the user become øre; text that is not an amount stays text, so the schema names the field. */
const ore = (text: string): number | string | undefined => (text.trim() === '' ? undefined : (parseKroner(text) ?? text));

export function otherBenefitsFrom(rows: readonly OtherBenefitRow[]) {
  return {
    items: rows.map((r) => ({
      kind: r.kind === '' ? undefined : r.kind,
      monthlyAmount: ore(r.monthlyAmount),
      earnedBeforeProgramme: r.earnedBeforeProgramme,
      from: r.from,
      to: r.to.trim() === '' ? null : r.to,
    })),
  };
}

export type Overpayment = z.output<typeof CreateOverpaymentRequest>;
export type OverpaymentFormValues = { amount: string; reason: string; recoverPerMonth: string };

export function overpaymentFrom(v: OverpaymentFormValues) {
  return { amount: ore(v.amount), reason: v.reason, recoverPerMonth: ore(v.recoverPerMonth) };
}
