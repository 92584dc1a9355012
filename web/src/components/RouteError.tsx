import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

// A page that failed to load (its chunk, after a new deployment) or threw while rendering.
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main className="content">
      <div className="state state--error" role="alert">
        <p>{t('This page could not be shown. Reload to try again.')}</p>
        <button type="button" className="button button--ghost" onClick={() => window.location.reload()}>
          {t('Reload')}
        </button>
      </div>
    </main>
  );
}
