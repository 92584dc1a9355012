import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import { kLanguages, setLanguage } from '@/lib/i18n';
import { useLogin } from '../api/login';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Two-step sign-in: once the server asks for a code after a right password, the form asks for
  // it too and sends all three.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const loginMutation = useLogin();
  const error = loginMutation.error;
  const apiError = error instanceof ApiError ? error : null;
  const emailError = apiError?.fieldError('email');
  const passwordError = apiError?.fieldError('password');
  const codeError = apiError?.fieldError('one_time_code');
  const formError =
    error && !emailError && !passwordError && !codeError ? apiError?.message || t('Something went wrong. Please try again.') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (loginMutation.isPending) return;
    loginMutation.mutate(
      { email, password, oneTimeCode: askCode ? code : '' },
      {
        onError: (e) => {
          if (e instanceof ApiError && e.fieldError('one_time_code')) setAskCode(true);
        },
      },
    );
  };
  const startOver = () => {
    setAskCode(false);
    setCode('');
    setPassword('');
    loginMutation.reset();
  };

  return (
    <main className="login">
      <section className="login__panel" aria-labelledby="login-title">
        <div className="brand brand--large">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>{t('CIM Partner Portal')}</span>
        </div>
        <h1 id="login-title">{t('Sign in')}</h1>
        <p className="muted">{t('Track your programs, points and rewards.')}</p>
        <form onSubmit={onSubmit} noValidate>
          {askCode ? (
            <div className="login__two-step">
              <p>{t('Two-step sign-in: enter the 6-digit code your authenticator app shows for {{email}}.', { email })}</p>
              <InputField
                id="one-time-code"
                label={t('Code from your app')}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                value={code}
                onValueChange={setCode}
                // The first ask is no error: it is the next step.
                error={code || loginMutation.variables?.oneTimeCode ? codeError : undefined}
                hint={t('Lost your phone? Enter one of your recovery codes instead.')}
              />
            </div>
          ) : (
            <>
              <InputField
                id="email"
                label={t('Work email')}
                type="email"
                autoComplete="username"
                value={email}
                onValueChange={setEmail}
                error={emailError}
                required
              />
              <InputField
                id="password"
                label={t('Password')}
                type="password"
                autoComplete="current-password"
                value={password}
                onValueChange={setPassword}
                error={passwordError}
                required
              />
            </>
          )}
          {formError && (
            <p role="alert" className="form-error">
              {formError[0]!.toUpperCase() + formError.slice(1)}
            </p>
          )}
          <button type="submit" className="button button--primary" aria-disabled={loginMutation.isPending}>
            {loginMutation.isPending ? t('Signing in…') : t('Sign in')}
          </button>
          {askCode && (
            <button type="button" className="button button--ghost" onClick={startOver}>
              {t('Use another account')}
            </button>
          )}
        </form>
        <p className="login__forgot">
          <a href="/forgot-password">{t('Forgot your password?')}</a>
        </p>
        <div className="login__language">
          <label htmlFor="login-language">{t('Language')}</label>
          <select id="login-language" value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
            {kLanguages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      </section>
      <aside className="login__aside" aria-hidden="true">
        <h2>{t('Every point and every cent, traceable.')}</h2>
        <p>{t('Claims, rebates, badges and leaderboards for the partners who sell with you.')}</p>
      </aside>
    </main>
  );
}
