import type { TFunction } from 'i18next';
import type { FieldError } from '@eidor/contract';

/**
 * A field error from the programme's endpoints in the user's words. The server's messages are English
 * and name the rule; the known ones are translated with their figures (months, dates), and any other
 * is shown after the field's name so that the reason is never lost.
 */
export function programmeServerMessage(field: FieldError, label: string, t: TFunction, formatDate: (iso: string) => string): string {
  const m = field.message;
  let match: RegExpExecArray | null;
  if (m === 'is required for a programme decision') return t('programme.server.requiredForDecision', { field: label.toLocaleLowerCase() });
  if (m.startsWith('is required (integreringsloven § 13')) return t('programme.server.endGoalRequired');
  if (m === 'is required to check the length') return t('programme.server.groupRequired');
  if (m === 'cannot be before the decision') return t('programme.server.beforeDecision', { label });
  if (m.startsWith('skills mapping must be done before the programme decision')) return t('programme.server.mappingFirst');
  if ((match = /^must be (\d+)–(\d+) months for this group/.exec(m))) return t('programme.server.lengthRange', { min: match[1], max: match[2] });
  if ((match = /^can be at most (\d+) months/.exec(m))) return t('programme.server.extensionMax', { max: match[1] });
  if (m.startsWith('must say why the participant can be expected to reach the end goal')) return t('programme.server.extensionReason');
  if (m.startsWith('must be between 30 and 37.5 hours a week')) return t('programme.server.weeklyHours');
  if (m === 'is required when the programme ends (NIR)') return t('programme.server.requiredForEnding', { field: label.toLocaleLowerCase() });
  if (m === 'cannot be before the start') return /^items\.\d+\.to$/.test(field.path) ? t('programme.server.beforeFrom', { label }) : t('programme.server.beforeStart', { label });
  if ((match = /^the person is not eligible: (.*)$/.exec(m))) return t('programme.server.notEligible', { reason: match[1] });
  if (m === 'cannot be before the start of the measure') return t('programme.server.measureOrder');
  if ((match = /^is outside the programme period \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2}|open)\)/.exec(m))) {
    return match[2] === 'open' ? t('programme.server.outsidePeriodOpen', { from: formatDate(match[1]!) }) : t('programme.server.outsidePeriod', { from: formatDate(match[1]!), to: formatDate(match[2]!) });
  }
  if (m === 'is not a unit of this municipality') return t('programme.server.unknownUnit');
  if (m === 'is required when changing an adopted plan') return t('programme.server.changeReason');
  if (m === 'a plan needs a programme decision with a start date') return t('programme.server.planNeedsDecision');
  if (m === 'must be after the decision date') return t('programme.server.reviewAfterDecision');
  if (m === 'cannot be more than the amount') return t('programme.server.recoverTooMuch');
  if (m === 'is required for a deduction letter') return t('programme.server.monthRequired');
  if ((match = /G \(grunnbeløp\) from (\d{4}-\d{2}-\d{2}) is missing/.exec(m))) return t('programme.server.gMissing', { date: formatDate(match[1]!) });
  return t('programme.server.other', { label, message: m });
}
