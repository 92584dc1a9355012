import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/Fields';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { Card, Page } from '@/components/Page';
import { ProofDropzone, type ProofUpload } from '@/components/ProofDropzone';
import { ErrorMessage, Loading } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { attachmentUrl } from '@/lib/api/attachments';
import type { Dispute } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { isPartnerRole, isVendorRole, usePrincipal } from '@/lib/principal';
import { useDispute, usePostDisputeMessage, useWithdrawDispute } from '../api/disputes';
import { DisputeAge, DisputeStatePill, SubjectText } from './DisputeParts';
import { ResolveForm } from './ResolveForm';
import '../disputes.css';

// One dispute: what it is about, the thread with its proof, the outcome (with the adjustment
// entry), a reply for both sides while it is open, resolution for vendor staff and withdrawal for
// the partner.
export default function DisputePage() {
  const { t } = useTranslation();
  const { disputeId } = useParams();
  const dispute = useDispute(disputeId);
  const title = t('Dispute {{id}}', { id: disputeId ?? '' });
  if (dispute.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (dispute.isError) {
    return (
      <Page title={title}>
        <ErrorMessage error={dispute.error} onRetry={() => void dispute.refetch()} />
        <Link to="/disputes">{t('All disputes')}</Link>
      </Page>
    );
  }
  return <DisputeView dispute={dispute.data} />;
}

function DisputeView({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const location = useLocation() as { state?: { opened?: boolean } };
  const open = d.state === 'DISPUTE_STATE_OPEN';
  const vendor = isVendorRole(principal.role);
  const partner = isPartnerRole(principal.role);
  return (
    <Page
      title={t('Dispute {{id}}', { id: d.id })}
      subtitle={d.partnerName}
      actions={
        <Link className="button button--ghost button--small" to="/disputes">
          {t('All disputes')}
        </Link>
      }
    >
      {location.state?.opened && (
        <p className="notice notice--success" role="status">
          {t('Your dispute was opened. You will see the answer here.')}
        </p>
      )}
      <Card title={t('Summary')}>
        <dl className="facts">
          <div>
            <dt>{t('About')}</dt>
            <dd>
              <SubjectText subject={d.subject} link />
            </dd>
          </div>
          <div>
            <dt>{t('Program')}</dt>
            <dd>{d.programName || '—'}</dd>
          </div>
          <div>
            <dt>{t('State')}</dt>
            <dd>
              <DisputeStatePill state={d.state} />
            </dd>
          </div>
          <div>
            <dt>{t('Opened')}</dt>
            <dd>
              {formatDateTime(d.openTime)}
              <span className="muted small block">{t('by {{name}}', { name: d.openedByName })}</span>
            </dd>
          </div>
          <div>
            <dt>{open ? t('Waiting for') : t('Resolved in')}</dt>
            <dd>
              <DisputeAge seconds={d.ageSeconds} />
            </dd>
          </div>
          <div>
            <dt>{t('First answer')}</dt>
            <dd>{d.firstReplyTime ? formatDateTime(d.firstReplyTime) : t('Not yet')}</dd>
          </div>
        </dl>
      </Card>
      {!open && <Outcome dispute={d} />}
      <Card title={t('Conversation ({{count}})', { count: d.thread?.length ?? 0 })}>
        <ol className="dispute-thread">
          {(d.thread ?? []).map((m) => (
            <li key={m.id} className={`dispute-message ${m.fromVendor ? 'dispute-message--vendor' : ''}`}>
              <p className="dispute-message__head">
                <strong>{m.authorName}</strong>
                {m.fromVendor && <span className="pill pill--info">{t('Vendor')}</span>}
                <span className="muted small"> · {formatDateTime(m.createTime)}</span>
              </p>
              <p className="dispute-message__body">{m.body}</p>
              {(m.attachments ?? []).length > 0 && (
                <ul className="dispute-message__proof">
                  {(m.attachments ?? []).map((a) => (
                    <li key={a.id}>
                      <a href={attachmentUrl(a.id ?? '')} download>
                        {a.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {open && (vendor || partner) && <ReplyForm dispute={d} withProof={partner} />}
      </Card>
      {open && vendor && <ResolveForm dispute={d} />}
      {open && partner && <WithdrawButton dispute={d} />}
    </Page>
  );
}

function Outcome({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const title =
    d.state === 'DISPUTE_STATE_ADJUSTED'
      ? t('Outcome: adjusted')
      : d.state === 'DISPUTE_STATE_REFUSED'
        ? t('Outcome: refused')
        : t('Outcome: withdrawn');
  return (
    <Card title={title} className="dispute-outcome">
      {d.resolution && <p className="dispute-outcome__text">{d.resolution}</p>}
      <p className="muted small">
        {formatDateTime(d.resolveTime)}
        {d.resolvedByName && <> · {t('by {{name}}', { name: d.resolvedByName })}</>}
      </p>
      {d.adjustment?.id && (
        <div className="entry dispute-outcome__entry">
          <div>
            <RewardExplanation entry={d.adjustment} />
          </div>
          <EntryAmount entry={d.adjustment} />
        </div>
      )}
    </Card>
  );
}

function ReplyForm({ dispute, withProof }: { dispute: Dispute; withProof: boolean }) {
  const { t } = useTranslation();
  const post = usePostDisputeMessage();
  const [body, setBody] = useState('');
  const [uploads, setUploads] = useState<ProofUpload[]>([]);
  const [check, setCheck] = useState<string | undefined>();
  const error = post.error instanceof ApiError ? post.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (post.isPending) return;
    if (!body.trim()) {
      setCheck(t('Write a message first.'));
      return;
    }
    setCheck(undefined);
    post.mutate(
      {
        disputeId: dispute.id ?? '',
        body: body.trim(),
        attachmentIds: uploads.flatMap((u) => (u.attachment?.id ? [u.attachment.id] : [])),
      },
      {
        onSuccess: () => {
          setBody('');
          setUploads([]);
        },
      },
    );
  };

  return (
    <form className="form dispute-reply" onSubmit={submit} noValidate aria-label={t('Reply to dispute {{id}}', { id: dispute.id })}>
      <TextAreaField id={`dispute-reply-${dispute.id}`} label={t('Reply')} value={body} onValueChange={setBody} maxLength={5000} rows={3} error={check ?? error?.fieldError('body')} />
      {withProof && <ProofDropzone uploads={uploads} onChange={setUploads} label={t('Proof (optional)')} error={error?.fieldError('attachment_ids')} />}
      {error && !error.fieldError('body') && (
        <div className="form-error" role="alert">
          {error.message}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={post.isPending}>
          {post.isPending ? t('Sending…') : t('Send reply')}
        </button>
      </div>
    </form>
  );
}

function WithdrawButton({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const withdraw = useWithdrawDispute();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <p>
        <button type="button" className="button button--ghost button--inline" onClick={() => setConfirming(true)}>
          {t('Withdraw this dispute')}
        </button>
      </p>
    );
  }
  return (
    <div className="dispute-withdraw" role="group" aria-label={t('Withdraw this dispute')}>
      <p>{t('Withdraw the dispute? Vendor staff will no longer answer it.')}</p>
      {withdraw.error && (
        <div className="form-error" role="alert">
          {withdraw.error.message}
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger button--inline"
          disabled={withdraw.isPending}
          onClick={() =>
            withdraw.mutate(
              { disputeId: dispute.id ?? '', reason: '' },
              { onSuccess: () => toasts.show(t('Dispute {{id}} withdrawn', { id: dispute.id }), 'success') },
            )
          }
        >
          {t('Yes, withdraw')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
          {t('Cancel')}
        </button>
      </div>
    </div>
  );
}
