import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldNotes } from '@/components/Fields';
import { usePartnersById } from '@/lib/api/partners';
import { useCatalog, useProductSearch } from '@/lib/api/programs';
import { usePartnerSearch } from '../api/programs';

interface ChipsProps {
  items: Array<{ value: string; label: string }>;
  onRemove: (value: string) => void;
  removeLabel: (label: string) => string;
}

function SelectedChips({ items, onRemove, removeLabel }: ChipsProps) {
  if (items.length === 0) return null;
  return (
    <ul className="picked" role="list">
      {items.map((item) => (
        <li key={item.value} className="picked__item">
          <span>{item.label}</span>
          <button type="button" className="picked__remove" aria-label={removeLabel(item.label)} onClick={() => onRemove(item.value)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

interface SkuPickerProps {
  id: string;
  label: string;
  skus: string[];
  onChange: (skus: string[]) => void;
  error?: string;
  hint?: string;
}

// SKUs chosen from the catalog (search by SKU or name); typed SKUs are taken as they are and the
// server says whether they exist.
export function SkuPicker({ id, label, skus, onChange, error, hint }: SkuPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useProductSearch(query.trim());
  const catalog = useCatalog();
  const listId = useId();
  const name = (sku: string) => catalog.data?.find((p) => p.sku === sku)?.name;
  const add = () => {
    const sku = query.trim();
    if (sku && !skus.includes(sku)) onChange([...skus, sku]);
    setQuery('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const described = describedBy(id, error, hint);
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <SelectedChips
        items={skus.map((sku) => ({ value: sku, label: name(sku) ? `${sku} · ${name(sku)}` : sku }))}
        onRemove={(sku) => onChange(skus.filter((s) => s !== sku))}
        removeLabel={(l) => t('Remove {{item}}', { item: l })}
      />
      <div className="picker__row">
        <input
          id={id}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          list={listId}
          autoComplete="off"
          placeholder={t('SKU or product name')}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        <button type="button" className="button button--ghost button--small" onClick={add} disabled={!query.trim()}>
          {t('Add')}
        </button>
      </div>
      <datalist id={listId}>
        {(query.trim() ? (search.data ?? []) : []).map((p) => (
          <option key={p.sku} value={p.sku}>
            {p.name}
          </option>
        ))}
      </datalist>
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}

interface PartnerPickerProps {
  id: string;
  label: string;
  partnerIds: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  hint?: string;
}

// Named partners, searched by name.
export function PartnerPicker({ id, label, partnerIds, onChange, error, hint }: PartnerPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = usePartnerSearch(query);
  const chosen = usePartnersById(partnerIds);
  const name = (pid: string) => chosen.get(pid)?.name ?? `#${pid}`;
  const matches = (search.data ?? []).filter((p) => p.id && !partnerIds.includes(p.id));
  const described = describedBy(id, error, hint);
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <SelectedChips
        items={partnerIds.map((pid) => ({ value: pid, label: name(pid) }))}
        onRemove={(pid) => onChange(partnerIds.filter((p) => p !== pid))}
        removeLabel={(l) => t('Remove {{item}}', { item: l })}
      />
      <input
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        placeholder={t('Search partners by name')}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {query.trim() && (
        <ul className="picker__results" aria-label={t('Matching partners')}>
          {search.isPending && <li className="muted small">{t('Searching…')}</li>}
          {!search.isPending && matches.length === 0 && <li className="muted small">{t('No partner matches.')}</li>}
          {matches.slice(0, 8).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange([...partnerIds, p.id ?? '']);
                  setQuery('');
                }}
              >
                {t('Add {{name}}', { name: p.name })}
              </button>
              <span className="muted small">
                {' '}
                · {p.tier} · {p.region}
              </span>
            </li>
          ))}
        </ul>
      )}
      <FieldNotes id={id} error={error} hint={hint} />
    </div>
  );
}
