import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { Card, Page } from '@/components/Page';
import { Empty, ErrorMessage, Loading } from '@/components/Status';
import { useUsersById } from '@/lib/api/partners';
import { useProgramsById } from '@/lib/api/programs';
import type { Statement } from '@/lib/api/schema';
import { addDecimals, compareDecimals } from '@/lib/decimal';
import { formatDateTime, formatDay, formatMoney } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { useStatementDetail } from '../api/payouts';
import { CsvButton } from './CsvButton';
import { MarkPaidForm } from './MarkPaidForm';
import { StatementStatusPill } from './StatementStatusPill';
import '../payouts.css';

// One statement: who is paid for which period, every entry it pays (each explaining its claim,
// rule and program), the total, payment and CSV export.
export default function StatementPage() {
  const { t } = useTranslation();
  const { statementId } = useParams();
  const statement = useStatementDetail(statementId);
  const title = t('Statement {{id}}', { id: statementId ?? '' });
  if (statement.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (statement.isError) {
    return (
      <Page title={title}>
        <ErrorMessage error={statement.error} onRetry={() => void statement.refetch()} />
        <Link to="/payouts">{t('Back to payouts')}</Link>
      </Page>
    );
  }
  return <StatementView statement={statement.data} />;
}

function StatementView({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canPay = principal.role === 'ROLE_FINANCE' && s.status === 'STATEMENT_STATUS_OPEN';
  const [paying, setPaying] = useState(false);
  const entries = s.entries ?? [];
  // The programs of the entries and who paid: read by id, not from lists of everyone.
  const programs = useProgramsById(entries.map((e) => e.programId ?? ''));
  const payer = useUsersById([s.paidByUserId ?? '']).get(s.paidByUserId ?? '');
  const program = (id: string) => programs.get(id);
  const sum = addDecimals(...entries.map((e) => e.amount));
  const paidBy = s.paidByUserId && s.paidByUserId !== '0' ? (payer?.displayName ?? t('user {{id}}', { id: s.paidByUserId })) : '';

  return (
    <Page
      title={t('Statement {{id}}', { id: s.id })}
      subtitle={`${s.partnerName} · ${formatDay(s.periodStart)} – ${formatDay(s.periodEnd)}`}
      actions={
        <>
          <Link className="button button--ghost button--small" to="/payouts">
            {t('All statements')}
          </Link>
          <CsvButton statementId={s.id ?? ''} className="button button--ghost button--small" />
        </>
      }
    >
      <Card id="statement-summary" title={t('Summary')}>
        <dl className="facts">
          <div>
            <dt>{t('Partner')}</dt>
            <dd>
              <Link to={`/partners/${s.partnerId}`}>{s.partnerName}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('Period')}</dt>
            <dd>
              {formatDay(s.periodStart)} – {formatDay(s.periodEnd)}
            </dd>
          </div>
          <div>
            <dt>{t('Total')}</dt>
            <dd className="payouts__big">{formatMoney(s.total, s.currencyCode)}</dd>
          </div>
          <div>
            <dt>{t('Status')}</dt>
            <dd>
              <StatementStatusPill status={s.status} />
            </dd>
          </div>
          <div>
            <dt>{t('Payout run')}</dt>
            <dd>
              {t('run {{id}}', { id: s.payoutRunId })} · {formatDateTime(s.createTime)}
            </dd>
          </div>
          {s.status === 'STATEMENT_STATUS_PAID' && (
            <div>
              <dt>{t('Paid')}</dt>
              <dd>
                {formatDateTime(s.paidTime)}
                {paidBy && <span className="muted small block">{t('by {{name}}', { name: paidBy })}</span>}
                <span className="muted small block">{t('Reference {{reference}}', { reference: s.paymentReference })}</span>
              </dd>
            </div>
          )}
        </dl>
        {canPay &&
          (paying ? (
            <MarkPaidForm statement={s} onDone={() => setPaying(false)} />
          ) : (
            <button type="button" className="button button--primary button--inline" onClick={() => setPaying(true)}>
              {t('Mark paid')}
            </button>
          ))}
      </Card>
      <Card id="statement-entries" title={t('Entries ({{count}})', { count: entries.length })}>
        {entries.length === 0 ? (
          <Empty>{t('This statement has no entries.')}</Empty>
        ) : (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('What')}</th>
                <th scope="col">{t('Program')}</th>
                <th scope="col" className="num">
                  {t('Amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const p = program(e.programId ?? '');
                const ruleName = p?.rules?.find((r) => r.id === e.ruleId)?.name;
                return (
                  <tr key={e.id}>
                    <td data-label={t('What')} className="payouts__entry">
                      <div>
                        <RewardExplanation entry={e} ruleName={ruleName} />
                      </div>
                    </td>
                    <td data-label={t('Program')}>
                      {e.programId !== '0' ? <Link to={`/programs/${e.programId}`}>{p?.name ?? t('program {{id}}', { id: e.programId })}</Link> : '—'}
                    </td>
                    <td data-label={t('Amount')} className="num">
                      <EntryAmount entry={e} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('Total')}
                </th>
                <td className="num" data-label={t('Total')}>
                  <strong>{formatMoney(s.total, s.currencyCode)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        )}
        {entries.length > 0 && compareDecimals(sum, s.total) !== 0 && (
          <p className="warning" role="alert">
            {t('The entries add up to {{sum}}, not the statement total {{total}}.', {
              sum: formatMoney(sum, s.currencyCode),
              total: formatMoney(s.total, s.currencyCode),
            })}
          </p>
        )}
      </Card>
    </Page>
  );
}
