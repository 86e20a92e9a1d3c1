import type { Ref } from 'react';
import { Alert, Button, Heading, Link as DsLink, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../i18n/format.ts';
import type { DuplicateCandidate } from './duplicates.ts';

export type DuplicateWarningProps = {
  candidates: DuplicateCandidate[];
  /** Shown while the user has not yet said to save anyway for the values now in the form. */
  confirmLabel: string | null;
  onConfirm: () => void;
  /** While saving: the confirm button waits, so that a second press cannot register the person twice. */
  pending?: boolean;
  ref?: Ref<HTMLDivElement>;
};

/**
 * People already registered who look like the one being saved, each with a link (in a new tab, so the
 * form keeps what was typed) and why they look alike; and the way to save anyway.
 */
export function DuplicateWarning({ candidates, confirmLabel, onConfirm, pending = false, ref }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (candidates.length === 0) return null;
  return (
    <Alert data-color="warning" ref={ref} tabIndex={-1} className="api-error">
      <Heading level={2} data-size="xs">
        {t('people.duplicates.heading')}
      </Heading>
      <Paragraph>{t('people.duplicates.intro')}</Paragraph>
      <ListUnordered>
        {candidates.map((c) => (
          <ListItem key={c.id}>
            <DsLink asChild>
              <Link to="/people/$id" params={{ id: c.id }} target="_blank" rel="noopener">
                <bdi>{`${c.givenName} ${c.familyName}`}</bdi>, {t('people.duplicates.born', { date: formatDate(c.birthDate) })}{' '}
                {t('people.duplicates.newTab')}
              </Link>
            </DsLink>{' '}
            ({c.reasons.map((r) => t(`people.duplicates.reasons.${r}`)).join(', ')})
          </ListItem>
        ))}
      </ListUnordered>
      {confirmLabel ? (
        <Button type="button" variant="secondary" onClick={onConfirm} loading={pending} disabled={pending}>
          {confirmLabel}
        </Button>
      ) : null}
    </Alert>
  );
}
