import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The frame of a page outside the portal's shell: the brand, a title, and (unless `backLink` is
// false) a link back to sign-in.
export function PublicPanel({ title, children, backLink = true }: { title: string; children: ReactNode; backLink?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · CIM`;
  }, [title]);
  return (
    <main className="public-page" id="main">
      <section className="public-page__panel" aria-labelledby="public-title">
        <div className="brand brand--large">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>{t('CIM Partner Portal')}</span>
        </div>
        <h1 id="public-title">{title}</h1>
        {children}
        {backLink && (
          <p className="public-page__back">
            {/* A full page load: the portal opens at its sign-in page. */}
            <a href="/">{t('Back to sign-in')}</a>
          </p>
        )}
      </section>
    </main>
  );
}
