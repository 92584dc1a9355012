import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Page not found')}>
      <p>{t('There is no page at this address.')}</p>
      <Link to="/">{t('Go to the start page')}</Link>
    </Page>
  );
}
