import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { useResetPassword } from '../api/account';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { PublicPanel } from './PublicPanel';
import '../account.css';

// Where a reset email's link lands: choose the new password (twice), which uses up the link and
// signs the account out everywhere; then sign in with it. An invitation's link (`welcome`) lands
// here too, for the first password.
export function ResetPasswordPage({ token, welcome = false }: { token: string; welcome?: boolean }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const newPassword = useNewPassword();
  const error = reset.error instanceof ApiError ? reset.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword.confirmed() && !reset.isPending) reset.mutate({ token, newPassword: newPassword.password });
  };
  const title = welcome ? t('Welcome to the CIM Partner Portal') : t('Choose a new password');
  if (reset.isSuccess) {
    return (
      <PublicPanel title={title}>
        <p className="lead" role="status" data-testid="password-reset">
          {welcome
            ? t('Your password is set. Sign in with your email and the password you chose.')
            : t('Your new password is set, and every session of your account is signed out. Sign in with the new password.')}
        </p>
        <a className="button button--primary button--inline" href="/">
          {t('Sign in')}
        </a>
      </PublicPanel>
    );
  }
  return (
    <PublicPanel title={title}>
      <form onSubmit={submit} noValidate>
        {welcome && <p className="muted">{t('You were invited: choose the password you will sign in with.')}</p>}
        <NewPasswordFields
          state={newPassword}
          ids={['reset-password', 'reset-repeat']}
          labels={welcome ? [t('Password'), t('Password again')] : [t('New password'), t('New password again')]}
          error={error?.fieldError('new_password')}
        />
        {error && error.fieldViolations.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}{' '}
            {error.code === 9 && <a href="/forgot-password">{t('Ask for a new link')}</a>}
          </p>
        )}
        <button type="submit" className="button button--primary" aria-disabled={reset.isPending}>
          {reset.isPending ? t('Saving…') : welcome ? t('Set my password') : t('Set the new password')}
        </button>
      </form>
    </PublicPanel>
  );
}
