import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ClaimStatusBadge } from '@/components/ClaimStatusBadge';
import { LoadMore, StatusChips } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { ProgramPicker } from '@/components/ProgramPicker';
import { Empty, QueryView } from '@/components/Status';
import { useClaims } from '@/lib/api/claims';
import type { ClaimStatus, Known } from '@/lib/api/enums';
import { usePartnersById } from '@/lib/api/partners';
import { useProgramsById } from '@/lib/api/programs';
import { formatDay, formatMoney, formatRelative } from '@/lib/format';
import { CLAIM_STATUS_LABELS } from '@/lib/labels';

const kQueueStatuses: Array<Known<ClaimStatus>> = ['CLAIM_STATUS_SUBMITTED', 'CLAIM_STATUS_IN_REVIEW', 'CLAIM_STATUS_NEEDS_INFO', 'CLAIM_STATUS_APPROVED', 'CLAIM_STATUS_REJECTED', 'CLAIM_STATUS_PAID'];

// Claims waiting for a decision (or any status), flagged ones marked; open one to decide.
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ClaimStatus>('CLAIM_STATUS_SUBMITTED');
  const [programId, setProgramId] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const claims = useClaims({ status, programId: programId || undefined, flaggedOnly });
  const shown = claims.data?.items ?? [];
  const partners = usePartnersById(shown.map((c) => c.partnerId ?? ''));
  const programs = useProgramsById(shown.map((c) => c.programId ?? ''));
  const partnerName = (id: string) => partners.get(id)?.name ?? `#${id}`;
  const programName = (id: string) => programs.get(id)?.name ?? `#${id}`;

  return (
    <Page title={t('Claim review')} subtitle={t('Decide claims: approve, reject, or ask the partner for information.')}>
      <div className="filters">
        <StatusChips statuses={kQueueStatuses} labels={CLAIM_STATUS_LABELS} value={status} onChange={setStatus} />
        <ProgramPicker id="review-program" label={t('Program')} value={programId} onChange={setProgramId} emptyLabel={t('All programs')} />
        <label className="checkbox">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
          <span>{t('Flagged only')}</span>
        </label>
      </div>
      <QueryView query={claims}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('Nothing waiting here.')}</Empty>;
          return (
            <>
              <table className="table table--cards" data-testid="review-queue">
                <thead>
                  <tr>
                    <th scope="col">{t('Claim')}</th>
                    <th scope="col">{t('Partner')}</th>
                    <th scope="col">{t('Invoice')}</th>
                    <th scope="col">{t('Program')}</th>
                    <th scope="col" className="num">
                      {t('Amount')}
                    </th>
                    <th scope="col">{t('Status')}</th>
                    <th scope="col">{t('Waiting')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td data-label={t('Claim')}>
                        <Link to={`/claims/${c.id}`}>#{c.id}</Link>
                      </td>
                      <td data-label={t('Partner')}>{partnerName(c.partnerId ?? '')}</td>
                      <td data-label={t('Invoice')}>
                        {c.invoiceNumber}
                        <span className="muted small block">
                          {c.customerName} · {formatDay(c.invoiceDate)}
                        </span>
                      </td>
                      <td data-label={t('Program')}>{programName(c.programId ?? '')}</td>
                      <td data-label={t('Amount')} className="num">
                        {formatMoney(c.totalAmount, c.currencyCode)}
                      </td>
                      <td data-label={t('Status')}>
                        <ClaimStatusBadge status={c.status} />
                        {(c.flags ?? []).map((f) => (
                          <span key={f.flag} className="pill pill--warning" title={f.reason}>
                            {f.flag === 'CLAIM_FLAG_CHANNEL_CONFLICT' ? t('Conflict') : t('Resubmitted')}
                          </span>
                        ))}
                      </td>
                      <td data-label={t('Waiting')}>{formatRelative(c.updateTime)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore query={claims} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
