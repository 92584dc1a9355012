import { useTranslation } from 'react-i18next';
import type { Role } from '@/lib/api/enums';
import { useUserPages, useUsersById } from '@/lib/api/partners';
import type { User } from '@/lib/api/schema';
import { SearchPicker, useSearchBox } from './SearchPicker';

interface UserPickerProps {
  id: string;
  label: string;
  // A user id, or '' for none.
  value: string;
  onChange: (userId: string) => void;
  // The option for nobody in particular ("Anyone").
  emptyLabel: string;
  // Only people with this role, or of this partner.
  role?: Role;
  partnerId?: string;
  error?: string;
  hint?: string;
}

function userLabel(u: User): string {
  return u.email ? `${u.displayName} (${u.email})` : (u.displayName ?? '');
}

// Choose a person from however many there are: a search by name or email (on the server)
// narrows the list.
export function UserPicker({ id, label, value, onChange, emptyLabel, role, partnerId, error, hint }: UserPickerProps) {
  const { t } = useTranslation();
  const search = useSearchBox();
  const matches = useUserPages({ query: search.query || undefined, role, partnerId }, { keepPrevious: true });
  const options = (matches.data?.items ?? []).map((u) => ({ value: u.id ?? '', label: userLabel(u) }));
  // The chosen person's name, read by id only when the matches do not have them.
  const current = useUsersById(value && !matches.isPending && !options.some((o) => o.value === value) ? [value] : []).get(value);
  return (
    <SearchPicker
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      emptyLabel={emptyLabel}
      search={search}
      searchLabel={t('Search people for “{{label}}”', { label })}
      placeholder={t('Name or email')}
      options={options}
      currentLabel={current ? userLabel(current) : t('user {{id}}', { id: value })}
      searching={matches.isFetching}
      more={!!matches.hasNextPage}
      className="user-picker"
      error={error}
      hint={hint}
    />
  );
}
