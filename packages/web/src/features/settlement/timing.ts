import type { TFunction } from 'i18next';
import type { PipelineItem } from '@eidor/contract';

type Timing = PipelineItem['timing'];

/** The colour of a timing tag; the tag's text says the same, so colour is never the only cue. */
export function timingColor(status: Timing['status']): 'success' | 'warning' | 'danger' | 'neutral' {
  switch (status) {
    case 'within':
      return 'success';
    case 'settled_within':
      return 'success';
    case 'late':
      return 'danger';
    case 'settled_late':
      return 'warning';
    default:
      return 'neutral';
  }
}

/**
 * IMDi's target in words: how many days since the residence permit (or until settlement), against
 * the target of 3 months (households with children or unaccompanied minors) or 6 months.
 */
export function timingText(timing: Timing, t: TFunction, formatDate: (iso: string) => string): string {
  const months = timing.targetMonths;
  const target = timing.targetDate ? formatDate(timing.targetDate) : '';
  const days = timing.days ?? 0;
  switch (timing.status) {
    case 'no_permit':
      return t('settlement.timingText.noPermit', { months });
    case 'within':
      return t('settlement.timingText.within', { count: days, months, date: target });
    case 'late':
      return t('settlement.timingText.late', { count: days, months, date: target });
    case 'settled_within':
      return t('settlement.timingText.settledWithin', { count: days, months });
    case 'settled_late':
      return t('settlement.timingText.settledLate', { count: days, months });
  }
}
