import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import { useBeginTwoStep, useConfirmTwoStep } from '../api/account';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';

// The secret in groups of four, as people type it into an app.
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

// Setting two-step sign-in up: (with it already on, the password first) a new secret as a QR code
// and as text, a code from the app to confirm it, then the recovery codes.
export function TwoStepSetup({
  account,
  needsPassword,
  onDone,
  onCancel,
  doneLabel,
}: {
  account: string;
  needsPassword: boolean;
  onDone: () => void;
  onCancel?: () => void;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  const begin = useBeginTwoStep();
  const confirm = useConfirmTwoStep();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes ?? []} account={account} onDone={onDone} doneLabel={doneLabel} />;
  }
  const beginError = begin.error instanceof ApiError ? begin.error : null;
  if (!begin.data) {
    const start = (e: FormEvent) => {
      e.preventDefault();
      if (!begin.isPending) begin.mutate(password);
    };
    return (
      <form className="form" onSubmit={start} noValidate>
        <p>
          {t(
            'You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP. It shows a new 6-digit code every 30 seconds, which you enter after your password.',
          )}
        </p>
        {needsPassword && (
          <InputField
            id="two-step-password"
            label={t('Current password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={beginError?.fieldError('current_password')}
          />
        )}
        {beginError && !beginError.fieldError('current_password') && (
          <p className="form-error" role="alert">
            {beginError.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline" aria-disabled={begin.isPending}>
            {begin.isPending ? t('Starting…') : t('Start')}
          </button>
          {onCancel && (
            <button type="button" className="button button--ghost button--inline" onClick={onCancel}>
              {t('Cancel')}
            </button>
          )}
        </div>
      </form>
    );
  }
  const confirmError = confirm.error instanceof ApiError ? confirm.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirm.isPending) confirm.mutate(code);
  };
  return (
    <form className="form two-step-setup" onSubmit={submit} noValidate>
      <ol className="two-step-setup__steps">
        <li>
          <p>{t('Scan this code with your authenticator app:')}</p>
          <QrCode text={begin.data.otpauthUri ?? ''} label={t('QR code for your authenticator app')} />
          <p className="muted small">
            {t('Cannot scan it? Type this key into the app instead:')}{' '}
            <code className="two-step-setup__secret" data-testid="two-step-secret">
              {grouped(begin.data.secret ?? '')}
            </code>
          </p>
        </li>
        <li>
          <InputField
            id="two-step-code"
            label={t('The 6-digit code the app shows')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onValueChange={setCode}
            error={confirmError?.fieldError('one_time_code')}
          />
        </li>
      </ol>
      {confirmError && !confirmError.fieldError('one_time_code') && (
        <p className="form-error" role="alert">
          {confirmError.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" aria-disabled={confirm.isPending}>
          {confirm.isPending ? t('Checking…') : t('Turn on two-step sign-in')}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--inline" onClick={onCancel}>
            {t('Cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
