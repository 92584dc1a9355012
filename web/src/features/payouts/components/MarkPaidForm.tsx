import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Statement } from '@/lib/api/schema';
import { statementKeys } from '@/lib/api/statements';
import { formatDay, formatMoney } from '@/lib/format';
import { useMarkPaid } from '../api/payouts';

// Finance: records that an open statement was paid, with the bank or ERP payment reference,
// after saying what that does. Sends the statement's etag: a statement changed meanwhile is
// not paid on stale data.
export function MarkPaidForm({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const markPaid = useMarkPaid();
  const [reference, setReference] = useState('');
  const [check, setCheck] = useState<string | undefined>();
  const error = markPaid.error instanceof ApiError ? markPaid.error : null;
  const stale = error !== null && (error.code === 10 || error.httpStatus === 409);
  const amount = formatMoney(statement.total, statement.currencyCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (markPaid.isPending) return;
    const paymentReference = reference.trim();
    if (!paymentReference) {
      setCheck(t('Enter the payment reference, e.g. the bank transfer id.'));
      return;
    }
    setCheck(undefined);
    markPaid.mutate(
      { statementId: statement.id ?? '', paymentReference, etag: statement.etag },
      {
        onSuccess: () => {
          toasts.show(t('Statement {{id}} marked paid', { id: statement.id }), 'success');
          onDone();
        },
      },
    );
  };

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: statementKeys.all });
    onDone();
  };

  return (
    <form className="form mark-paid" onSubmit={submit} noValidate aria-label={t('Mark statement {{id}} paid', { id: statement.id })}>
      <p>
        {t('Pay {{amount}} to {{partner}} for {{start}} – {{end}}. Marking it paid posts the payout entry and marks fully paid claims as paid; it cannot be undone.', {
          amount,
          partner: statement.partnerName,
          start: formatDay(statement.periodStart),
          end: formatDay(statement.periodEnd),
        })}
      </p>
      <InputField
        id={`payment-reference-${statement.id}`}
        label={t('Payment reference')}
        value={reference}
        onValueChange={setReference}
        maxLength={100}
        autoComplete="off"
        hint={t('The bank transfer or ERP payment id, up to 100 characters.')}
        error={check ?? error?.fieldError('payment_reference')}
      />
      {error && !error.fieldError('payment_reference') && (
        <div className="form-error" role="alert">
          {stale ? t('This statement was changed by someone else. Reload it and check before paying.') : error.message}
          {stale && (
            <button type="button" className="button button--ghost button--small" onClick={reload}>
              {t('Reload')}
            </button>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button--success button--inline" disabled={markPaid.isPending}>
          {markPaid.isPending ? t('Recording payment…') : t('Confirm payment of {{amount}}', { amount })}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone} disabled={markPaid.isPending}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
