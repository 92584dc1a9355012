import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, TextAreaField } from '@/components/Fields';
import { LoadMore, StatusChips } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { ProgramPicker } from '@/components/ProgramPicker';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type FundRequestStatus, type Known } from '@/lib/api/enums';
import { usePartner } from '@/lib/api/partners';
import { useProgramsById } from '@/lib/api/programs';
import type { FundRequest } from '@/lib/api/schema';
import { compareDecimals } from '@/lib/decimal';
import { decimalInput, formatDecimalInput } from '@/lib/decimal-input';
import { formatDay, formatMoney, formatRelative } from '@/lib/format';
import { FUND_LABELS, FUND_STATUS_LABELS, useDecideFundRequest, useFundRequest, useFundRequestQueue, useFunds, type FundDecision } from '../api/funds';
import { FundRequestAmounts, FundRequestProof, FundRequestTimeline } from './FundRequestRecord';

// The statuses the queue filters by: the two that wait for vendor staff first.
const kQueueStatuses: Array<Known<FundRequestStatus>> = [
  'FUND_REQUEST_STATUS_SUBMITTED',
  'FUND_REQUEST_STATUS_CLAIMED',
  'FUND_REQUEST_STATUS_APPROVED',
  'FUND_REQUEST_STATUS_REIMBURSED',
  'FUND_REQUEST_STATUS_REJECTED',
  'FUND_REQUEST_STATUS_CANCELLED',
];

// MDF and co-op requests of every partner for channel managers and program admins: pre-approve
// (reserving the amount) or refuse with a reason, then reimburse against the proof of
// performance (up to the pre-approved amount) or reject the claim with a reason.
export default function FundQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Known<FundRequestStatus>>('FUND_REQUEST_STATUS_SUBMITTED');
  const [programId, setProgramId] = useState('');
  const queue = useFundRequestQueue({ status, programId: programId || undefined });
  const programs = useProgramsById(queue.data?.items.map((r) => r.programId ?? '') ?? []);
  const programName = (id: string | undefined) => programs.get(id ?? '')?.name ?? `#${id}`;
  return (
    <Page title={t('Fund requests')} subtitle={t('Pre-approve MDF and co-op activities, then reimburse them against proof of performance.')}>
      <div className="filters">
        <StatusChips statuses={kQueueStatuses} labels={FUND_STATUS_LABELS} value={status} onChange={setStatus} />
        <ProgramPicker id="fund-queue-program" label={t('Program')} value={programId} onChange={setProgramId} emptyLabel={t('All programs')} />
      </div>
      <QueryView query={queue}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('Nothing waiting here.')}</Empty>;
          return (
            <>
              <ul className="request-list" data-testid="fund-queue">
                {rows.map((r) => (
                  <QueueItem key={r.id} request={r} programName={programName(r.programId)} />
                ))}
              </ul>
              <LoadMore query={queue} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

function QueueItem({ request: r, programName }: { request: FundRequest; programName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const partner = usePartner(r.partnerId);
  const fund = t(labelOf(FUND_LABELS, r.fund) ?? 'Unknown');
  return (
    <li className="request" data-testid={`fund-request-${r.id}`}>
      <div className="request__head">
        <div>
          <strong>{r.activity}</strong>
          <span className="muted small block">
            {partner.data?.name ?? `#${r.partnerId}`} · {programName} · {fund} · {formatDay(r.startDate)} – {formatDay(r.endDate)}
          </span>
        </div>
        <span className="pill pill--info">{t(labelOf(FUND_STATUS_LABELS, r.status) ?? 'Unknown')}</span>
      </div>
      <FundRequestAmounts request={r}>
        <div>
          <dt>{t('Last change')}</dt>
          <dd>{formatRelative(r.updateTime)}</dd>
        </div>
      </FundRequestAmounts>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{needsDecision(r) ? t('Review and decide') : t('Details and history')}</summary>
        {open && <RequestDetail request={r} />}
      </details>
    </li>
  );
}

function RequestDetail({ request }: { request: FundRequest }) {
  const { t } = useTranslation();
  const detail = useFundRequest(request);
  const funds = useFunds(request.partnerId);
  const balance = funds.data?.find((f) => f.programId === request.programId && f.fund === request.fund);
  return (
    <QueryView query={detail}>
      {(r) => (
        <div className="request__detail">
          {r.description && <p>{r.description}</p>}
          {balance && (
            <p className="small" data-testid="fund-available">
              {t('{{amount}} available in this fund', { amount: formatMoney(balance.available, balance.currencyCode) })}
            </p>
          )}
          <FundRequestProof request={r} />
          {r.proofNotes && <blockquote className="timeline__comment">{r.proofNotes}</blockquote>}
          <FundRequestTimeline request={r} />
          {needsDecision(r) && <DecisionForm request={r} />}
        </div>
      )}
    </QueryView>
  );
}

// Pre-approval (with the amount to reserve) or refusal of a request; reimbursement or rejection
// of its proof. A refusal or rejection needs a reason the partner reads.
function DecisionForm({ request: r }: { request: FundRequest }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const decide = useDecideFundRequest();
  const submitted = r.status === 'FUND_REQUEST_STATUS_SUBMITTED';
  const [amount, setAmount] = useState(formatDecimalInput(r.plannedCost));
  const [comment, setComment] = useState('');
  const error = decide.error instanceof ApiError ? decide.error : null;
  const payable = minAmount(r.actualCost, r.approvedAmount);
  const send = (decision: FundDecision, done: string) =>
    decide.mutate(
      { request: r, decision, comment: comment.trim(), amount: decision === 'approve' ? decimalInput(amount) : undefined },
      { onSuccess: () => toasts.show(done, 'success') },
    );
  return (
    <form className="form decision" noValidate onSubmit={(e) => e.preventDefault()}>
      {submitted ? (
        <InputField
          id={`amount-${r.id}`}
          label={t('Amount to reserve')}
          inputMode="decimal"
          value={amount}
          onValueChange={setAmount}
          hint={t('At most the planned cost, {{planned}}', { planned: formatMoney(r.plannedCost, r.currencyCode) })}
          error={error?.fieldError('amount')}
        />
      ) : (
        <p className="small">
          {t('Reimbursing pays {{amount}}: the actual cost, up to the pre-approved amount.', { amount: formatMoney(payable, r.currencyCode) })}
        </p>
      )}
      <TextAreaField
        id={`comment-${r.id}`}
        label={t('Comment to the partner (required to refuse)')}
        value={comment}
        onValueChange={setComment}
        rows={2}
        maxLength={2000}
        error={error?.fieldError('comment')}
      />
      {error && error.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        {submitted ? (
          <>
            <button type="button" className="button button--primary button--inline" disabled={decide.isPending} onClick={() => send('approve', t('Fund request pre-approved'))}>
              {t('Pre-approve')}
            </button>
            <button type="button" className="button button--danger button--inline" disabled={decide.isPending} onClick={() => send('reject', t('Fund request refused'))}>
              {t('Refuse')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--primary button--inline" disabled={decide.isPending} onClick={() => send('reimburse', t('Reimbursement approved'))}>
              {t('Reimburse {{amount}}', { amount: formatMoney(payable, r.currencyCode) })}
            </button>
            <button type="button" className="button button--danger button--inline" disabled={decide.isPending} onClick={() => send('rejectClaim', t('Reimbursement claim rejected'))}>
              {t('Reject the claim')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

function needsDecision(r: FundRequest): boolean {
  return r.status === 'FUND_REQUEST_STATUS_SUBMITTED' || r.status === 'FUND_REQUEST_STATUS_CLAIMED';
}

// What reimbursing pays as far as the request shows it: the actual cost up to the approved amount
// (the server also caps it at the fund's balance and computes what is paid).
function minAmount(actual: string | undefined, approved: string | undefined): string {
  if (!actual) return approved ?? '';
  if (!approved) return actual;
  return compareDecimals(actual, approved) <= 0 ? actual : approved;
}
