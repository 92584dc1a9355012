import { useTranslation } from 'react-i18next';
import { usePartner, usePartners } from '@/lib/api/partners';
import { SearchPicker, useSearchBox } from './SearchPicker';

interface PartnerPickerProps {
  id: string;
  label: string;
  // A partner id, or '' for none.
  value: string;
  onChange: (partnerId: string) => void;
  // The option for no partner ("None", "All partners").
  emptyLabel: string;
  // A partner that may not be chosen (a partner cannot be its own parent).
  excludeId?: string;
  error?: string;
  hint?: string;
}

// Choose a partner by name from however many there are: a name search narrows the list.
export function PartnerPicker({ id, label, value, onChange, emptyLabel, excludeId, error, hint }: PartnerPickerProps) {
  const { t } = useTranslation();
  const search = useSearchBox();
  const matches = usePartners({ nameContains: search.query || undefined }, 50);
  const options = (matches.data?.items ?? []).filter((p) => p.id !== excludeId).map((p) => ({ value: p.id ?? '', label: p.name ?? '' }));
  // The chosen partner's name, read only when the matches do not have it.
  const current = usePartner(value && !matches.isPending && !options.some((o) => o.value === value) ? value : undefined);
  return (
    <SearchPicker
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      emptyLabel={emptyLabel}
      search={search}
      searchLabel={t('Search partners for “{{label}}”', { label })}
      placeholder={t('Search by name')}
      options={options}
      currentLabel={current.data?.name ?? t('Partner #{{id}}', { id: value })}
      searching={matches.isFetching}
      more={!!matches.hasNextPage}
      className="partner-picker"
      error={error}
      hint={hint}
    />
  );
}
