import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The housing module's pages, under the page heading. */
export function HousingNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('housing.nav.label')} className="sub-nav">
      <ul>
        <li>
          <Link to="/housing" activeOptions={{ exact: true }}>
            {t('housing.nav.register')}
          </Link>
        </li>
        <li>
          <Link to="/housing/vacancy" activeOptions={{ exact: true }}>
            {t('housing.nav.vacancy')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
