import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import type { IncentiveRule } from '@/lib/api/schema';
import { BASELINE_LABELS, REBATE_MODE_LABELS, RULE_KIND_LABELS, type RuleKind } from '../labels';
import { SkuPicker } from './Pickers';
import { newRule, RULE_KINDS, ruleKind, type ProgramErrors, type RuleDraft } from './program-draft';
import { RemoveRowButton } from './ProgramBits';

interface RuleEditorProps {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  currency: string;
  programStart: string;
  programEnd: string;
  errors: ProgramErrors;
  // The simulation, shown under the rules.
  children?: ReactNode;
}

// Adds, removes, reorders and edits a program's incentive rules; the server's violations show
// next to the input they name.
export function RuleEditor({ rules, onChange, currency, programStart, programEnd, errors, children }: RuleEditorProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RuleKind>('rebate');
  const replace = (key: string, next: RuleDraft) => onChange(rules.map((r) => (r.key === key ? next : r)));
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    onChange(next);
  };
  const listError = errors.at('rules');
  return (
    <div className="rule-editor" data-testid="rule-editor">
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      {rules.length === 0 && <p className="muted">{t('No rules yet. A program needs at least one rule to be activated.')}</p>}
      <ol className="rule-list">
        {rules.map((rule, index) => (
          <li key={rule.key} className="rule-card" aria-label={t('Rule {{n}}', { n: index + 1 })}>
            <div className="rule-card__head">
              <h3>
                {t('Rule {{n}}', { n: index + 1 })} · {t(RULE_KIND_LABELS[ruleKind(rule) ?? 'rebate'])}
              </h3>
              <div className="rule-card__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={t('Move rule {{n}} up', { n: index + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => move(index, 1)}
                  disabled={index === rules.length - 1}
                  aria-label={t('Move rule {{n}} down', { n: index + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => onChange(rules.filter((r) => r.key !== rule.key))}
                  aria-label={t('Remove rule {{n}}', { n: index + 1 })}
                >
                  {t('Remove')}
                </button>
              </div>
            </div>
            <RuleFields rule={rule} onChange={(next) => replace(rule.key, next)} currency={currency} errors={errors} />
          </li>
        ))}
      </ol>
      <div className="rule-editor__add">
        <label className="inline-select">
          <span>{t('Kind of rule')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(RULE_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onChange([...rules, newRule(kind, rules, { start: programStart, end: programEnd })])}
        >
          {t('Add rule')}
        </button>
      </div>
      {children}
    </div>
  );
}

interface RuleFieldsProps {
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  currency: string;
  errors: ProgramErrors;
}

function RuleFields({ rule, onChange, currency, errors }: RuleFieldsProps) {
  const { t } = useTranslation();
  const k = rule.key;
  const id = (name: string) => `rule-${k}-${name}`;
  const err = (rest: string) => errors.rule(k, rest);
  const kindError = errors.rule(k, '');
  const set = (patch: Partial<IncentiveRule>) => onChange({ ...rule, ...patch });
  const money = t('Amount in {{currency}}', { currency: currency || '—' });

  let body: ReactNode = null;
  if (rule.rebate) {
    const r = rule.rebate;
    const setRebate = (patch: Partial<typeof r>) => set({ rebate: { ...r, ...patch } });
    const tiers = r.tiers ?? [];
    body = (
      <>
        <SelectField
          id={id('mode')}
          label={t('Mode')}
          value={!r.mode || r.mode === 'REBATE_MODE_UNSPECIFIED' ? '' : r.mode}
          onValueChange={(mode) => setRebate({ mode: (mode || 'REBATE_MODE_UNSPECIFIED') as typeof r.mode })}
          options={[
            { value: '', label: t('Choose…') },
            ...Object.entries(REBATE_MODE_LABELS).map(([value, label]) => ({ value, label: t(label) })),
          ]}
          error={err('rebate.mode') ?? err('rebate')}
        />
        <fieldset className="tier-table">
          <legend>{t('Volume tiers')}</legend>
          <p className="field-hint">{t('Each tier applies from a period volume; the first starts at 0, each next one higher.')}</p>
          {errors.rule(k, 'rebate.tiers') && (
            <p className="field-error" role="alert">
              {errors.rule(k, 'rebate.tiers')}
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
                  onValueChange={(minVolume) => setRebate({ tiers: tiers.map((x, j) => (j === i ? { ...x, minVolume } : x)) })}
                  hint={money}
                  error={err(`rebate.tiers[${i}].min_volume`)}
                />
                <InputField
                  id={id(`tier-${i}-percent`)}
                  label={t('Tier {{n}} percent', { n: i + 1 })}
                  inputMode="decimal"
                  value={tier.percent ?? ''}
                  onValueChange={(percent) => setRebate({ tiers: tiers.map((x, j) => (j === i ? { ...x, percent } : x)) })}
                  hint={t('0 to 100')}
                  error={err(`rebate.tiers[${i}].percent`)}
                />
                <RemoveRowButton label={t('Remove tier {{n}}', { n: i + 1 })} onClick={() => setRebate({ tiers: tiers.filter((_, j) => j !== i) })} />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setRebate({ tiers: [...tiers, { minVolume: tiers.length === 0 ? '0' : '', percent: '' }] })}
          >
            {t('Add tier')}
          </button>
        </fieldset>
        <SkuPicker
          id={id('skus')}
          label={t('Products (empty: all eligible products)')}
          skus={r.skus ?? []}
          onChange={(skus) => setRebate({ skus })}
          error={errors.ruleList(k, 'rebate.skus')}
        />
      </>
    );
  } else if (rule.spif) {
    const r = rule.spif;
    const setSpif = (patch: Partial<typeof r>) => set({ spif: { ...r, ...patch } });
    const products = r.products ?? [];
    body = (
      <>
        <div className="form__grid">
          <InputField
            id={id('start')}
            label={t('Window starts')}
            type="date"
            value={r.startDate ?? ''}
            onValueChange={(startDate) => setSpif({ startDate })}
            error={err('spif.start_date')}
          />
          <InputField
            id={id('end')}
            label={t('Window ends')}
            type="date"
            value={r.endDate ?? ''}
            onValueChange={(endDate) => setSpif({ endDate })}
            error={err('spif.end_date')}
          />
        </div>
        <fieldset className="tier-table">
          <legend>{t('Products and amount per unit')}</legend>
          {errors.rule(k, 'spif.products') && (
            <p className="field-error" role="alert">
              {errors.rule(k, 'spif.products')}
            </p>
          )}
          <ol className="tier-rows">
            {products.map((p, i) => (
              <li key={i} className="tier-row" aria-label={t('Product {{n}}', { n: i + 1 })}>
                <InputField
                  id={id(`product-${i}-sku`)}
                  label={t('Product {{n}} SKU', { n: i + 1 })}
                  value={p.sku ?? ''}
                  onValueChange={(sku) => setSpif({ products: products.map((x, j) => (j === i ? { ...x, sku } : x)) })}
                  error={err(`spif.products[${i}].sku`)}
                />
                <InputField
                  id={id(`product-${i}-amount`)}
                  label={t('Product {{n}} amount per unit', { n: i + 1 })}
                  inputMode="decimal"
                  value={p.amountPerUnit ?? ''}
                  onValueChange={(amountPerUnit) =>
                    setSpif({ products: products.map((x, j) => (j === i ? { ...x, amountPerUnit } : x)) })
                  }
                  hint={money}
                  error={err(`spif.products[${i}].amount_per_unit`)}
                />
                <RemoveRowButton label={t('Remove product {{n}}', { n: i + 1 })} onClick={() => setSpif({ products: products.filter((_, j) => j !== i) })} />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setSpif({ products: [...products, { sku: '', amountPerUnit: '' }] })}
          >
            {t('Add product')}
          </button>
        </fieldset>
      </>
    );
  } else if (rule.bonus) {
    const r = rule.bonus;
    const setBonus = (patch: Partial<typeof r>) => set({ bonus: { ...r, ...patch } });
    body = (
      <>
        <div className="form__grid">
          <InputField
            id={id('target')}
            label={t('Target period volume')}
            inputMode="decimal"
            value={r.targetVolume ?? ''}
            onValueChange={(targetVolume) => setBonus({ targetVolume })}
            hint={money}
            error={err('bonus.target_volume')}
          />
          <InputField
            id={id('amount')}
            label={t('Bonus amount')}
            inputMode="decimal"
            value={r.amount ?? ''}
            onValueChange={(amount) => setBonus({ amount })}
            hint={money}
            error={err('bonus.amount')}
          />
        </div>
        <SkuPicker
          id={id('skus')}
          label={t('Products (empty: all eligible products)')}
          skus={r.skus ?? []}
          onChange={(skus) => setBonus({ skus })}
          error={errors.ruleList(k, 'bonus.skus')}
        />
      </>
    );
  } else if (rule.growth) {
    const r = rule.growth;
    const setGrowth = (patch: Partial<typeof r>) => set({ growth: { ...r, ...patch } });
    body = (
      <>
        <div className="form__grid">
          <SelectField
            id={id('baseline')}
            label={t('Compared with')}
            value={!r.baseline || r.baseline === 'BASELINE_PERIOD_UNSPECIFIED' ? '' : r.baseline}
            onValueChange={(baseline) => setGrowth({ baseline: (baseline || 'BASELINE_PERIOD_UNSPECIFIED') as typeof r.baseline })}
            options={[
              { value: '', label: t('Choose…') },
              ...Object.entries(BASELINE_LABELS).map(([value, label]) => ({ value, label: t(label) })),
            ]}
            error={err('growth.baseline')}
          />
          <InputField
            id={id('growth')}
            label={t('Minimum growth percent')}
            inputMode="decimal"
            value={r.minGrowthPercent ?? ''}
            onValueChange={(minGrowthPercent) => setGrowth({ minGrowthPercent })}
            error={err('growth.min_growth_percent')}
          />
          <InputField
            id={id('amount')}
            label={t('Reward amount')}
            inputMode="decimal"
            value={r.amount ?? ''}
            onValueChange={(amount) => setGrowth({ amount })}
            hint={money}
            error={err('growth.amount')}
          />
        </div>
        <SkuPicker
          id={id('skus')}
          label={t('Products (empty: all eligible products)')}
          skus={r.skus ?? []}
          onChange={(skus) => setGrowth({ skus })}
          error={errors.ruleList(k, 'growth.skus')}
        />
      </>
    );
  } else if (rule.points) {
    const r = rule.points;
    const basis = rule.pointsBasis ?? (r.pointsPerUnit ? 'unit' : 'currency');
    const rate = (basis === 'unit' ? r.pointsPerUnit : r.pointsPerCurrencyUnit) ?? '';
    body = (
      <>
        <div className="form__grid">
          <SelectField
            id={id('basis')}
            label={t('Points per')}
            value={basis}
            onValueChange={(next) =>
              onChange({
                ...rule,
                pointsBasis: next as 'currency' | 'unit',
                points: {
                  ...r,
                  pointsPerCurrencyUnit: next === 'currency' ? rate : '',
                  pointsPerUnit: next === 'unit' ? rate : '',
                },
              })
            }
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
            onValueChange={(value) =>
              set({
                points: {
                  ...r,
                  pointsPerCurrencyUnit: basis === 'currency' ? value : '',
                  pointsPerUnit: basis === 'unit' ? value : '',
                },
              })
            }
            hint={basis === 'currency' ? t('e.g. 0.1: one point per 10 of sales') : undefined}
            error={err(basis === 'unit' ? 'points.points_per_unit' : 'points.points_per_currency_unit') ?? err('points')}
          />
        </div>
        <SkuPicker
          id={id('skus')}
          label={t('Products (empty: all eligible products)')}
          skus={r.skus ?? []}
          onChange={(skus) => set({ points: { ...r, skus } })}
          error={errors.ruleList(k, 'points.skus')}
        />
      </>
    );
  } else if (rule.coopAccrual) {
    const r = rule.coopAccrual;
    body = (
      <>
        <InputField
          id={id('percent')}
          label={t('Percent of sales into the co-op fund')}
          inputMode="decimal"
          value={r.percent ?? ''}
          onValueChange={(percent) => set({ coopAccrual: { ...r, percent } })}
          hint={t('0 to 100')}
          error={err('coop_accrual.percent')}
        />
        <SkuPicker
          id={id('skus')}
          label={t('Products (empty: all eligible products)')}
          skus={r.skus ?? []}
          onChange={(skus) => set({ coopAccrual: { ...r, skus } })}
          error={errors.ruleList(k, 'coop_accrual.skus')}
        />
      </>
    );
  } else if (rule.mdfAllocation) {
    const r = rule.mdfAllocation;
    const setMdf = (patch: Partial<typeof r>) => set({ mdfAllocation: { ...r, ...patch } });
    const tierAmounts = r.tierAmounts ?? [];
    body = (
      <>
        <InputField
          id={id('per-partner')}
          label={t('Amount per partner')}
          inputMode="decimal"
          value={r.amountPerPartner ?? ''}
          onValueChange={(amountPerPartner) => setMdf({ amountPerPartner })}
          hint={t('For partners whose tier has no amount below; empty: none.')}
          error={err('mdf_allocation.amount_per_partner') ?? err('mdf_allocation')}
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
                  onValueChange={(tier) => setMdf({ tierAmounts: tierAmounts.map((x, j) => (j === i ? { ...x, tier } : x)) })}
                  error={err(`mdf_allocation.tier_amounts[${i}].tier`)}
                />
                <InputField
                  id={id(`tier-amount-${i}-amount`)}
                  label={t('Amount')}
                  inputMode="decimal"
                  value={a.amount ?? ''}
                  onValueChange={(amount) => setMdf({ tierAmounts: tierAmounts.map((x, j) => (j === i ? { ...x, amount } : x)) })}
                  hint={money}
                  error={err(`mdf_allocation.tier_amounts[${i}].amount`)}
                />
                <RemoveRowButton label={t('Remove tier amount {{n}}', { n: i + 1 })} onClick={() => setMdf({ tierAmounts: tierAmounts.filter((_, j) => j !== i) })} />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setMdf({ tierAmounts: [...tierAmounts, { tier: '', amount: '' }] })}
          >
            {t('Add tier amount')}
          </button>
        </fieldset>
      </>
    );
  }

  return (
    <>
      {kindError && (
        <p className="field-error" role="alert">
          {kindError}
        </p>
      )}
      <div className="form__grid">
        <InputField
          id={id('name')}
          label={t('Rule name')}
          value={rule.name ?? ''}
          onValueChange={(name) => set({ name })}
          maxLength={200}
          hint={t('Shown to partners.')}
          error={err('name')}
        />
        <InputField
          id={id('id')}
          label={t('Rule id')}
          value={rule.id ?? ''}
          onValueChange={(ruleId) => set({ id: ruleId })}
          maxLength={40}
          hint={t('a-z, 0-9 and -; recorded on every reward.')}
          error={err('id')}
        />
      </div>
      {body}
    </>
  );
}
