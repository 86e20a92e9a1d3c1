import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FieldError } from '@eidor/contract';
import type { UnitKind } from '@eidor/domain';
import { isApiError } from '../../api/client.ts';
import { useFormatDate } from '../../i18n/format.ts';

/**
 * Why the server refused a field, in the user's words. The server's reasons are English and name the
 * rule; the known ones are translated with their figures, any other is shown as it came.
 */
export function extraGrantServerMessage(field: FieldError, t: TFunction, formatDate: (iso: string) => string): string {
  const m = field.message;
  let x: RegExpExecArray | null;
  if (m.startsWith('no informed consent is recorded')) return t('extraGrants.server.noConsent');
  if ((x = /does not cover this kind of service \((\w+)\)/.exec(m))) return t('extraGrants.server.notCovered', { kind: t(`unitKinds.${x[1] as UnitKind}`) });
  if (m.startsWith('must be NOK')) return t('extraGrants.server.currency');
  if ((x = /^must be a grant year from 1 to (\d+)/.exec(m))) return t('extraGrants.server.grantYear', { last: x[1] });
  if ((x = /^is after the application deadline \((\d{4}-\d{2}-\d{2})\)/.exec(m))) return t('extraGrants.server.afterDeadline', { date: formatDate(x[1]!) });
  if ((x = /^is after the postponed deadline \((\d{4}-\d{2}-\d{2})\)/.exec(m))) return t('extraGrants.server.afterPostponed', { date: formatDate(x[1]!) });
  if ((x = /before the deadline \((\d{4}-\d{2}-\d{2})\) expires/.exec(m))) return t('extraGrants.server.postponeLate', { date: formatDate(x[1]!) });
  if (m.includes('either tilskudd 1 or tilskudd 2')) return t('extraGrants.server.either');
  if (m.startsWith('tilskudd 1 is a one-off grant')) return t('extraGrants.server.t1Year');
  if (m === 'tilskudd 1 is given only once') return t('extraGrants.server.t1Once');
  if (m.startsWith('there is already an application')) return t('extraGrants.server.yearTaken');
  if (m === 'cannot be in the future') return t('extraGrants.server.future');
  if (m === 'cannot be in the past') return t('extraGrants.server.past');
  if (m.startsWith('the person was under 16')) return t('extraGrants.server.guardian');
  if (m.startsWith('must name at least one kind of service')) return t('extraGrants.server.scope');
  if (m.startsWith('cannot be more than the amount applied for')) return t('extraGrants.server.moreThanApplied');
  if (m.startsWith('cannot be more than the cap')) return t('extraGrants.server.moreThanCap');
  if (m.startsWith('a partly granted application')) return t('extraGrants.server.partly');
  if (m === 'is required when the application is granted') return t('extraGrants.server.grantedRequired');
  if (m === 'the application has no cost lines') return t('extraGrants.server.noCostLines');
  if (/cost line\(s\) have no actual cost/.test(m)) return t('extraGrants.server.noActual');
  if (/^Too small: expected string|expected string, received undefined|^Required/.test(m)) return t('extraGrants.server.required');
  if (m === 'must be a date YYYY-MM-DD' || m === 'is not a real date') return t('extraGrants.server.date');
  if (/expected number|received NaN|Too small: expected number/.test(m)) return t('extraGrants.server.amount');
  return t('extraGrants.server.other', { message: m });
}

/**
 * One form's submission: runs the call, places the server's field reasons by field path (shown on the
 * field and focusable), and keeps any other error for an alert. `ok` is the success message.
 */
export function useAction() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setFields({});
      setError(null);
      try {
        await fn();
        return true;
      } catch (e) {
        if (isApiError(e) && e.fields.length > 0 && (e.code === 'VALIDATION' || e.code === 'CONFLICT')) {
          setFields(Object.fromEntries(e.fields.map((f) => [f.path, extraGrantServerMessage(f, t, formatDate)])));
        } else {
          setError(e);
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, formatDate],
  );
  return { run, fields, error, busy, setFields };
}
