import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import type { UnsubscribeResponse } from '@/lib/api/schema';
import { useUnsubscribe } from '../api/unsubscribe';
import { categoryName } from '../labels';
import '../notifications.css';

// Where an email's unsubscribe link lands, signed in or not: the email stops as soon as the page
// opens (the token says whose and which), and the page says what stopped.
export function UnsubscribePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const unsubscribe = useUnsubscribe();
  const { mutate } = unsubscribe;
  const sent = useRef(false);

  useEffect(() => {
    document.title = `${t('Unsubscribe')} · CIM`;
  }, [t]);
  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (sent.current) return;
    sent.current = true;
    mutate(token);
  }, [mutate, token]);

  return (
    <main className="public-page" id="main">
      <section className="public-page__panel" aria-labelledby="unsubscribe-title">
        <div className="brand brand--large">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>{t('CIM Partner Portal')}</span>
        </div>
        <h1 id="unsubscribe-title">{t('Unsubscribe')}</h1>
        {unsubscribe.isSuccess ? (
          <Unsubscribed answer={unsubscribe.data} />
        ) : unsubscribe.isError ? (
          <UnsubscribeFailed error={unsubscribe.error} onRetry={() => mutate(token)} />
        ) : (
          <Loading label={t('Unsubscribing…')} />
        )}
      </section>
    </main>
  );
}

function Unsubscribed({ answer }: { answer: UnsubscribeResponse }) {
  const { t } = useTranslation();
  const email = answer.email ?? '';
  const digest = !answer.category || answer.category === 'NOTIFICATION_CATEGORY_UNSPECIFIED';
  return (
    <div role="status">
      <p className="lead" data-testid="unsubscribed">
        {digest
          ? t('You will no longer get your daily digest at {{email}}.', { email })
          : t('You will no longer get emails about {{category}} at {{email}}.', { category: categoryName(t, answer.category), email })}
      </p>
      <p>
        {/* A full page load: the portal asks for sign-in there first if needed. */}
        <a href="/settings/notifications">{t('Change your notification settings')}</a> {t('(sign-in required)')}
      </p>
    </div>
  );
}

function UnsubscribeFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const invalid = error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 400);
  return (
    <div className="state state--error" role="alert">
      {invalid ? (
        <>
          <p>{t('This unsubscribe link is not valid.')}</p>
          <p>{t('Check that you opened the whole link from the email, or change your emails in your notification settings.')}</p>
          <a href="/settings/notifications">{t('Notification settings')}</a>
        </>
      ) : (
        <>
          <p>{t('We could not unsubscribe you right now: {{message}}', { message: error.message })}</p>
          <button type="button" className="button button--ghost button--small" onClick={onRetry}>
            {t('Try again')}
          </button>
        </>
      )}
    </div>
  );
}
