import { useTranslation } from 'react-i18next';
import type { ProgramStatus } from '@/lib/api/enums';
import { useProgram, useProgramMatches } from '@/lib/api/programs';
import { SearchPicker, useSearchBox } from './SearchPicker';

interface ProgramPickerProps {
  id: string;
  label: string;
  // A program id, or '' for none.
  value: string;
  onChange: (programId: string) => void;
  // The option for no program ("All programs", "Choose a program").
  emptyLabel: string;
  // Only programs in this status.
  status?: ProgramStatus;
  error?: string;
  hint?: string;
}

// Choose a program by name from however many there are: a name search (on the server) narrows
// the list.
export function ProgramPicker({ id, label, value, onChange, emptyLabel, status, error, hint }: ProgramPickerProps) {
  const { t } = useTranslation();
  const search = useSearchBox();
  const matches = useProgramMatches(search.query, status);
  const options = (matches.data?.items ?? []).map((p) => ({ value: p.id ?? '', label: p.name ?? '' }));
  // The chosen program's name, read only when the matches do not have it.
  const current = useProgram(value && !matches.isPending && !options.some((o) => o.value === value) ? value : undefined);
  return (
    <SearchPicker
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      emptyLabel={emptyLabel}
      search={search}
      searchLabel={t('Search programs for “{{label}}”', { label })}
      placeholder={t('Search by name')}
      options={options}
      currentLabel={current.data?.name ?? t('Program #{{id}}', { id: value })}
      searching={matches.isFetching}
      more={!!matches.hasNextPage}
      className="program-picker"
      error={error}
      hint={hint}
    />
  );
}
