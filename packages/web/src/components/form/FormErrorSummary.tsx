import type { MouseEvent, Ref } from 'react';
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export type SummaryItem = { id: string; message: string };

/**
 * The list of a form's errors, each linking to its control. It takes focus after a failed submit
 * (the form moves focus here), so a screen reader announces it.
 */
export function FormErrorSummary({ errors, ref }: { errors: SummaryItem[]; ref?: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;

  // Focus the control instead of following the fragment: the router owns the URL.
  const focusControl = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const control = document.getElementById(id);
    if (!control) return;
    event.preventDefault();
    control.focus();
    control.scrollIntoView?.({ block: 'center' });
  };

  return (
    <ErrorSummary ref={ref as Ref<never>} tabIndex={-1}>
      <ErrorSummary.Heading>{t('validation.summaryHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((error) => (
          <ErrorSummary.Item key={error.id}>
            <ErrorSummary.Link href={`#${error.id}`} onClick={(event) => focusControl(event, error.id)}>
              {error.message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
