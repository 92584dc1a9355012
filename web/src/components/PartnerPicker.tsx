import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartner, usePartners } from '@/lib/api/partners';

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
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const matches = usePartners({ nameContains: query || undefined }, 50);
  const current = usePartner(value || undefined);
  const options = (matches.data?.pages ?? []).flatMap((p) => p.partners ?? []).filter((p) => p.id !== excludeId);
  const currentMissing = value && !options.some((p) => p.id === value);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field partner-picker ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="partner-picker__row">
        <input
          type="search"
          className="partner-picker__search"
          aria-label={t('Search partners for “{{label}}”', { label })}
          placeholder={t('Search by name')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
          <option value="">{emptyLabel}</option>
          {currentMissing && <option value={value}>{current.data?.name ?? t('Partner #{{id}}', { id: value })}</option>}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {matches.isFetching && <span className="visually-hidden" role="status">{t('Searching…')}</span>}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
