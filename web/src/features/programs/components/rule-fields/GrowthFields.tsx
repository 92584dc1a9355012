import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { ProgramPicker } from '@/components/ProgramPicker';
import type { GrowthBaseline } from '@/lib/api/enums';
import type { GrowthRule } from '@/lib/api/schema';
import { BASELINE_LABELS } from '../../labels';
import { SkuPicker } from '../Pickers';
import type { RuleFieldNames } from './rule-field-names';

// A growth reward: the baseline period (in this program or last year's), the growth it takes,
// the amount, and the products.
export function GrowthFields({ growth: r, onChange, names }: { growth: GrowthRule; onChange: (growth: GrowthRule) => void; names: RuleFieldNames }) {
  const { t } = useTranslation();
  const { id, error } = names;
  const set = (patch: Partial<GrowthRule>) => onChange({ ...r, ...patch });
  return (
    <>
      <div className="form__grid">
        <SelectField
          id={id('baseline')}
          label={t('Compared with')}
          value={!r.baseline || r.baseline === 'BASELINE_PERIOD_UNSPECIFIED' ? '' : r.baseline}
          onValueChange={(baseline) => set({ baseline: (baseline || 'BASELINE_PERIOD_UNSPECIFIED') as GrowthBaseline })}
          options={[{ value: '', label: t('Choose…') }, ...Object.entries(BASELINE_LABELS).map(([value, label]) => ({ value, label: t(label) }))]}
          error={error('growth.baseline')}
        />
        <ProgramPicker
          id={id('baseline-program')}
          label={t('Baseline sales in')}
          value={r.baselineProgramId && r.baselineProgramId !== '0' ? r.baselineProgramId : ''}
          onChange={(baselineProgramId) => set({ baselineProgramId: baselineProgramId || '0' })}
          emptyLabel={t('This program')}
          hint={t("Last year's program, so that this year's first periods compare with last year's")}
          error={error('growth.baseline_program_id')}
        />
        <InputField
          id={id('growth')}
          label={t('Minimum growth percent')}
          inputMode="decimal"
          value={r.minGrowthPercent ?? ''}
          onValueChange={(minGrowthPercent) => set({ minGrowthPercent })}
          error={error('growth.min_growth_percent')}
        />
        <InputField
          id={id('amount')}
          label={t('Reward amount')}
          inputMode="decimal"
          value={r.amount ?? ''}
          onValueChange={(amount) => set({ amount })}
          hint={names.moneyHint}
          error={error('growth.amount')}
        />
      </div>
      <SkuPicker
        id={id('skus')}
        label={t('Products (empty: all eligible products)')}
        skus={r.skus ?? []}
        onChange={(skus) => set({ skus })}
        error={names.listError('growth.skus')}
      />
    </>
  );
}
