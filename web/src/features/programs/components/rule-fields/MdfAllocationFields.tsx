import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import type { MdfAllocationRule } from '@/lib/api/schema';
import { RemoveRowButton } from '../ProgramBits';
import { removeRow, updateRow, type RuleFieldNames } from './rule-field-names';

interface MdfAllocationFieldsProps {
  mdfAllocation: MdfAllocationRule;
  onChange: (mdfAllocation: MdfAllocationRule) => void;
  names: RuleFieldNames;
}

// An MDF allocation: an amount per tier, and one for partners of any other tier.
export function MdfAllocationFields({ mdfAllocation: r, onChange, names }: MdfAllocationFieldsProps) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<MdfAllocationRule>) => onChange({ ...r, ...patch });
  const tierAmounts = r.tierAmounts ?? [];
  return (
    <>
      <InputField
        id={id('per-partner')}
        label={t('Amount per partner')}
        inputMode="decimal"
        value={r.amountPerPartner ?? ''}
        onValueChange={(amountPerPartner) => set({ amountPerPartner })}
        hint={t('For partners whose tier has no amount below; empty: none.')}
        error={error('mdf_allocation.amount_per_partner') ?? error('mdf_allocation')}
      />
      <fieldset className="tier-table">
        <legend>{t('Amount per tier')}</legend>
        <ol className="tier-rows">
          {tierAmounts.map((a, i) => (
            <li key={i} className="tier-row" aria-label={t('Tier amount {{n}}', { n: i + 1 })}>
              <InputField
                id={id(`tier-amount-${i}-tier`)}
                label={t('Tier')}
                value={a.tier ?? ''}
                onValueChange={(tier) => set({ tierAmounts: updateRow(tierAmounts, i, { tier }) })}
                error={error(`mdf_allocation.tier_amounts[${i}].tier`)}
              />
              <InputField
                id={id(`tier-amount-${i}-amount`)}
                label={t('Amount')}
                inputMode="decimal"
                value={a.amount ?? ''}
                onValueChange={(amount) => set({ tierAmounts: updateRow(tierAmounts, i, { amount }) })}
                hint={names.moneyHint}
                error={error(`mdf_allocation.tier_amounts[${i}].amount`)}
              />
              <RemoveRowButton label={t('Remove tier amount {{n}}', { n: i + 1 })} onClick={() => set({ tierAmounts: removeRow(tierAmounts, i) })} />
            </li>
          ))}
        </ol>
        <button type="button" className="button button--ghost button--small" onClick={() => set({ tierAmounts: [...tierAmounts, { tier: '', amount: '' }] })}>
          {t('Add tier amount')}
        </button>
      </fieldset>
    </>
  );
}
