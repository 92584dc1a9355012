import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api-client';
import { useLogin } from '../api/login';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const loginMutation = useLogin();
  const error = loginMutation.error;
  const apiError = error instanceof ApiError ? error : null;
  const emailError = apiError?.fieldError('email');
  const passwordError = apiError?.fieldError('password');
  const formError =
    error && !emailError && !passwordError
      ? apiError?.message || 'Something went wrong. Please try again.'
      : null;

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
          <span>CIM Partner Portal</span>
        </div>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Track your programs, points and rewards.</p>
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor="email">Work email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'email-error' : undefined}
            required
          />
          {emailError && (
            <p id="email-error" className="field-error" role="alert">
              Email {emailError}
            </p>
          )}
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? 'password-error' : undefined}
            required
          />
          {passwordError && (
            <p id="password-error" className="field-error" role="alert">
              Password {passwordError}
            </p>
          )}
          {formError && (
            <p role="alert" className="form-error">
              {formError[0].toUpperCase() + formError.slice(1)}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={loginMutation.isPending}
          >
            {loginMutation.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </section>
      <aside className="login__aside" aria-hidden="true">
        <h2>Every point and every cent, traceable.</h2>
        <p>Claims, rebates, badges and leaderboards for the partners who sell with you.</p>
      </aside>
    </main>
  );
}
