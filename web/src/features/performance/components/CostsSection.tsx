import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { FormActions } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type ProgramCostCategory } from '@/lib/api/enums';
import type { ProgramCost } from '@/lib/api/schema';
import { decimalInput } from '@/lib/decimal-input';
import { formatDay, formatMoney, todayUtc } from '@/lib/format';
import { useAddProgramCost, useProgramCosts, useVoidProgramCost } from '../api/performance';
import { COST_CATEGORY_LABELS } from '../labels';

interface CostsSectionProps {
  programId: string;
  currency: string;
  // Program admins and finance enter and void costs; other vendor roles read them.
  canEdit: boolean;
}

// The costs entered against a program besides its rewards (admin, training, marketing): they
// count in the program's total cost and so in its ROI.
export function CostsSection({ programId, currency, canEdit }: CostsSectionProps) {
  const { t } = useTranslation();
  const costs = useProgramCosts(programId);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('Other program costs')}
      id="program-costs"
      actions={
        canEdit &&
        !adding && (
          <button type="button" className="button button--primary button--inline button--small" onClick={() => setAdding(true)}>
            {t('Add cost')}
          </button>
        )
      }
    >
      <p className="muted small">{t('Administration, training and marketing costs count in the total cost, next to the rewards paid.')}</p>
      {adding && <CostForm programId={programId} currency={currency} onDone={() => setAdding(false)} />}
      <QueryView query={costs}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('No costs entered yet.')}</Empty>
          ) : (
            <table className="table table--cards table--compact perf-costs">
              <thead>
                <tr>
                  <th scope="col">{t('Date')}</th>
                  <th scope="col">{t('Category')}</th>
                  <th scope="col">{t('Description')}</th>
                  <th scope="col" className="num">{t('Amount')}</th>
                  {canEdit && <th scope="col"><span className="visually-hidden">{t('Actions')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <CostRow key={c.id} cost={c} currency={currency} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Card>
  );
}

function CostRow({ cost, currency, canEdit }: { cost: ProgramCost; currency: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const voidCost = useVoidProgramCost();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr className={cost.voided ? 'perf-costs__voided' : undefined}>
      <td data-label={t('Date')}>{formatDay(cost.incurredOn)}</td>
      <td data-label={t('Category')}>
        {t(labelOf(COST_CATEGORY_LABELS, cost.category) ?? 'Unknown')}
        {cost.voided && <span className="pill pill--warning">{t('Voided')}</span>}
      </td>
      <td data-label={t('Description')}>{cost.description}</td>
      <td className="num" data-label={t('Amount')}>
        {cost.voided ? <s>{formatMoney(cost.amount, currency)}</s> : formatMoney(cost.amount, currency)}
      </td>
      {canEdit && (
        <td className="perf-costs__actions">
          {!cost.voided && !confirming && (
            <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(true)}>
              {t('Void')}{' '}
              <span className="visually-hidden">{cost.description}</span>
            </button>
          )}
          {confirming && (
            <span className="perf-costs__confirm">
              <span className="small">{t('Void this cost?')}</span>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={voidCost.isPending}
                onClick={() =>
                  voidCost.mutate(cost.id ?? '', {
                    onSuccess: () => {
                      setConfirming(false);
                      toasts.show(t('Cost voided'), 'success');
                    },
                  })
                }
              >
                {voidCost.isPending ? t('Voiding…') : t('Yes, void it')}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(false)}>
                {t('Keep')}
              </button>
            </span>
          )}
          {voidCost.isError && <ErrorMessage error={voidCost.error} />}
        </td>
      )}
    </tr>
  );
}

const kFields = ['category', 'amount', 'description', 'incurred_on'];

interface CostFormProps {
  programId: string;
  currency: string;
  onDone: () => void;
}

// Enters a cost; the API's field violations appear on their fields, any others above the buttons.
export function CostForm({ programId, currency, onDone }: CostFormProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const add = useAddProgramCost(programId);
  const [category, setCategory] = useState<ProgramCostCategory | ''>('');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [incurredOn, setIncurredOn] = useState(todayUtc());
  const error = add.error instanceof ApiError ? add.error : null;
  const field = (name: string) => error?.fieldError(name);
  const others = error?.fieldViolations.filter((v) => !kFields.includes(v.field)) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { category: category || undefined, amount: decimalInput(amount), description: description.trim(), incurredOn },
      {
        onSuccess: (cost) => {
          toasts.show(t('Cost of {{amount}} added', { amount: formatMoney(cost.amount, currency) }), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <form className="form perf-cost-form" onSubmit={submit} noValidate aria-label={t('Add a cost')}>
      <div className="form__grid">
        <SelectField
          id="cost-category"
          label={t('Category')}
          value={category}
          onValueChange={(v) => setCategory(v as ProgramCostCategory | '')}
          options={[
            { value: '', label: t('Choose…') },
            ...(Object.keys(COST_CATEGORY_LABELS) as Array<Known<ProgramCostCategory>>).map((c) => ({ value: c, label: t(COST_CATEGORY_LABELS[c]) })),
          ]}
          error={field('category')}
        />
        <InputField
          id="cost-amount"
          label={t('Amount ({{currency}})', { currency })}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onValueChange={setAmount}
          error={field('amount')}
        />
        <InputField id="cost-incurred-on" label={t('Incurred on')} type="date" value={incurredOn} onValueChange={setIncurredOn} error={field('incurred_on')} />
      </div>
      <TextAreaField id="cost-description" label={t('Description')} value={description} onValueChange={setDescription} rows={2} maxLength={500} error={field('description')} />
      {error && (others.length > 0 || error.fieldViolations.length === 0) && (
        <div className="form-error" role="alert">
          {others.length > 0 ? (
            <ul>
              {others.map((v, i) => (
                <li key={`${v.field}:${i}`}>
                  {v.field}: {v.description}
                </li>
              ))}
            </ul>
          ) : (
            <p>{error.message}</p>
          )}
        </div>
      )}
      {add.error && !(add.error instanceof ApiError) && <ErrorMessage error={add.error} />}
      <FormActions pending={add.isPending} submitLabel={t('Add cost')} pendingLabel={t('Adding…')} onCancel={onDone} />
    </form>
  );
}
