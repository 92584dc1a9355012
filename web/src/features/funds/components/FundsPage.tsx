import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { ProofDropzone, type ProofUpload } from '@/components/ProofDropzone';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import type { FundBalance, FundRequest } from '@/lib/api/schema';
import { decimalInput } from '@/lib/decimal-input';
import { formatDay, formatMoney } from '@/lib/format';
import {
  FUND_LABELS,
  FUND_STATUS_LABELS,
  useCreateFundRequest,
  useDecideFundRequest,
  useFundRequests,
  useFunds,
  useSubmitReimbursement,
  type FundAccount,
} from '../api/funds';
import { FundRequestAmounts, FundRequestProof, FundRequestTimeline } from './FundRequestRecord';

// MDF and co-op: what is available, requests to spend it (pre-approval reserves the amount),
// and reimbursement claims with proof of performance.
export default function FundsPage() {
  const { t } = useTranslation();
  const funds = useFunds();
  const requests = useFundRequests();
  return (
    <Page title={t('MDF & co-op')} subtitle={t('Plan marketing with your funds and get reimbursed.')}>
      <QueryView query={funds}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('Your organisation has no MDF or co-op funds yet.')}</Empty>
          ) : (
            <>
              <div className="stat-row">
                {list.map((f) => (
                  <div key={`${f.programId}-${f.fund}`} className="stat">
                    <span className="stat__label">
                      {t(labelOf(FUND_LABELS, f.fund) ?? 'Unknown')} · {f.programName}
                    </span>
                    <span className="stat__value">{formatMoney(f.available, f.currencyCode)}</span>
                    <span className="muted small">
                      {t('{{credited}} allocated, {{reserved}} reserved, {{used}} reimbursed', {
                        credited: formatMoney(f.credited, f.currencyCode),
                        reserved: formatMoney(f.reserved, f.currencyCode),
                        used: formatMoney((f.debited ?? '').replace('-', ''), f.currencyCode),
                      })}
                    </span>
                  </div>
                ))}
              </div>
              <NewFundRequest funds={list} />
            </>
          )
        }
      </QueryView>
      <Card title={t('Fund requests')} id="fund-requests">
        <QueryView query={requests}>
          {({ items: list }) =>
            list.length === 0 ? (
              <Empty>{t('No fund requests yet.')}</Empty>
            ) : (
              <>
                <ul className="request-list">
                  {list.map((r) => (
                    <FundRequestItem key={r.id} request={r} />
                  ))}
                </ul>
                <LoadMore query={requests} label={t('Show more fund requests')} />
              </>
            )
          }
        </QueryView>
      </Card>
    </Page>
  );
}

function NewFundRequest({ funds }: { funds: FundBalance[] }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateFundRequest();
  const [open, setOpen] = useState(false);
  const [fundKey, setFundKey] = useState(`${funds[0]!.programId}|${funds[0]!.fund}`);
  const [activity, setActivity] = useState('');
  const [description, setDescription] = useState('');
  const [plannedCost, setPlannedCost] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const field = (name: string) => error?.fieldError(`request.${name}`);
  const [programId, fund] = fundKey.split('|') as [string, FundAccount];
  const chosen = funds.find((f) => f.programId === programId && f.fund === fund);

  if (!open) {
    return (
      <button type="button" className="button button--primary button--inline" onClick={() => setOpen(true)}>
        {t('Request funds for an activity')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { programId, fund, activity: activity.trim(), description, plannedCost: decimalInput(plannedCost), startDate, endDate },
      {
        onSuccess: () => {
          toasts.show(t('Fund request sent for approval'), 'success');
          setOpen(false);
          setActivity('');
          setDescription('');
          setPlannedCost('');
        },
      },
    );
  };
  return (
    <Card title={t('New fund request')} id="new-fund-request">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <SelectField
            id="fund"
            label={t('Fund')}
            value={fundKey}
            onValueChange={setFundKey}
            options={funds.map((f) => ({ value: `${f.programId}|${f.fund}`, label: `${t(labelOf(FUND_LABELS, f.fund) ?? 'Unknown')} · ${f.programName}` }))}
            hint={chosen && t('{{amount}} available', { amount: formatMoney(chosen.available, chosen.currencyCode) })}
            error={field('fund') ?? field('program_id')}
          />
          <InputField id="activity" label={t('Activity')} value={activity} onValueChange={setActivity} maxLength={200} error={field('activity')} />
          <InputField id="planned-cost" label={t('Planned cost')} inputMode="decimal" value={plannedCost} onValueChange={setPlannedCost} error={field('planned_cost')} />
          <InputField id="start-date" label={t('Starts')} type="date" value={startDate} onValueChange={setStartDate} error={field('start_date')} />
          <InputField id="end-date" label={t('Ends')} type="date" value={endDate} onValueChange={setEndDate} error={field('end_date')} />
        </div>
        <TextAreaField id="description" label={t('Description')} value={description} onValueChange={setDescription} rows={3} maxLength={5000} error={field('description')} />
        {error && error.fieldViolations.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline" disabled={create.isPending}>
            {t('Send for approval')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            {t('Cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function FundRequestItem({ request: r }: { request: FundRequest }) {
  const { t } = useTranslation();
  const decide = useDecideFundRequest();
  const [claiming, setClaiming] = useState(false);
  const canCancel = r.status === 'FUND_REQUEST_STATUS_SUBMITTED' || r.status === 'FUND_REQUEST_STATUS_APPROVED';
  return (
    <li className="request">
      <div className="request__head">
        <div>
          <strong>{r.activity}</strong>
          <span className="muted small block">
            {t(labelOf(FUND_LABELS, r.fund) ?? 'Unknown')} · {formatDay(r.startDate)} – {formatDay(r.endDate)}
          </span>
        </div>
        <span className="pill pill--info">{t(labelOf(FUND_STATUS_LABELS, r.status) ?? 'Unknown')}</span>
      </div>
      <FundRequestAmounts request={r} />
      <FundRequestProof request={r} />
      <details>
        <summary>{t('History')}</summary>
        <FundRequestTimeline request={r} />
      </details>
      <div className="button-row">
        {r.status === 'FUND_REQUEST_STATUS_APPROVED' && !claiming && (
          <button type="button" className="button button--primary button--inline" onClick={() => setClaiming(true)}>
            {t('Claim reimbursement')}
          </button>
        )}
        {canCancel && (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ request: r, decision: 'cancel', comment: '' })}
          >
            {t('Withdraw request')}
          </button>
        )}
      </div>
      {claiming && <ReimbursementForm request={r} onDone={() => setClaiming(false)} />}
    </li>
  );
}

function ReimbursementForm({ request, onDone }: { request: FundRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const submit = useSubmitReimbursement();
  const [actualCost, setActualCost] = useState('');
  const [notes, setNotes] = useState('');
  const [uploads, setUploads] = useState<ProofUpload[]>([]);
  const error = submit.error instanceof ApiError ? submit.error : null;
  const uploading = uploads.some((u) => !u.attachment && !u.error);
  return (
    <form
      className="form reimbursement"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (uploading) return;
        submit.mutate(
          { request, actualCost: decimalInput(actualCost), notes, attachmentIds: uploads.flatMap((u) => (u.attachment?.id ? [u.attachment.id] : [])) },
          {
            onSuccess: () => {
              toasts.show(t('Reimbursement claimed'), 'success');
              onDone();
            },
          },
        );
      }}
    >
      <InputField id={`actual-${request.id}`} label={t('Actual cost')} inputMode="decimal" value={actualCost} onValueChange={setActualCost} error={error?.fieldError('actual_cost')} />
      <ProofDropzone label={t('Proof of performance')} uploads={uploads} onChange={setUploads} error={error?.fieldViolations.find((v) => v.field.startsWith('attachment_ids'))?.description} />
      <TextAreaField id={`notes-${request.id}`} label={t('Proof of performance notes')} value={notes} onValueChange={setNotes} rows={2} error={error?.fieldError('notes')} />
      {error && error.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={submit.isPending || uploading}>
          {t('Submit reimbursement claim')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
