import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Shown on every page while the app runs on the embedded (PGlite) demo database. */
export function DemoDatabaseBanner() {
  const { t } = useTranslation();
  return (
    <Alert data-color="warning" className="demo-banner">
      <Heading level={2} data-size="xs">
        {t('app.demoBanner.title')}
      </Heading>
      <Paragraph>{t('app.demoBanner.body')}</Paragraph>
    </Alert>
  );
}
