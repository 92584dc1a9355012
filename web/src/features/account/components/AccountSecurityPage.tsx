import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import type { Session, SignIn } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { useChangePassword, useEndSession, useSessions, useSignIns } from '../api/account';
import { describeAgent } from '../agent';
import '../account.css';

// Sign-in and security for the signed-in person: their password, the sessions they are signed
// in with (any but this one can be ended), and every attempt to sign in to their account.
export default function AccountSecurityPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Sign-in and security')} subtitle={t('Your password, where you are signed in, and every sign-in to your account.')}>
      <Card title={t('Change your password')} id="password">
        <ChangePasswordForm />
      </Card>
      <Card title={t('Where you are signed in')} id="sessions">
        <Sessions />
      </Card>
      <Card title={t('Recent sign-ins')} id="sign-ins">
        <SignIns />
      </Card>
    </Page>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = next !== repeat;
    setMismatch(differs);
    if (differs || change.isPending) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  };
  const formError = error && error.fieldViolations.length === 0 ? error.message : null;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <InputField
        id="current-password"
        label={t('Current password')}
        type="password"
        autoComplete="current-password"
        value={current}
        onValueChange={setCurrent}
        error={error?.fieldError('current_password')}
      />
      <div className="form__grid">
        <InputField
          id="new-password"
          label={t('New password')}
          type="password"
          autoComplete="new-password"
          value={next}
          onValueChange={setNext}
          error={error?.fieldError('new_password')}
          hint={t('12 to 128 characters. A few unrelated words make a strong one.')}
        />
        <InputField
          id="repeat-password"
          label={t('New password again')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onValueChange={setRepeat}
          error={mismatch ? t('The two new passwords differ.') : undefined}
        />
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {change.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('Your password is changed. {{count}} other sessions were signed out.', { count: change.data.endedSessions ?? 0 })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" aria-disabled={change.isPending}>
          {change.isPending ? t('Changing password…') : t('Change password')}
        </button>
      </div>
    </form>
  );
}

function Device({ agent }: { agent: string | undefined }) {
  const { t } = useTranslation();
  const { browser, system } = describeAgent(agent);
  if (browser && system) return <>{t('{{browser}} on {{system}}', { browser, system })}</>;
  return <>{browser ?? system ?? t('Unknown browser')}</>;
}

function Sessions() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const end = useEndSession();
  return (
    <QueryView query={sessions}>
      {(rows: Session[]) =>
        rows.length === 0 ? (
          <Empty>{t('No sessions.')}</Empty>
        ) : (
          <ul className="plain-list sessions" data-testid="session-list">
            {rows.map((s) => (
              <li key={s.id} className="sessions__row">
                <div>
                  <strong>
                    <Device agent={s.agent} />
                  </strong>
                  {s.current && <span className="pill pill--success">{t('This session')}</span>}
                  <span className="muted small block">
                    {t('Signed in {{time}} from {{address}}', { time: formatDateTime(s.createTime), address: s.address || t('an unknown address') })}
                    {' · '}
                    {t('ends {{time}}', { time: formatDateTime(s.expireTime) })}
                  </span>
                </div>
                {!s.current && (
                  <button
                    type="button"
                    className="button button--ghost button--small button--inline"
                    disabled={end.isPending && end.variables === s.id}
                    onClick={() => end.mutate(s.id ?? '')}
                  >
                    {t('Sign out')}
                    <span className="visually-hidden">
                      {' '}
                      <Device agent={s.agent} />, {formatDateTime(s.createTime)}
                    </span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      }
    </QueryView>
  );
}

const kOutcomes: Record<string, { label: string; tone: string }> = {
  SIGN_IN_OUTCOME_SIGNED_IN: { label: 'Signed in', tone: 'success' },
  SIGN_IN_OUTCOME_REFUSED: { label: 'Wrong password', tone: 'danger' },
  SIGN_IN_OUTCOME_LOCKED_OUT: { label: 'Locked out', tone: 'warning' },
};

function SignIns() {
  const { t } = useTranslation();
  const signIns = useSignIns();
  return (
    <QueryView query={signIns}>
      {(data) => {
        const rows: SignIn[] = data.pages.flatMap((p) => p.signIns ?? []);
        if (rows.length === 0) return <Empty>{t('No sign-ins yet.')}</Empty>;
        return (
          <>
            <table className="table table--cards" data-testid="sign-in-list">
              <thead>
                <tr>
                  <th scope="col">{t('When')}</th>
                  <th scope="col">{t('Outcome')}</th>
                  <th scope="col">{t('Browser')}</th>
                  <th scope="col">{t('Address')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => {
                  const outcome = kOutcomes[s.outcome ?? ''];
                  return (
                    <tr key={s.id}>
                      <td data-label={t('When')}>{formatDateTime(s.time)}</td>
                      <td data-label={t('Outcome')}>
                        <span className={`pill pill--${outcome?.tone ?? 'info'}`}>{t(outcome?.label ?? 'Unknown')}</span>
                      </td>
                      <td data-label={t('Browser')}>
                        <Device agent={s.agent} />
                      </td>
                      <td data-label={t('Address')}>{s.address}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="muted small">{t('A sign-in you do not recognise? Change your password: that signs out every other session.')}</p>
            <LoadMore query={signIns} label={t('Show earlier sign-ins')} />
          </>
        );
      }}
    </QueryView>
  );
}
