import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { Card } from '@/components/Page';
import { ProgramPicker } from '@/components/ProgramPicker';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Dispute } from '@/lib/api/schema';
import { decimalInput } from '@/lib/decimal-input';
import { disputeKeys, useResolveDispute, type Resolution } from '../api/disputes';

type Outcome = 'adjustment' | 'refusal';
type Account = 'LEDGER_ACCOUNT_PAYABLE' | 'LEDGER_ACCOUNT_POINTS';

// Vendor staff resolve an open dispute: an adjustment entry (money payable in the program's
// currency, drawn from its budget, or points to the person who opened it), explained in words
// the partner reads on the entry, or a refusal with its reason. Sends the etag read: a dispute
// changed meanwhile is not resolved on stale data.
export function ResolveForm({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const resolve = useResolveDispute();
  const needsProgram = !dispute.programId || dispute.programId === '0';
  const [programId, setProgramId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('adjustment');
  const [account, setAccount] = useState<Account>('LEDGER_ACCOUNT_PAYABLE');
  const [amount, setAmount] = useState('');
  const [explanation, setExplanation] = useState('');
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<Record<string, string>>({});
  const error = resolve.error instanceof ApiError ? resolve.error : null;
  const stale = error !== null && (error.code === 10 || error.httpStatus === 409);
  const fieldErrors = ['adjustment.amount', 'adjustment.explanation', 'adjustment.account', 'adjustment.program_id', 'refusal.reason'];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (resolve.isPending) return;
    const found: Record<string, string> = {};
    if (outcome === 'adjustment') {
      if (needsProgram && !programId) found.program = t('Choose the program the adjustment is paid from.');
      if (!amount.trim()) found.amount = t('Enter the amount to add.');
      if (!explanation.trim()) found.explanation = t('Explain the adjustment; the partner reads it on the entry.');
    } else if (!reason.trim()) {
      found.reason = t('Give the reason for the refusal.');
    }
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const resolution: Resolution =
      outcome === 'adjustment'
        ? {
            adjustment: {
              ...(needsProgram ? { programId } : {}),
              account,
              amount: decimalInput(amount),
              explanation: explanation.trim(),
            },
          }
        : { refusal: { reason: reason.trim() } };
    resolve.mutate(
      { disputeId: dispute.id ?? '', etag: dispute.etag, resolution },
      { onSuccess: () => toasts.show(t('Dispute {{id}} resolved', { id: dispute.id }), 'success') },
    );
  };

  return (
    <Card title={t('Resolve')}>
      <form className="form dispute-resolve" onSubmit={submit} noValidate aria-label={t('Resolve dispute {{id}}', { id: dispute.id })}>
        <fieldset className="dispute-resolve__outcome">
          <legend>{t('Outcome')}</legend>
          <label>
            <input type="radio" name="dispute-outcome" value="adjustment" checked={outcome === 'adjustment'} onChange={() => setOutcome('adjustment')} />{' '}
            {t('Adjust: post an adjustment entry')}
          </label>
          <label>
            <input type="radio" name="dispute-outcome" value="refusal" checked={outcome === 'refusal'} onChange={() => setOutcome('refusal')} />{' '}
            {t('Refuse, with the reason')}
          </label>
        </fieldset>
        {outcome === 'adjustment' ? (
          <>
            {needsProgram && (
              <ProgramChoice value={programId} onChange={setProgramId} error={checks.program ?? error?.fieldError('adjustment.program_id')} />
            )}
            <SelectField
              id="dispute-account"
              label={t('Pay as')}
              value={account}
              onValueChange={(v) => setAccount(v as Account)}
              options={[
                { value: 'LEDGER_ACCOUNT_PAYABLE', label: t('Money, payable to the partner (drawn from the program budget)') },
                { value: 'LEDGER_ACCOUNT_POINTS', label: t('Points, to {{name}}', { name: dispute.openedByName }) },
              ]}
              error={error?.fieldError('adjustment.account') ?? (needsProgram ? undefined : error?.fieldError('adjustment.program_id'))}
            />
            <InputField
              id="dispute-amount"
              label={t('Amount')}
              value={amount}
              onValueChange={setAmount}
              inputMode="decimal"
              autoComplete="off"
              hint={t('Rounded to the currency’s cents (or whole points).')}
              error={checks.amount ?? error?.fieldError('adjustment.amount')}
            />
            <TextAreaField
              id="dispute-explanation"
              label={t('Explanation')}
              value={explanation}
              onValueChange={setExplanation}
              maxLength={500}
              rows={2}
              hint={t('Shown on the ledger entry: "Adjustment for dispute #{{id}}: …"', { id: dispute.id })}
              error={checks.explanation ?? error?.fieldError('adjustment.explanation')}
            />
          </>
        ) : (
          <TextAreaField
            id="dispute-reason"
            label={t('Reason')}
            value={reason}
            onValueChange={setReason}
            maxLength={2000}
            rows={3}
            error={checks.reason ?? error?.fieldError('refusal.reason')}
          />
        )}
        {error && !fieldErrors.some((f) => error.fieldError(f)) && (
          <div className="form-error" role="alert">
            {stale ? t('This dispute was changed by someone else. Reload it and check before resolving.') : error.message}
            {stale && (
              <button type="button" className="button button--ghost button--small" onClick={() => void queryClient.invalidateQueries({ queryKey: disputeKeys.all })}>
                {t('Reload')}
              </button>
            )}
          </div>
        )}
        <div className="button-row">
          <button type="submit" className={`button button--inline ${outcome === 'adjustment' ? 'button--success' : 'button--danger'}`} disabled={resolve.isPending}>
            {resolve.isPending ? t('Resolving…') : outcome === 'adjustment' ? t('Post adjustment') : t('Refuse dispute')}
          </button>
        </div>
      </form>
    </Card>
  );
}

// The program an adjustment is paid from, for a dispute that names none (points without a
// program, say): any program, found by name.
function ProgramChoice({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <ProgramPicker
      id="dispute-program"
      label={t('Paid from program')}
      value={value}
      onChange={onChange}
      emptyLabel={t('Choose a program')}
      hint={t('The dispute names no program; the adjustment needs one.')}
      error={error}
    />
  );
}
