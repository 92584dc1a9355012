// The controls of list pages: status chips, and "load more" for lists that page through the
// server (lib/api/server-pages). Filters by program, partner or person are the pickers
// (ProgramPicker, PartnerPicker, UserPicker).
import { useTranslation } from 'react-i18next';

interface StatusChipsProps<S extends string> {
  statuses: readonly S[];
  labels: Record<S, string>;
  value: string | undefined;
  onChange: (status: S) => void;
  // Given: "All" comes first and calls it (no status chosen).
  onAll?: () => void;
}

export function StatusChips<S extends string>({ statuses, labels, value, onChange, onAll }: StatusChipsProps<S>) {
  const { t } = useTranslation();
  return (
    <div className="chips" role="group" aria-label={t('Status')}>
      {onAll && (
        <button type="button" className="chip" aria-pressed={!value} onClick={onAll}>
          {t('All')}
        </button>
      )}
      {statuses.map((s) => (
        <button key={s} type="button" className="chip" aria-pressed={value === s} onClick={() => onChange(s)}>
          {t(labels[s])}
        </button>
      ))}
    </div>
  );
}

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

// The button under a list that reads its next page from the server (absent on the last page,
// so a list never ends silently while the server has more).
export function LoadMore({ query, label }: { query: PagedQuery; label?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button type="button" className="button button--ghost load-more" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {query.isFetchingNextPage ? t('Loading…') : (label ?? t('Load more'))}
    </button>
  );
}
