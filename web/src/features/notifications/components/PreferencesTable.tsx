import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryName, DELIVERY_LABELS, kDeliveries } from '../labels';
import type { Category, PreferenceControl, PreferenceRow } from '../preferences';
import { Switch } from './Switch';

interface PreferencesTableProps {
  id: string;
  caption: string;
  rows: readonly PreferenceRow[];
  // Called with the row as changed; without it the table only shows the choices.
  onChange?: (row: PreferenceRow) => void;
  // Rows whose controls are locked (e.g. going back to the default).
  locked?: (category: Category) => boolean;
  errorAt?: (category: Category, control: PreferenceControl) => string | undefined;
  // The last column: where the row's choice comes from, and what can be done about it.
  sourceHeading: string;
  source: (row: PreferenceRow) => ReactNode;
}

// Per category: in the portal, by email, and how email is delivered. Used for a person's own
// settings and a partner's defaults.
export function PreferencesTable({ id, caption, rows, onChange, locked, errorAt, sourceHeading, source }: PreferencesTableProps) {
  const { t } = useTranslation();
  return (
    <table className="table table--cards preferences" id={id}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('Category')}</th>
          <th scope="col">{t('In the portal')}</th>
          <th scope="col">{t('By email')}</th>
          <th scope="col">{t('Email delivery')}</th>
          <th scope="col">{sourceHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const name = categoryName(t, row.category);
          const rowId = `${id}-${row.category.replace('NOTIFICATION_CATEGORY_', '').toLowerCase()}`;
          const disabled = !onChange || !!locked?.(row.category);
          const set = (change: Partial<PreferenceRow>) => onChange?.({ ...row, ...change });
          const rowError = errorAt?.(row.category, 'row');
          const deliveryError = errorAt?.(row.category, 'delivery');
          return (
            <tr key={row.category} data-testid={rowId}>
              <th scope="row">
                {name}
                {rowError && (
                  <span className="field-error block" role="alert">
                    {rowError}
                  </span>
                )}
              </th>
              <td data-label={t('In the portal')}>
                <Switch
                  id={`${rowId}-in-app`}
                  label={t('In the portal: {{category}}', { category: name })}
                  checked={row.inApp}
                  disabled={disabled}
                  onChange={(inApp) => set({ inApp })}
                  error={errorAt?.(row.category, 'inApp')}
                />
              </td>
              <td data-label={t('By email')}>
                <Switch
                  id={`${rowId}-email`}
                  label={t('By email: {{category}}', { category: name })}
                  checked={row.email}
                  disabled={disabled}
                  onChange={(email) => set({ email })}
                  error={errorAt?.(row.category, 'email')}
                />
              </td>
              <td data-label={t('Email delivery')}>
                <span className="preferences__delivery">
                  <select
                    id={`${rowId}-delivery`}
                    aria-label={t('Email delivery: {{category}}', { category: name })}
                    value={row.delivery}
                    disabled={disabled || !row.email}
                    onChange={(e) => set({ delivery: e.target.value as typeof row.delivery })}
                    aria-invalid={deliveryError ? true : undefined}
                    aria-describedby={deliveryError ? `${rowId}-delivery-error` : undefined}
                  >
                    {kDeliveries.map((d) => (
                      <option key={d} value={d}>
                        {t(DELIVERY_LABELS[d])}
                      </option>
                    ))}
                  </select>
                  {deliveryError && (
                    <span id={`${rowId}-delivery-error`} className="field-error block" role="alert">
                      {deliveryError}
                    </span>
                  )}
                </span>
              </td>
              <td data-label={sourceHeading}>{source(row)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
