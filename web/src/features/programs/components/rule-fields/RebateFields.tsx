import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import type { RebateMode } from '@/lib/api/enums';
import type { RebateRule } from '@/lib/api/schema';
import { REBATE_MODE_LABELS } from '../../labels';
import { SkuPicker } from '../Pickers';
import { RemoveRowButton } from '../ProgramBits';
import { removeRow, updateRow, type RuleFieldNames } from './rule-field-names';

// A rebate: its mode, the volume tiers with their percentages, the extra percent of partner
// tiers, and the products it covers.
export function RebateFields({ rebate: r, onChange, names }: { rebate: RebateRule; onChange: (rebate: RebateRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<RebateRule>) => onChange({ ...r, ...patch });
  const tiers = r.tiers ?? [];
  const uplifts = r.partnerTierUplifts ?? [];
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
      <fieldset className="tier-table">
        <legend>{t('Partner tier uplifts')}</legend>
        <p className="field-hint">{t('Partners holding one of these tiers when a claim is approved earn this much more of each sale.')}</p>
        {error('rebate.partner_tier_uplifts') && (
          <p className="field-error" role="alert">
            {error('rebate.partner_tier_uplifts')}
          </p>
        )}
        <ol className="tier-rows">
          {uplifts.map((u, i) => (
            <li key={i} className="tier-row" aria-label={t('Uplift {{n}}', { n: i + 1 })}>
              <InputField
                id={id(`uplift-${i}-tier`)}
                label={t('Partner tier')}
                value={u.tier ?? ''}
                onValueChange={(tier) => set({ partnerTierUplifts: updateRow(uplifts, i, { tier }) })}
                error={error(`rebate.partner_tier_uplifts[${i}].tier`)}
              />
              <InputField
                id={id(`uplift-${i}-percent`)}
                label={t('Extra percent')}
                inputMode="decimal"
                value={u.percent ?? ''}
                onValueChange={(percent) => set({ partnerTierUplifts: updateRow(uplifts, i, { percent }) })}
                hint={t('0 to 100')}
                error={error(`rebate.partner_tier_uplifts[${i}].percent`)}
              />
              <RemoveRowButton label={t('Remove uplift {{n}}', { n: i + 1 })} onClick={() => set({ partnerTierUplifts: removeRow(uplifts, i) })} />
            </li>
          ))}
        </ol>
        <button type="button" className="button button--ghost button--small" onClick={() => set({ partnerTierUplifts: [...uplifts, { tier: '', percent: '' }] })}>
          {t('Add partner tier uplift')}
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
