import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/TextField';
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
          <TextField
            id="email"
            label="Work email"
            type="email"
            autoComplete="username"
            value={email}
            onValueChange={setEmail}
            error={emailError}
            required
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={passwordError}
            required
          />
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
