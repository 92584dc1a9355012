import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import type { BonusRule } from '@/lib/api/schema';
import { SkuPicker } from '../Pickers';
import type { RuleFieldNames } from './rule-field-names';

// A bonus: the period volume that earns it, its amount, and the products that count.
export function BonusFields({ bonus: r, onChange, names }: { bonus: BonusRule; onChange: (bonus: BonusRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<BonusRule>) => onChange({ ...r, ...patch });
  return (
    <>
      <div className="form__grid">
        <InputField
          id={id('target')}
          label={t('Target period volume')}
          inputMode="decimal"
          value={r.targetVolume ?? ''}
          onValueChange={(targetVolume) => set({ targetVolume })}
          hint={names.moneyHint}
          error={error('bonus.target_volume')}
        />
        <InputField
          id={id('amount')}
          label={t('Bonus amount')}
          inputMode="decimal"
          value={r.amount ?? ''}
          onValueChange={(amount) => set({ amount })}
          hint={names.moneyHint}
          error={error('bonus.amount')}
        />
      </div>
      <SkuPicker
        id={id('skus')}
        label={t('Products (empty: all eligible products)')}
        skus={r.skus ?? []}
        onChange={(skus) => set({ skus })}
        error={names.listError('bonus.skus')}
      />
    </>
  );
}
