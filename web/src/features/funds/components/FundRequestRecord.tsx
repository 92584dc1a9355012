import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '@/lib/api/attachments';
import { labelOf } from '@/lib/api/enums';
import type { FundRequest } from '@/lib/api/schema';
import { compareDecimals } from '@/lib/decimal';
import { formatDateTime, formatMoney } from '@/lib/format';
import { FUND_STATUS_LABELS } from '../api/funds';

// The proof of performance of a fund request, as links to its files.
export function FundRequestProof({ request }: { request: FundRequest }) {
  const { t } = useTranslation();
  if ((request.proof ?? []).length === 0) return null;
  return (
    <p className="small">
      {t('Proof')}:{' '}
      {(request.proof ?? []).map((a) => (
        <a key={a.id} href={attachmentUrl(a.id ?? '')}>
          {a.filename}{' '}
        </a>
      ))}
    </p>
  );
}

// Each step of a fund request: its status, when, by whom, and the comment given.
export function FundRequestTimeline({ request }: { request: FundRequest }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline">
      {(request.timeline ?? []).map((e, i) => (
        <li key={i} className="timeline__item">
          <strong>{t(labelOf(FUND_STATUS_LABELS, e.toStatus) ?? 'Unknown')}</strong>{' '}
          <span className="muted small">
            · {formatDateTime(e.time)} · {e.actorName}
          </span>
          {e.comment && <blockquote className="timeline__comment">{e.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

// The request's amounts so far: planned, then approved, actual cost and reimbursed once set;
// `children` adds facts of the page's own.
export function FundRequestAmounts({ request: r, children }: { request: FundRequest; children?: ReactNode }) {
  const { t } = useTranslation();
  const facts: Array<[string, string | undefined]> = [
    [t('Planned'), r.plannedCost],
    [t('Approved'), r.approvedAmount],
    [t('Actual cost'), r.actualCost],
    [t('Reimbursed'), r.reimbursedAmount],
  ];
  return (
    <dl className="facts facts--compact">
      {facts
        .filter(([, amount], i) => i === 0 || hasAmount(amount))
        .map(([label, amount]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatMoney(amount, r.currencyCode)}</dd>
          </div>
        ))}
      {children}
    </dl>
  );
}

function hasAmount(amount: string | undefined): boolean {
  return !!amount && compareDecimals(amount, '0') !== 0;
}
