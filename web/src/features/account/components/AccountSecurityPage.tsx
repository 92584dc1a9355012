import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import type { Session, SignIn, TwoStep } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import {
  useChangePassword,
  useEndSession,
  useRenewRecoveryCodes,
  useSessions,
  useSignIns,
  useTurnOffTwoStep,
  useTwoStep,
} from '../api/account';
import { describeAgent } from '../agent';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { RecoveryCodes } from './RecoveryCodes';
import { TwoStepSetup } from './TwoStepSetup';
import '../account.css';

// Sign-in and security for the signed-in person: their password, two-step sign-in, the sessions
// they are signed in with (any but this one can be ended), and every attempt to sign in to their
// account.
export default function AccountSecurityPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Sign-in and security')} subtitle={t('Your password, where you are signed in, and every sign-in to your account.')}>
      <Card title={t('Change your password')} id="password">
        <ChangePasswordForm />
      </Card>
      <Card title={t('Two-step sign-in')} id="two-step">
        <TwoStepSection />
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
  const newPassword = useNewPassword();
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!newPassword.confirmed() || change.isPending) return;
    change.mutate(
      { currentPassword: current, newPassword: newPassword.password },
      {
        onSuccess: () => {
          setCurrent('');
          newPassword.clear();
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
        <NewPasswordFields
          state={newPassword}
          ids={['new-password', 'repeat-password']}
          labels={[t('New password'), t('New password again')]}
          error={error?.fieldError('new_password')}
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

// What the person can do with their two-step sign-in now; `mode` is the form open, if any.
type TwoStepMode = 'none' | 'setup' | 'renew' | 'turn-off';

function TwoStepSection() {
  const { t } = useTranslation();
  const twoStep = useTwoStep();
  const [mode, setMode] = useState<TwoStepMode>('none');
  const principal = usePrincipal();
  return (
    <QueryView query={twoStep}>
      {(state: TwoStep) => {
        if (mode === 'setup') {
          return (
            <TwoStepSetup
              account={principal.email ?? ''}
              needsPassword={!!state.enabled}
              onDone={() => setMode('none')}
              onCancel={() => setMode('none')}
              doneLabel={t('Done')}
            />
          );
        }
        if (mode === 'renew' || mode === 'turn-off') {
          return <PasswordConfirmedAction mode={mode} account={principal.email ?? ''} onClose={() => setMode('none')} />;
        }
        const left = state.recoveryCodesLeft ?? 0;
        return (
          <div className="two-step" data-testid="two-step-state">
            {state.enabled ? (
              <>
                <p>
                  <span className="pill pill--success">{t('On')}</span>{' '}
                  {t('Since {{time}}, sign-in asks for a code from your authenticator app after your password.', {
                    time: formatDateTime(state.enableTime),
                  })}
                </p>
                <p className={left <= 2 ? 'two-step__low' : 'muted'}>
                  {t('{{count}} recovery codes left.', { count: left })}
                  {left <= 2 && ` ${t('Renew them before you run out.')}`}
                </p>
              </>
            ) : (
              <p>
                <span className="pill pill--info">{t('Off')}</span>{' '}
                {t('Add a second step to sign-in: a code from an app on your phone, so that your password alone opens nothing.')}
              </p>
            )}
            {state.required && <p className="muted small">{t('Your role requires two-step sign-in: it cannot be turned off.')}</p>}
            <div className="button-row">
              <button type="button" className="button button--primary button--inline" onClick={() => setMode('setup')}>
                {state.enabled ? t('Move to a new phone') : t('Set up two-step sign-in')}
              </button>
              {state.enabled && (
                <button type="button" className="button button--ghost button--inline" onClick={() => setMode('renew')}>
                  {t('New recovery codes')}
                </button>
              )}
              {state.enabled && !state.required && (
                <button type="button" className="button button--ghost button--inline" onClick={() => setMode('turn-off')}>
                  {t('Turn off')}
                </button>
              )}
            </div>
          </div>
        );
      }}
    </QueryView>
  );
}

// New recovery codes or turning two-step sign-in off: both after the current password.
function PasswordConfirmedAction({ mode, account, onClose }: { mode: 'renew' | 'turn-off'; account: string; onClose: () => void }) {
  const { t } = useTranslation();
  const renew = useRenewRecoveryCodes();
  const turnOff = useTurnOffTwoStep();
  const action = mode === 'renew' ? renew : turnOff;
  const [password, setPassword] = useState('');
  if (mode === 'renew' && renew.data) {
    return <RecoveryCodes codes={renew.data.recoveryCodes ?? []} account={account} onDone={onClose} doneLabel={t('Done')} />;
  }
  const error = action.error instanceof ApiError ? action.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action.isPending) return;
    if (mode === 'renew') renew.mutate(password);
    else turnOff.mutate(password, { onSuccess: onClose });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {mode === 'renew'
          ? t('New recovery codes replace the old ones, used or not.')
          : t('Without two-step sign-in, your password alone signs in to your account.')}
      </p>
      <InputField
        id="two-step-action-password"
        label={t('Current password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onValueChange={setPassword}
        error={error?.fieldError('current_password')}
      />
      {error && !error.fieldError('current_password') && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className={`button button--inline ${mode === 'renew' ? 'button--primary' : 'button--danger'}`} aria-disabled={action.isPending}>
          {mode === 'renew' ? t('Make new recovery codes') : t('Turn off two-step sign-in')}
        </button>
        <button type="button" className="button button--ghost button--inline" onClick={onClose}>
          {t('Cancel')}
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
  SIGN_IN_OUTCOME_CODE_REFUSED: { label: 'Right password, wrong code', tone: 'danger' },
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
