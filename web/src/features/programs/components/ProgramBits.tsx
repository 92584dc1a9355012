import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/ProgressBar';
import { Empty } from '@/components/Status';
import { labelOf, type Known, type ProgramStatus } from '@/lib/api/enums';
import { useProgramsById } from '@/lib/api/programs';
import type { IncentiveRule, Program } from '@/lib/api/schema';
import { percentOf } from '@/lib/decimal';
import { formatMoney } from '@/lib/format';
import { PROGRAM_STATUS_LABELS } from '@/lib/labels';
import { RULE_KIND_LABELS } from '../labels';
import { describeRule, ruleKind } from './program-draft';

const kTone: Record<Known<ProgramStatus>, string> = {
  PROGRAM_STATUS_DRAFT: 'pill--info',
  PROGRAM_STATUS_ACTIVE: 'pill--success',
  PROGRAM_STATUS_PAUSED: 'pill--warning',
  PROGRAM_STATUS_CLOSED: 'pill--danger',
};

export function ProgramStatusPill({ status }: { status: ProgramStatus | undefined }) {
  const { t } = useTranslation();
  return <span className={`pill program-pill ${labelOf(kTone, status) ?? 'pill--info'}`}>{t(labelOf(PROGRAM_STATUS_LABELS, status) ?? status ?? 'Unknown')}</span>;
}

// The budget, what is drawn and what is left, as figures and a bar.
export function BudgetBar({ program: p, compact = false }: { program: Program; compact?: boolean }) {
  const { t } = useTranslation();
  const drawn = formatMoney(p.budgetDrawn || '0', p.currencyCode);
  const left = formatMoney(p.budgetRemaining || '0', p.currencyCode);
  const budget = formatMoney(p.budget || '0', p.currencyCode);
  const percent = percentOf(p.budgetDrawn || '0', p.budget || '0');
  return (
    <div className={`budget ${compact ? 'budget--compact' : ''}`}>
      <div className="budget__figures">
        <strong>{budget}</strong>
        <span className="muted small">{t('{{drawn}} drawn · {{left}} left', { drawn, left })}</span>
      </div>
      <ProgressBar
        percent={percent}
        label={t('Budget drawn')}
        valueText={t('{{drawn}} of {{budget}} drawn', { drawn, budget })}
        tone={percent >= 90 ? 'accent' : 'brand'}
      />
    </div>
  );
}

// The × that removes one row of a list in the editor (a tier, a product, a target).
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--ghost button--small tier-row__remove" onClick={onClick} aria-label={label}>
      ×
    </button>
  );
}

// A program's rules in words, each with its kind.
export function RuleList({ rules, currency }: { rules: IncentiveRule[]; currency: string }) {
  const { t } = useTranslation();
  // The programs growth rules take their baseline from (last year's), by name.
  const baselines = useProgramsById(rules.flatMap((r) => (r.growth?.baselineProgramId && r.growth.baselineProgramId !== '0' ? [r.growth.baselineProgramId] : [])));
  if (rules.length === 0) return <Empty>{t('No rules yet.')}</Empty>;
  return (
    <ol className="rule-summary">
      {rules.map((rule) => {
        const kind = ruleKind(rule);
        return (
          <li key={rule.id}>
            <strong>{rule.name || rule.id}</strong> <span className="pill pill--info">{kind ? t(RULE_KIND_LABELS[kind]) : '?'}</span>
            <span className="muted small"> · {rule.id}</span>
            <p>{describeRule(rule, currency, t, (id) => baselines.get(id)?.name)}</p>
          </li>
        );
      })}
    </ol>
  );
}
