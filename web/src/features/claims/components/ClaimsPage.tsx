import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ClaimStatusBadge } from '@/components/ClaimStatusBadge';
import { LoadMore, StatusChips } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { ProgramPicker } from '@/components/ProgramPicker';
import { Empty, QueryView } from '@/components/Status';
import { queryString } from '@/lib/api-client';
import { useClaims } from '@/lib/api/claims';
import type { ClaimStatus, Known } from '@/lib/api/enums';
import { useProgramsById } from '@/lib/api/programs';
import { formatDay, formatMoney } from '@/lib/format';
import { CLAIM_STATUS_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';

const kStatuses = Object.keys(CLAIM_STATUS_LABELS) as Array<Known<ClaimStatus>>;

// The partner's claims, newest first, filtered by status and program.
export default function ClaimsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const [status, setStatus] = useState<ClaimStatus | undefined>();
  const [programId, setProgramId] = useState('');
  const claims = useClaims({ status, programId: programId || undefined });
  const programs = useProgramsById(claims.data?.items.map((c) => c.programId ?? '') ?? []);
  const programName = (id: string) => programs.get(id)?.name ?? `#${id}`;

  return (
    <Page
      title={t('Claims')}
      subtitle={t('Every sale you claim, where it stands and what it earned.')}
      actions={
        <>
          {principal.role === 'ROLE_PARTNER_ADMIN' && (
            <a className="button button--ghost" href={`/v1/claims:export${queryString({ status, programId })}`} download>
              {t('Download CSV')}
            </a>
          )}
          <Link className="button button--primary button--inline" to="/claims/new">
            {t('New claim')}
          </Link>
        </>
      }
    >
      <div className="filters">
        <StatusChips statuses={kStatuses} labels={CLAIM_STATUS_LABELS} value={status} onChange={setStatus} onAll={() => setStatus(undefined)} />
        <ProgramPicker id="claims-program" label={t('Program')} value={programId} onChange={setProgramId} emptyLabel={t('All programs')} />
      </div>
      <QueryView query={claims}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('No claims match these filters.')}</Empty>;
          return (
            <>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Claim')}</th>
                    <th scope="col">{t('Invoice')}</th>
                    <th scope="col">{t('End customer')}</th>
                    <th scope="col">{t('Program')}</th>
                    <th scope="col" className="num">
                      {t('Amount')}
                    </th>
                    <th scope="col">{t('Status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td data-label={t('Claim')}>
                        <Link to={`/claims/${c.id}`}>#{c.id}</Link>
                      </td>
                      <td data-label={t('Invoice')}>
                        {c.invoiceNumber}
                        <span className="muted small block">{formatDay(c.invoiceDate)}</span>
                      </td>
                      <td data-label={t('End customer')}>{c.customerName}</td>
                      <td data-label={t('Program')}>{programName(c.programId ?? '')}</td>
                      <td data-label={t('Amount')} className="num">
                        {formatMoney(c.totalAmount, c.currencyCode)}
                      </td>
                      <td data-label={t('Status')}>
                        <ClaimStatusBadge status={c.status} />
                        {(c.flags ?? []).length > 0 && <span className="pill pill--warning">{t('Flagged')}</span>}
                      </td>
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
