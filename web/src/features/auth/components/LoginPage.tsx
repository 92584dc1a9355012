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
  const loginMutation = useLogin();
  const error = loginMutation.error;
  const apiError = error instanceof ApiError ? error : null;
  const emailError = apiError?.fieldError('email');
  const passwordError = apiError?.fieldError('password');
  const formError =
    error && !emailError && !passwordError ? apiError?.message || t('Something went wrong. Please try again.') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (loginMutation.isPending) return;
    loginMutation.mutate({ email, password });
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
          {formError && (
            <p role="alert" className="form-error">
              {formError[0]!.toUpperCase() + formError.slice(1)}
            </p>
          )}
          <button type="submit" className="button button--primary" aria-disabled={loginMutation.isPending}>
            {loginMutation.isPending ? t('Signing in…') : t('Sign in')}
          </button>
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
