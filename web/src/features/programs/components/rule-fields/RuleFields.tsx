import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import type { ProgramErrors, RuleDraft } from '../program-draft';
import { BonusFields } from './BonusFields';
import { CoopAccrualFields } from './CoopAccrualFields';
import { GrowthFields } from './GrowthFields';
import { MdfAllocationFields } from './MdfAllocationFields';
import { PointsFields } from './PointsFields';
import { RebateFields } from './RebateFields';
import { ruleFieldNames, type RuleFieldNames } from './rule-field-names';
import { SpifFields } from './SpifFields';

interface RuleFieldsProps {
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  currency: string;
  errors: ProgramErrors;
}

// One rule's inputs: its name and id, then the fields of its kind.
export function RuleFields({ rule, onChange, currency, errors }: RuleFieldsProps) {
  const { t } = useTranslation();
  const names = ruleFieldNames(rule.key, errors, t('Amount in {{currency}}', { currency: currency || '—' }));
  const kindError = errors.rule(rule.key, '');
  return (
    <>
      {kindError && (
        <p className="field-error" role="alert">
          {kindError}
        </p>
      )}
      <div className="form__grid">
        <InputField
          id={names.id('name')}
          label={t('Rule name')}
          value={rule.name ?? ''}
          onValueChange={(name) => onChange({ ...rule, name })}
          maxLength={200}
          hint={t('Shown to partners.')}
          error={names.error('name')}
        />
        <InputField
          id={names.id('id')}
          label={t('Rule id')}
          value={rule.id ?? ''}
          onValueChange={(ruleId) => onChange({ ...rule, id: ruleId })}
          maxLength={40}
          hint={t('a-z, 0-9 and -; recorded on every reward.')}
          error={names.error('id')}
        />
      </div>
      <RuleKindFields rule={rule} onChange={onChange} currency={currency} names={names} />
    </>
  );
}

// The fields of the rule's kind (the oneof member that is set).
function RuleKindFields({ rule, onChange, currency, names }: { rule: RuleDraft; onChange: (rule: RuleDraft) => void; currency: string; names: RuleFieldNames }) {
  if (rule.rebate) return <RebateFields rebate={rule.rebate} onChange={(rebate) => onChange({ ...rule, rebate })} names={names} />;
  if (rule.spif) return <SpifFields spif={rule.spif} onChange={(spif) => onChange({ ...rule, spif })} names={names} />;
  if (rule.bonus) return <BonusFields bonus={rule.bonus} onChange={(bonus) => onChange({ ...rule, bonus })} names={names} />;
  if (rule.growth) return <GrowthFields growth={rule.growth} onChange={(growth) => onChange({ ...rule, growth })} names={names} />;
  if (rule.points) {
    return (
      <PointsFields
        points={rule.points}
        basis={rule.pointsBasis}
        currency={currency}
        onChange={(points, basis) => onChange({ ...rule, points, ...(basis ? { pointsBasis: basis } : {}) })}
        names={names}
      />
    );
  }
  if (rule.coopAccrual) return <CoopAccrualFields coopAccrual={rule.coopAccrual} onChange={(coopAccrual) => onChange({ ...rule, coopAccrual })} names={names} />;
  if (rule.mdfAllocation) {
    return <MdfAllocationFields mdfAllocation={rule.mdfAllocation} onChange={(mdfAllocation) => onChange({ ...rule, mdfAllocation })} names={names} />;
  }
  return null;
}
