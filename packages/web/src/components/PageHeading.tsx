import { useEffect, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A heading that is plain text may be the title too; one with markup (a name in <bdi>) must pass a title. */
export type PageHeadingProps = { children: string; documentTitle?: string } | { children: ReactNode; documentTitle: string };

/**
 * The page's one <h1>. It also sets the document title, and it can take focus: the app moves focus
 * here after each navigation so that screen reader users hear where they arrived.
 */
export function PageHeading({ children, documentTitle }: PageHeadingProps) {
  const { t } = useTranslation();
  // The title lands in the browser's history, so pages whose heading names a person pass a neutral one.
  const title = documentTitle ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
