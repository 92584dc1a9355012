import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('Loading…')}
    </p>
  );
}

// A failed query or mutation, in words, with a retry where it makes sense.
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('Something went wrong. Please try again.');
  if (error instanceof ApiError) {
    if (error.httpStatus === 403) message = t('You do not have access to this.');
    else if (error.httpStatus === 404) message = t('This was not found. It may not exist, or it is not yours to see.');
    else message = error.message;
  }
  return (
    <div className="state state--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--ghost button--small" onClick={onRetry}>
          {t('Try again')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state--empty">{children}</p>;
}

interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

// Renders a query's loading and error states, and `children(data)` once it has data.
export function QueryView<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => React.ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
