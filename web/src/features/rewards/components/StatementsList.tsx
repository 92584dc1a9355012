import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { LoadMore } from '@/components/ListControls';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { downloadStatementCsv } from '@/lib/api/statements';
import { formatDay, formatMoney } from '@/lib/format';
import { useStatement, useStatements } from '../api/ledger';

// Statements newest first (a partner admin's own, or a partner's for vendor staff); one opens
// to the entries it pays.
export function StatementsList({ partnerId }: { partnerId?: string }) {
  const { t } = useTranslation();
  const statements = useStatements({ partnerId });
  const [openId, setOpenId] = useState<string | null>(null);
  const open = useStatement(openId);

  return (
    <Card
      title={t('Statements')}
      id="statements"
      actions={
        <a className="button button--ghost button--small" href={`/v1/statements:export${partnerId ? `?partnerId=${partnerId}` : ''}`} download>
          {t('Download CSV')}
        </a>
      }
    >
      <QueryView query={statements}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('No statements yet.')}</Empty>;
          return (
            <>
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Statement')}</th>
                    <th scope="col">{t('Period')}</th>
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
                      <tr key={s.id}>
                        <td data-label={t('Statement')}>
                          #{s.id}
                          <span className="muted small block">{s.partnerName}</span>
                        </td>
                        <td data-label={t('Period')}>
                          {formatDay(s.periodStart)} – {formatDay(s.periodEnd)}
                        </td>
                        <td data-label={t('Total')} className="num">
                          {formatMoney(s.total, s.currencyCode)}
                        </td>
                        <td data-label={t('Status')}>
                          <span className={`pill ${s.status === 'STATEMENT_STATUS_PAID' ? 'pill--success' : 'pill--info'}`}>
                            {s.status === 'STATEMENT_STATUS_PAID' ? t('Paid') : t('Open')}
                          </span>
                          {s.paymentReference && <span className="muted small block">{s.paymentReference}</span>}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={openId === s.id}
                            onClick={() => setOpenId(openId === s.id ? null : (s.id ?? null))}
                          >
                            {openId === s.id ? t('Hide entries') : t('{{count}} entries', { count: s.entryCount })}
                          </button>{' '}
                          <button type="button" className="link-button" onClick={() => void downloadStatementCsv(s.id ?? '')}>
                            CSV<span className="visually-hidden"> {t('Statement')} {s.id}</span>
                          </button>
                        </td>
                      </tr>
                      {openId === s.id && (
                        <tr key={`${s.id}-entries`} className="table__expanded">
                          <td colSpan={5}>
                            <QueryView query={open}>
                              {(detail) => (
                                <ul className="entries">
                                  {(detail.entries ?? []).map((e) => (
                                    <li key={e.id} className="entry">
                                      <div>
                                        <RewardExplanation entry={e} />
                                        <Link className="small" to={`/disputes/new?statement=${s.id}&entry=${e.id}`} aria-label={t('Question this: entry {{id}}', { id: e.id })}>
                                          {t('Question this')}
                                        </Link>
                                      </div>
                                      <EntryAmount entry={e} />
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </QueryView>
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
