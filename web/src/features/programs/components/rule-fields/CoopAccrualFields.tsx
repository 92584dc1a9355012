import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import type { CoopAccrualRule } from '@/lib/api/schema';
import { SkuPicker } from '../Pickers';
import type { RuleFieldNames } from './rule-field-names';

// A co-op accrual: the percent of sales that goes into the partner's co-op fund, and the products.
export function CoopAccrualFields({ coopAccrual: r, onChange, names }: { coopAccrual: CoopAccrualRule; onChange: (coopAccrual: CoopAccrualRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  return (
    <>
      <InputField
        id={id('percent')}
        label={t('Percent of sales into the co-op fund')}
        inputMode="decimal"
        value={r.percent ?? ''}
        onValueChange={(percent) => onChange({ ...r, percent })}
        hint={t('0 to 100')}
        error={error('coop_accrual.percent')}
      />
      <SkuPicker
        id={id('skus')}
        label={t('Products (empty: all eligible products)')}
        skus={r.skus ?? []}
        onChange={(skus) => onChange({ ...r, skus })}
        error={names.listError('coop_accrual.skus')}
      />
    </>
  );
}
