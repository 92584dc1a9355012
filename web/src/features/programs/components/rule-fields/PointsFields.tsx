import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import type { PointsRule } from '@/lib/api/schema';
import { SkuPicker } from '../Pickers';
import type { RuleDraft } from '../program-draft';
import type { RuleFieldNames } from './rule-field-names';

type PointsBasis = NonNullable<RuleDraft['pointsBasis']>;

interface PointsFieldsProps {
  points: PointsRule;
  // The rate the user chose while its value is still empty (else the one that is set).
  basis: PointsBasis | undefined;
  currency: string;
  onChange: (points: PointsRule, basis?: PointsBasis) => void;
  names: RuleFieldNames;
}

// A points rule: points per currency unit of sales or per unit sold (one of the two), and the
// products. Switching the basis moves the rate typed so far over.
export function PointsFields({ points: r, basis: chosen, currency, onChange, names }: PointsFieldsProps) {
  const { t } = useTranslation();
  const { id, error } = names;
  const basis = chosen ?? (r.pointsPerUnit ? 'unit' : 'currency');
  const rate = (basis === 'unit' ? r.pointsPerUnit : r.pointsPerCurrencyUnit) ?? '';
  const withRate = (next: PointsBasis, value: string): PointsRule => ({
    ...r,
    pointsPerCurrencyUnit: next === 'currency' ? value : '',
    pointsPerUnit: next === 'unit' ? value : '',
  });
  return (
    <>
      <div className="form__grid">
        <SelectField
          id={id('basis')}
          label={t('Points per')}
          value={basis}
          onValueChange={(next) => onChange(withRate(next as PointsBasis, rate), next as PointsBasis)}
          options={[
            { value: 'currency', label: t('{{currency}} 1 of sales', { currency: currency || '—' }) },
            { value: 'unit', label: t('Unit sold') },
          ]}
        />
        <InputField
          id={id('rate')}
          label={t('Points')}
          inputMode="decimal"
          value={rate}
          onValueChange={(value) => onChange(withRate(basis, value))}
          hint={basis === 'currency' ? t('e.g. 0.1: one point per 10 of sales') : undefined}
          error={error(basis === 'unit' ? 'points.points_per_unit' : 'points.points_per_currency_unit') ?? error('points')}
        />
      </div>
      <SkuPicker
        id={id('skus')}
        label={t('Products (empty: all eligible products)')}
        skus={r.skus ?? []}
        onChange={(skus) => onChange({ ...r, skus })}
        error={names.listError('points.skus')}
      />
    </>
  );
}
