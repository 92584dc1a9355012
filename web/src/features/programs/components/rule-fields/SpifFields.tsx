import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import type { SpifRule } from '@/lib/api/schema';
import { RemoveRowButton } from '../ProgramBits';
import { removeRow, updateRow, type RuleFieldNames } from './rule-field-names';

// A SPIF: its sales window and the amount per unit of each product.
export function SpifFields({ spif: r, onChange, names }: { spif: SpifRule; onChange: (spif: SpifRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<SpifRule>) => onChange({ ...r, ...patch });
  const products = r.products ?? [];
  return (
    <>
      <div className="form__grid">
        <InputField
          id={id('start')}
          label={t('Window starts')}
          type="date"
          value={r.startDate ?? ''}
          onValueChange={(startDate) => set({ startDate })}
          error={error('spif.start_date')}
        />
        <InputField
          id={id('end')}
          label={t('Window ends')}
          type="date"
          value={r.endDate ?? ''}
          onValueChange={(endDate) => set({ endDate })}
          error={error('spif.end_date')}
        />
      </div>
      <fieldset className="tier-table">
        <legend>{t('Products and amount per unit')}</legend>
        {error('spif.products') && (
          <p className="field-error" role="alert">
            {error('spif.products')}
          </p>
        )}
        <ol className="tier-rows">
          {products.map((p, i) => (
            <li key={i} className="tier-row" aria-label={t('Product {{n}}', { n: i + 1 })}>
              <InputField
                id={id(`product-${i}-sku`)}
                label={t('Product {{n}} SKU', { n: i + 1 })}
                value={p.sku ?? ''}
                onValueChange={(sku) => set({ products: updateRow(products, i, { sku }) })}
                error={error(`spif.products[${i}].sku`)}
              />
              <InputField
                id={id(`product-${i}-amount`)}
                label={t('Product {{n}} amount per unit', { n: i + 1 })}
                inputMode="decimal"
                value={p.amountPerUnit ?? ''}
                onValueChange={(amountPerUnit) => set({ products: updateRow(products, i, { amountPerUnit }) })}
                hint={names.moneyHint}
                error={error(`spif.products[${i}].amount_per_unit`)}
              />
              <RemoveRowButton label={t('Remove product {{n}}', { n: i + 1 })} onClick={() => set({ products: removeRow(products, i) })} />
            </li>
          ))}
        </ol>
        <button type="button" className="button button--ghost button--small" onClick={() => set({ products: [...products, { sku: '', amountPerUnit: '' }] })}>
          {t('Add product')}
        </button>
      </fieldset>
    </>
  );
}
