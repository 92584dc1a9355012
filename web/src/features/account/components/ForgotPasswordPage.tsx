import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import { useRequestPasswordReset } from '../api/account';
import { PublicPanel } from './PublicPanel';
import '../account.css';

// A forgotten password: the person gives their email and gets a link, if it is an account's.
// The answer is the same either way, so the page tells nobody which addresses have accounts.
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const error = request.error instanceof ApiError ? request.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!request.isPending) request.mutate(email);
  };
  return (
    <PublicPanel title={t('Forgot your password?')}>
      {request.isSuccess ? (
        <p className="lead" role="status" data-testid="reset-requested">
          {t('If {{email}} belongs to an account, an email with a link to choose a new password is on its way. The link works once, for an hour.', {
            email: request.variables,
          })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="muted">{t('Give the email you sign in with, and we send you a link to choose a new password.')}</p>
          <InputField
            id="reset-email"
            label={t('Work email')}
            type="email"
            autoComplete="username"
            value={email}
            onValueChange={setEmail}
            error={error?.fieldError('email')}
            required
          />
          {error && error.fieldViolations.length === 0 && (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          )}
          <button type="submit" className="button button--primary" aria-disabled={request.isPending}>
            {request.isPending ? t('Sending…') : t('Send me a link')}
          </button>
        </form>
      )}
    </PublicPanel>
  );
}
