import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { usePartners } from '@/lib/api/partners';
import type { KudosBudget } from '@/lib/api/schema';
import { formatPoints } from '@/lib/format';
import { useKudosBudget, useSetKudosBudget } from '../api/engagement';

// Monthly kudos budgets: one for vendor staff, one per partner (for its partner admins).
export function KudosBudgetsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const [partnerId, setPartnerId] = useState('0');
  const budget = useKudosBudget(partnerId, true);
  const options = [
    { value: '0', label: t('Vendor staff') },
    ...(partners.data?.pages.flatMap((p) => p.partners ?? []) ?? []).map((p) => ({ value: p.id ?? '', label: p.name ?? '' })),
  ];
  return (
    <Card title={t('Kudos budgets')} id="kudos-budgets">
      <p className="muted small">{t('The points kudos givers may hand out per calendar month (UTC): vendor staff share one budget, each partner’s admins another.')}</p>
      <div className="form__grid">
        <SelectField id="kudos-partner" label={t('Budget of')} value={partnerId} onValueChange={setPartnerId} options={options} />
      </div>
      {partners.hasNextPage && (
        <button type="button" className="button button--ghost button--small" disabled={partners.isFetchingNextPage} onClick={() => void partners.fetchNextPage()}>
          {t('Load more partners')}
        </button>
      )}
      <QueryView query={budget}>{(b) => <BudgetView key={b.partnerId} budget={b} canEdit={canEdit} />}</QueryView>
    </Card>
  );
}

function BudgetView({ budget, canEdit }: { budget: KudosBudget; canEdit: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const save = useSetKudosBudget();
  const [monthly, setMonthly] = useState(budget.monthlyPoints ?? '');
  const apiError = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { partnerId: budget.partnerId ?? '', monthlyPoints: monthly.trim() },
      { onSuccess: (b) => toasts.show(t('Monthly budget set to {{points}} points', { points: formatPoints(b.monthlyPoints) }), 'success') },
    );
  };
  return (
    <>
      <dl className="facts" data-testid="kudos-budget">
        <div>
          <dt>{t('Monthly budget')}</dt>
          <dd>{t('{{points}} points', { points: formatPoints(budget.monthlyPoints) })}</dd>
        </div>
        <div>
          <dt>{t('Given in {{month}}', { month: budget.month })}</dt>
          <dd>{t('{{points}} points', { points: formatPoints(budget.spentPoints) })}</dd>
        </div>
        <div>
          <dt>{t('Left this month')}</dt>
          <dd>{t('{{points}} points', { points: formatPoints(budget.remainingPoints) })}</dd>
        </div>
      </dl>
      {canEdit && (
        <form className="form kudos-form" onSubmit={submit} noValidate>
          <InputField
            id="kudos-monthly"
            label={t('New monthly budget (points)')}
            inputMode="numeric"
            value={monthly}
            onValueChange={setMonthly}
            hint={t('Whole points, 0 for kudos without points')}
            error={apiError?.fieldError('monthly_points')}
          />
          <FormErrors error={save.error} shown={(f) => f === 'monthly_points'} />
          <button type="submit" className="button button--primary button--inline" disabled={save.isPending}>
            {save.isPending ? t('Saving…') : t('Set budget')}
          </button>
        </form>
      )}
    </>
  );
}
