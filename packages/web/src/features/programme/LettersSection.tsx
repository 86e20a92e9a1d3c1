import { useState } from 'react';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { useProgrammeLabels } from './labels.ts';
import type { LetterKind, LetterRequest } from './queries.ts';
import { programmeServerMessage } from './server-messages.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Why the server cannot make a letter yet (its 409 messages), as a key of the page's texts. */
const CONFLICTS: Record<string, 'notEnded' | 'noPlan' | 'noDecision'> = {
  'The programme has not ended': 'notEnded',
  'No adopted integration plan': 'noPlan',
  'The person has no programme decision yet': 'noDecision',
};

export type LettersSectionProps = {
  initialMonth: string;
  /** Fetch the letter and hand it to the browser as a file; throw an ApiError to show why not. */
  onDownload: (letter: LetterRequest) => Promise<void>;
};

/**
 * Decision letters and the participant certificate as PDF, in bokmål or nynorsk (the two written
 * forms a Norwegian decision may be in). Each letter carries its legal basis and complaint information.
 */
export function LettersSection({ initialMonth, onDownload }: LettersSectionProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const [kind, setKind] = useState<LetterKind>('programme_decision');
  const [lang, setLang] = useState<'nb' | 'nn'>('nb');
  const [month, setMonth] = useState(initialMonth);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notYet, setNotYet] = useState<string | null>(null);
  const [monthError, setMonthError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const monthLabel = t('programme.letters.month');

  const download = async () => {
    setError(null);
    setNotYet(null);
    setMonthError(undefined);
    setStatus('');
    if (kind === 'deduction' && !MONTH.test(month)) {
      setMonthError(t('programme.benefit.monthInvalid'));
      return;
    }
    setPending(true);
    try {
      await onDownload({ kind, lang, month: kind === 'deduction' ? month : undefined });
      setStatus(t('programme.letters.downloaded', { letter: labels.letter(kind), language: t(`languages.${lang}`) }));
    } catch (e) {
      const field = isApiError(e) ? e.fields.find((x) => x.path === 'month') : undefined;
      const conflict = isApiError(e) && e.code === 'CONFLICT' ? CONFLICTS[e.message] : undefined;
      if (field) setMonthError(programmeServerMessage(field, monthLabel, t, formatDate));
      else if (conflict) setNotYet(t(`programme.letters.conflicts.${conflict}`, { letter: labels.letter(kind) }));
      else setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="section" aria-labelledby="programme-letters">
      <Heading level={2} data-size="sm" id="programme-letters">
        {t('programme.letters.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('programme.letters.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        {error ? <ApiErrorAlert error={error} /> : null}
        {notYet ? (
          <Alert data-color="warning">
            <Paragraph>{notYet}</Paragraph>
          </Alert>
        ) : null}
        <SelectField id="letter-kind" label={t('programme.letters.kind')} value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
          {labels.letterOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Fieldset>
          <Fieldset.Legend>{t('programme.letters.language')}</Fieldset.Legend>
          <Radio id="letter-lang-nb" name="letter-lang" label={t('languages.nb')} value="nb" checked={lang === 'nb'} onChange={() => setLang('nb')} />
          <Radio id="letter-lang-nn" name="letter-lang" label={t('languages.nn')} value="nn" checked={lang === 'nn'} onChange={() => setLang('nn')} />
        </Fieldset>
        {kind === 'deduction' ? (
          <TextField id="letter-month" label={monthLabel} description={t('programme.benefit.monthHint')} type="month" className="input-short" value={month} error={monthError} onChange={(e) => setMonth(e.target.value)} />
        ) : null}
        <div className="button-row">
          <Button type="submit" loading={pending} disabled={pending}>
            {t('programme.letters.download')}
          </Button>
        </div>
      </form>
    </section>
  );
}
