import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ClaimStatusBadge } from '@/components/ClaimStatusBadge';
import { TextAreaField } from '@/components/Fields';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { Card, Page } from '@/components/Page';
import { formatSize } from '@/components/ProofDropzone';
import { QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { attachmentUrl } from '@/lib/api/attachments';
import { claimKeys } from '@/lib/api/claims';
import { labelOf } from '@/lib/api/enums';
import { useCatalog, useProgram } from '@/lib/api/programs';
import type { Claim } from '@/lib/api/schema';
import { formatDateTime, formatDay, formatMoney } from '@/lib/format';
import { CLAIM_STATUS_LABELS } from '@/lib/labels';
import { isPartnerRole, usePrincipal } from '@/lib/principal';
import { useEventStream } from '@/lib/sse';
import { useClaim, useReviewClaim, type ReviewAction } from '../api/claims';

// One claim: its sale, proof, timeline with the reviewers' comments, and every reward it earned
// with the rule and rules version that produced it. Partners resubmit from here when asked;
// vendor staff review.
export default function ClaimDetailPage() {
  const { t } = useTranslation();
  const { claimId = '' } = useParams();
  const location = useLocation();
  const principal = usePrincipal();
  const queryClient = useQueryClient();
  const claim = useClaim(claimId);
  const program = useProgram(claim.data?.programId);
  const catalog = useCatalog();
  // Status changes by anyone show up here at once.
  useEventStream(claim.isSuccess ? `/v1/claims:watch?claimId=${claimId}` : null, () => {
    void queryClient.invalidateQueries({ queryKey: claimKeys.detail(claimId) });
  });
  const productName = (sku: string) => catalog.data?.find((p) => p.sku === sku)?.name;
  const ruleName = (id: string) => (program.data?.rules ?? []).find((r) => r.id === id)?.name ?? id;

  return (
    <Page title={t('Claim {{id}}', { id: claimId })} subtitle={program.data?.name}>
      {location.state?.submitted && (
        <p className="notice notice--success" role="status">
          {t('Your claim was submitted. You will see here when it is reviewed.')}
        </p>
      )}
      <QueryView query={claim}>
        {(c) => (
          <div className="detail-grid">
            <div className="detail-grid__main">
              <Card
                title={
                  <>
                    {c.invoiceNumber} <ClaimStatusBadge status={c.status} />
                  </>
                }
                id="claim-summary"
              >
                {(c.flags ?? []).map((f) => (
                  <p key={f.flag} className="flag" role="note">
                    <strong>{f.flag === 'CLAIM_FLAG_CHANNEL_CONFLICT' ? t('Channel conflict') : t('Resubmitted')}:</strong> {f.reason}
                    {(f.relatedClaimIds ?? []).length > 0 && !isPartnerRole(principal.role) && (
                      <>
                        {' '}
                        {(f.relatedClaimIds ?? []).map((id) => (
                          <Link key={id} to={`/claims/${id}`}>
                            #{id}{' '}
                          </Link>
                        ))}
                      </>
                    )}
                  </p>
                ))}
                <dl className="facts facts--compact">
                  <div>
                    <dt>{t('Invoice date')}</dt>
                    <dd>{formatDay(c.invoiceDate)}</dd>
                  </div>
                  <div>
                    <dt>{t('End customer')}</dt>
                    <dd>
                      {c.customerName} ({c.customerCountry})
                    </dd>
                  </div>
                  <div>
                    <dt>{t('Total')}</dt>
                    <dd>{formatMoney(c.totalAmount, c.currencyCode)}</dd>
                  </div>
                  <div>
                    <dt>{t('Submitted')}</dt>
                    <dd>{formatDateTime(c.createTime)}</dd>
                  </div>
                </dl>
                <table className="table">
                  <caption className="visually-hidden">{t('Products')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('Product')}</th>
                      <th scope="col" className="num">
                        {t('Quantity')}
                      </th>
                      <th scope="col" className="num">
                        {t('Unit price')}
                      </th>
                      <th scope="col" className="num">
                        {t('Amount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {(c.lines ?? []).map((l, i) => (
                      <tr key={i}>
                        <td>
                          {l.sku}
                          {productName(l.sku ?? '') && <span className="muted small block">{productName(l.sku ?? '')}</span>}
                        </td>
                        <td className="num">{l.quantity}</td>
                        <td className="num">{formatMoney(l.unitPrice, c.currencyCode)}</td>
                        <td className="num">{formatMoney(l.amount ?? '0', c.currencyCode)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {c.notes && <p className="notes">{c.notes}</p>}
                {isPartnerRole(principal.role) && c.status === 'CLAIM_STATUS_NEEDS_INFO' && (
                  <Link className="button button--primary button--inline" to={`/claims/${c.id}/edit`}>
                    {t('Update and resubmit')}
                  </Link>
                )}
                {isPartnerRole(principal.role) && (
                  <Link className="button button--ghost button--inline" to={`/disputes/new?claim=${c.id}`}>
                    {t('Question this')}
                  </Link>
                )}
              </Card>

              <Card title={t('Rewards')} id="claim-rewards">
                {(c.rewards ?? []).length === 0 ? (
                  <p className="muted">
                    {c.status === 'CLAIM_STATUS_REJECTED'
                      ? t('A rejected claim earns no rewards.')
                      : t('Rewards are posted when the claim is approved.')}
                  </p>
                ) : (
                  <ul className="entries">
                    {(c.rewards ?? []).map((e) => (
                      <li key={e.id} className="entry">
                        <div>
                          <RewardExplanation entry={e} ruleName={ruleName(e.ruleId ?? '')} />
                        </div>
                        <EntryAmount entry={e} />
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>

            <div className="detail-grid__side">
              {!isPartnerRole(principal.role) && <ReviewPanel claim={c} />}
              <Card title={t('Proof')} id="claim-proof">
                {(c.attachments ?? []).length === 0 ? (
                  <p className="muted">{t('No proof attached.')}</p>
                ) : (
                  <ul className="attachments">
                    {(c.attachments ?? []).map((a) => (
                      <li key={a.id}>
                        <a href={attachmentUrl(a.id ?? '')}>{a.filename}</a>{' '}
                        <span className="muted small">{formatSize(Number(a.sizeBytes))}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title={t('Timeline')} id="claim-timeline">
                <ol className="timeline">
                  {(c.timeline ?? []).map((e, i) => (
                    <li key={i} className="timeline__item">
                      <p>
                        <strong>{t(labelOf(CLAIM_STATUS_LABELS, e.toStatus) ?? 'Unknown')}</strong>
                        <span className="muted small"> · {formatDateTime(e.time)}</span>
                      </p>
                      <p className="muted small">{e.actorName}</p>
                      {e.comment && <blockquote className="timeline__comment">{e.comment}</blockquote>}
                    </li>
                  ))}
                </ol>
              </Card>
            </div>
          </div>
        )}
      </QueryView>
    </Page>
  );
}

// Approve, reject or ask for information, with a comment (required to reject or ask).
function ReviewPanel({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const review = useReviewClaim();
  const [comment, setComment] = useState('');
  const open = claim.status === 'CLAIM_STATUS_SUBMITTED' || claim.status === 'CLAIM_STATUS_IN_REVIEW';
  if (!open) return null;
  const error = review.error instanceof ApiError ? review.error : null;
  const act = (action: ReviewAction, done: string) =>
    review.mutate(
      { claim, action, comment },
      {
        onSuccess: () => {
          setComment('');
          toasts.show(done, 'success');
        },
      },
    );
  return (
    <Card title={t('Review')} id="claim-review">
      <TextAreaField
        id="review-comment"
        label={t('Comment')}
        hint={t('Required to reject or to ask for information; the partner sees it.')}
        value={comment}
        onValueChange={setComment}
        error={error?.fieldError('comment')}
        rows={3}
        maxLength={2000}
      />
      {error && !error.fieldError('comment') && (
        <p className="form-error" role="alert">
          {error.httpStatus === 409 || error.code === 10 ? t('Someone else changed this claim. Reload and try again.') : error.message}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--success" disabled={review.isPending} onClick={() => act('approve', t('Claim approved'))}>
          {t('Approve')}
        </button>
        <button type="button" className="button button--ghost" disabled={review.isPending} onClick={() => act('requestInfo', t('Information requested'))}>
          {t('Request info')}
        </button>
        <button type="button" className="button button--danger" disabled={review.isPending} onClick={() => act('reject', t('Claim rejected'))}>
          {t('Reject')}
        </button>
        {claim.status === 'CLAIM_STATUS_SUBMITTED' && (
          <button type="button" className="button button--ghost" disabled={review.isPending} onClick={() => act('startReview', t('You are reviewing this claim'))}>
            {t('Start review')}
          </button>
        )}
      </div>
    </Card>
  );
}
