// What the pickers of partners, programs and people share: a search box whose text the server
// searches (a moment after typing stops), and a select of the matches, with "none" first and the
import { describedBy, FieldNotes } from './Fields';
// chosen one kept even when the matches no longer include it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  value: string;
  label: string;
}

export interface SearchBox {
  // What the box shows.
  text: string;
  setText: (text: string) => void;
  // The trimmed text once typing has paused: what to send to the server.
  query: string;
}

// The search box's state, with its text sent on after `delayMs` without typing.
export function useSearchBox(delayMs = 250): SearchBox {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);
  return { text, setText, query };
}

export interface SearchPickerProps {
  id: string;
  label: string;
  // The chosen value, or '' for none.
  value: string;
  onChange: (value: string) => void;
  // The option for none ("None", "All programs", "Anyone").
  emptyLabel: string;
  search: SearchBox;
  // The search box's accessible name and placeholder.
  searchLabel: string;
  placeholder: string;
  // The matches of the search, as the server answered them.
  options: PickerOption[];
  // The chosen value's name, for when the matches do not include it.
  currentLabel: string;
  // The server is answering a search.
  searching: boolean;
  // More match than `options` shows: the search should narrow them.
  more: boolean;
  className?: string;
  error?: string;
  hint?: string;
}

export function SearchPicker({
  id,
  label,
  value,
  onChange,
  emptyLabel,
  search,
  searchLabel,
  placeholder,
  options,
  currentLabel,
  searching,
  more,
  className = '',
  error,
  hint,
}: SearchPickerProps) {
  const { t } = useTranslation();
  const currentMissing = value !== '' && !options.some((o) => o.value === value);
  const described = describedBy(id, error, hint);
  return (
    <div className={`field search-picker ${className} ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="search-picker__row">
        <input
          type="search"
          className="search-picker__search"
          aria-label={searchLabel}
          placeholder={placeholder}
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
        />
        <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described}>
          <option value="">{emptyLabel}</option>
          {currentMissing && <option value={value}>{currentLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {more && (
            <option value="" disabled>
              {t('More match than shown: search to narrow the list.')}
            </option>
          )}
        </select>
      </div>
      {searching && (
        <span className="visually-hidden" role="status">
          {t('Searching…')}
        </span>
      )}
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}
