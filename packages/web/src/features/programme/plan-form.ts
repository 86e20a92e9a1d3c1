import type { z } from 'zod';
import type { PlanDraftRequest, PlanView } from '@eidor/contract';
import type { MeasureType } from './labels.ts';
import { decimalInput, parseDecimal } from './money.ts';

export type PlanDraft = z.output<typeof PlanDraftRequest>;
export type Plan = z.output<typeof PlanView>;

export type MeasureRow = { type: '' | MeasureType; description: string; providerUnitId: string; from: string; to: string; hoursPerWeek: string };
export type PlanFormValues = { goals: string; norwegianGoal: string; measures: MeasureRow[]; changeReason: string; significant: boolean };

export const emptyMeasure = (from = '', to = ''): MeasureRow => ({ type: '', description: '', providerUnitId: '', from, to, hoursPerWeek: '' });

/** A new version starts from the latest plan (goals one a line), or empty with one measure in the programme period. */
export function planFormFrom(latest: Plan | undefined, language: string, period: { from: string; to: string }): PlanFormValues {
  if (!latest) return { goals: '', norwegianGoal: '', measures: [emptyMeasure(period.from, period.to)], changeReason: '', significant: true };
  return {
    goals: latest.goals.join('\n'),
    norwegianGoal: latest.norwegianGoal ?? '',
    measures: latest.measures.map((m) => ({ type: m.type, description: m.description, providerUnitId: m.providerUnitId ?? '', from: m.from, to: m.to, hoursPerWeek: decimalInput(m.hoursPerWeek, language) })),
    changeReason: '',
    significant: true,
  };
}

export function planDraftFrom(v: PlanFormValues): Record<keyof PlanDraft, unknown> {
  return {
    goals: v.goals
      .split('\n')
      .map((g) => g.trim())
      .filter((g) => g !== ''),
    norwegianGoal: v.norwegianGoal,
    measures: v.measures.map((m) => ({
      type: m.type === '' ? undefined : m.type,
      description: m.description,
      providerUnitId: m.providerUnitId === '' ? null : m.providerUnitId,
      from: m.from,
      to: m.to,
      hoursPerWeek: m.hoursPerWeek.trim() === '' ? undefined : (parseDecimal(m.hoursPerWeek) ?? m.hoursPerWeek),
    })),
    changeReason: v.changeReason.trim() === '' ? null : v.changeReason,
    significant: v.significant,
  };
}

/** The goals are one text area: an error about goal N belongs to it. */
export const planFormPath = (path: string) => (/^goals\.\d+$/.test(path) ? 'goals' : path);
