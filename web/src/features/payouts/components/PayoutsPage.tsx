import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { ProgramPicker } from '@/components/ProgramPicker';
import { Empty, Loading, QueryView } from '@/components/Status';
import type { Known, StatementStatus } from '@/lib/api/enums';
import type { Statement } from '@/lib/api/schema';
import { formatDateTime, formatDay, formatMoney, todayUtc } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { dayAfter, dayBefore, statementsExportUrl, useStatementList } from '../api/payouts';
import { totalsByCurrency } from '../api/totals';
import { STATEMENT_STATUS_LABELS } from '../labels';
import { CsvButton } from './CsvButton';
import { MarkPaidForm } from './MarkPaidForm';
import { PayoutRunForm } from './PayoutRunForm';
import { StatementStatusPill } from './StatementStatusPill';
import '../payouts.css';

const kStatuses: Array<Known<StatementStatus> | ''> = ['', 'STATEMENT_STATUS_OPEN', 'STATEMENT_STATUS_PAID'];

// Payouts (finance runs them; other vendor roles read): a new payout run, the statements with
// filters, totals per currency, payment and CSV exports.
export default function PayoutsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const isFinance = principal.role === 'ROLE_FINANCE';
  return (
    <Page title={t('Payouts')} subtitle={t('Pay partners what they earned: payout runs, statements and exports.')}>
      {isFinance && <NewPayoutRun />}
      <Statements canPay={isFinance} />
    </Page>
  );
}

function NewPayoutRun() {
  const { t } = useTranslation();
  const latest = useStatementList({}, 1);
  const today = todayUtc();
  const yesterday = dayBefore(today);
  const lastEnd = latest.data?.pages[0]?.statements?.[0]?.periodEnd;
  const firstOfLastMonth = `${yesterday.slice(0, 7)}-01`;
  const start = lastEnd && dayAfter(lastEnd) <= yesterday ? dayAfter(lastEnd) : firstOfLastMonth;
  return (
    <Card title={t('New payout run')} id="payout-run">
      {latest.isPending ? <Loading /> : <PayoutRunForm defaultStart={start} defaultEnd={yesterday} today={today} />}
    </Card>
  );
}

function Statements({ canPay }: { canPay: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatementStatus | ''>('');
  const [partnerId, setPartnerId] = useState('');
  const [runId, setRunId] = useState('');
  const [programId, setProgramId] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [exportFrom, setExportFrom] = useState('');
  const [exportTo, setExportTo] = useState('');
  const [paying, setPaying] = useState<string | null>(null);
  const runFilter = /^\d+$/.test(runId.trim()) ? runId.trim() : undefined;
  const statements = useStatementList({
    status: status || undefined,
    partnerId: partnerId || undefined,
    payoutRunId: runFilter,
    programId: programId || undefined,
    fromDate: fromDate || undefined,
    toDate: toDate || undefined,
  });

  return (
    <Card
      title={t('Statements')}
      id="statements"
      className="payouts-statements"
      actions={
        <a className="button button--ghost button--small" href={statementsExportUrl({ partnerId: partnerId || undefined, fromDate: exportFrom, toDate: exportTo })} download>
          {t('Download CSV')}
        </a>
      }
    >
      <div className="filters">
        <div className="chips" role="group" aria-label={t('Status')}>
          {kStatuses.map((s) => (
            <button key={s || 'all'} type="button" className="chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s ? t(STATEMENT_STATUS_LABELS[s]) : t('All')}
            </button>
          ))}
        </div>
        <PartnerPicker id="statements-partner" label={t('Partner')} value={partnerId} onChange={setPartnerId} emptyLabel={t('All partners')} />
        <label className="inline-select">
          <span>{t('Payout run')}</span>
          <input className="payouts__run" inputMode="numeric" value={runId} onChange={(e) => setRunId(e.target.value)} placeholder={t('Any')} />
        </label>
        <ProgramPicker id="statements-program" label={t('Program')} value={programId} onChange={setProgramId} emptyLabel={t('All programs')} />
        <label className="inline-select">
          <span>{t('Period from')}</span>
          <input type="date" value={fromDate} max={toDate || undefined} onChange={(e) => setFromDate(e.target.value)} />
        </label>
        <label className="inline-select">
          <span>{t('Period to (inclusive)')}</span>
          <input type="date" value={toDate} min={fromDate || undefined} onChange={(e) => setToDate(e.target.value)} />
        </label>
      </div>
      <details className="payouts__export">
        <summary>{t('Export options')}</summary>
        <p className="muted small">{t('The CSV holds every statement of the chosen partner (all statuses) whose period ends between these days.')}</p>
        <div className="filters">
          <label className="inline-select">
            <span>{t('Period ends from')}</span>
            <input type="date" value={exportFrom} onChange={(e) => setExportFrom(e.target.value)} />
          </label>
          <label className="inline-select">
            <span>{t('to')}</span>
            <input type="date" value={exportTo} onChange={(e) => setExportTo(e.target.value)} />
          </label>
        </div>
      </details>
      <QueryView query={statements}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('No statements match these filters.')}</Empty>;
          return (
            <>
              <Totals rows={rows} more={!!statements.hasNextPage} />
              <table className="table table--cards" data-testid="statements-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Statement')}</th>
                    <th scope="col">{t('Partner')}</th>
                    <th scope="col">{t('Period')}</th>
                    <th scope="col" className="num">
                      {t('Entries')}
                    </th>
                    <th scope="col" className="num">
                      {t('Total')}
                    </th>
                    <th scope="col">{t('Status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <Fragment key={s.id}>
                      <StatementRow statement={s} canPay={canPay} paying={paying === s.id} onPay={() => setPaying(paying === s.id ? null : (s.id ?? null))} />
                      {paying === s.id && (
                        <tr className="table__expanded">
                          <td colSpan={7}>
                            <MarkPaidForm statement={s} onDone={() => setPaying(null)} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
              <LoadMore query={statements} label={t('Show more statements')} />
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}

function StatementRow({ statement: s, canPay, paying, onPay }: { statement: Statement; canPay: boolean; paying: boolean; onPay: () => void }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td data-label={t('Statement')} className="payouts__stmt">
        <span>
          <Link to={`/statements/${s.id}`}>{t('Statement {{id}}', { id: s.id })}</Link>
          <span className="muted small block">{t('run {{id}}', { id: s.payoutRunId })}</span>
        </span>
      </td>
      <td data-label={t('Partner')}>{s.partnerName}</td>
      <td data-label={t('Period')}>
        {formatDay(s.periodStart)} – {formatDay(s.periodEnd)}
      </td>
      <td data-label={t('Entries')} className="num">
        {s.entryCount}
      </td>
      <td data-label={t('Total')} className="num">
        <strong>{formatMoney(s.total, s.currencyCode)}</strong>
      </td>
      <td data-label={t('Status')}>
        <span>
          <StatementStatusPill status={s.status} />
          {s.status === 'STATEMENT_STATUS_PAID' && (
            <span className="muted small block">
              {s.paymentReference} · {formatDateTime(s.paidTime)}
            </span>
          )}
        </span>
      </td>
      <td className="payouts__actions">
        {canPay && s.status === 'STATEMENT_STATUS_OPEN' && (
          <button type="button" className="button button--primary button--small button--inline" aria-expanded={paying} onClick={onPay}>
            {t('Mark paid')}
            <span className="visually-hidden"> {t('Statement {{id}}', { id: s.id })}</span>
          </button>
        )}
        <CsvButton statementId={s.id ?? ''} />
      </td>
    </tr>
  );
}

function Totals({ rows, more }: { rows: Statement[]; more: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="payouts__totals" data-testid="statement-totals">
      <div className="stat-row">
        {totalsByCurrency(rows).map((c) => (
          <div key={c.currencyCode} className="stat">
            <span className="stat__label">{t('Total {{currency}}', { currency: c.currencyCode })}</span>
            <span className="stat__value">{formatMoney(c.total, c.currencyCode)}</span>
            <span className="muted small">
              {t('{{open}} open ({{openCount}}), {{paid}} paid ({{paidCount}})', {
                open: formatMoney(c.open, c.currencyCode),
                openCount: c.openCount,
                paid: formatMoney(c.paid, c.currencyCode),
                paidCount: c.paidCount,
              })}
            </span>
          </div>
        ))}
      </div>
      <p className="muted small">
        {more
          ? t('Totals of the {{count}} statements shown; show more to include the rest.', { count: rows.length })
          : t('Totals of all {{count}} matching statements.', { count: rows.length })}
      </p>
    </div>
  );
}
