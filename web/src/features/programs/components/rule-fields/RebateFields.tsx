import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import type { RebateMode } from '@/lib/api/enums';
import type { RebateRule } from '@/lib/api/schema';
import { REBATE_MODE_LABELS } from '../../labels';
import { SkuPicker } from '../Pickers';
import { RemoveRowButton } from '../ProgramBits';
import { removeRow, updateRow, type RuleFieldNames } from './rule-field-names';

// A rebate: its mode, the volume tiers with their percentages, and the products it covers.
export function RebateFields({ rebate: r, onChange, names }: { rebate: RebateRule; onChange: (rebate: RebateRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<RebateRule>) => onChange({ ...r, ...patch });
  const tiers = r.tiers ?? [];
  return (
    <>
      <SelectField
        id={id('mode')}
        label={t('Mode')}
        value={!r.mode || r.mode === 'REBATE_MODE_UNSPECIFIED' ? '' : r.mode}
        onValueChange={(mode) => set({ mode: (mode || 'REBATE_MODE_UNSPECIFIED') as RebateMode })}
        options={[{ value: '', label: t('Choose…') }, ...Object.entries(REBATE_MODE_LABELS).map(([value, label]) => ({ value, label: t(label) }))]}
        error={error('rebate.mode') ?? error('rebate')}
      />
      <fieldset className="tier-table">
        <legend>{t('Volume tiers')}</legend>
        <p className="field-hint">{t('Each tier applies from a period volume; the first starts at 0, each next one higher.')}</p>
        {error('rebate.tiers') && (
          <p className="field-error" role="alert">
            {error('rebate.tiers')}
          </p>
        )}
        <ol className="tier-rows">
          {tiers.map((tier, i) => (
            <li key={i} className="tier-row" aria-label={t('Tier {{n}}', { n: i + 1 })}>
              <InputField
                id={id(`tier-${i}-min`)}
                label={t('Tier {{n}} from volume', { n: i + 1 })}
                inputMode="decimal"
                value={tier.minVolume ?? ''}
                onValueChange={(minVolume) => set({ tiers: updateRow(tiers, i, { minVolume }) })}
                hint={names.moneyHint}
                error={error(`rebate.tiers[${i}].min_volume`)}
              />
              <InputField
                id={id(`tier-${i}-percent`)}
                label={t('Tier {{n}} percent', { n: i + 1 })}
                inputMode="decimal"
                value={tier.percent ?? ''}
                onValueChange={(percent) => set({ tiers: updateRow(tiers, i, { percent }) })}
                hint={t('0 to 100')}
                error={error(`rebate.tiers[${i}].percent`)}
              />
              <RemoveRowButton label={t('Remove tier {{n}}', { n: i + 1 })} onClick={() => set({ tiers: removeRow(tiers, i) })} />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => set({ tiers: [...tiers, { minVolume: tiers.length === 0 ? '0' : '', percent: '' }] })}
        >
          {t('Add tier')}
        </button>
      </fieldset>
      <SkuPicker
        id={id('skus')}
        label={t('Products (empty: all eligible products)')}
        skus={r.skus ?? []}
        onChange={(skus) => set({ skus })}
        error={names.listError('rebate.skus')}
      />
    </>
  );
}
