import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import { labelOf, type Known, type LedgerAccount } from '@/lib/api/enums';
import { useLedgerEntries } from '@/lib/api/ledger';
import { useProgramsById } from '@/lib/api/programs';
import { formatMoney, formatPoints } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { useBalances } from '../api/ledger';
import { ACCOUNT_LABELS } from '../labels';
import { StatementsList } from './StatementsList';

const kAccounts = Object.keys(ACCOUNT_LABELS) as Array<Known<LedgerAccount>>;

// Balances, the ledger history where every entry explains itself, and (partner admins) the
// organisation's statements; both downloadable as CSV.
export default function RewardsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const isAdmin = principal.role === 'ROLE_PARTNER_ADMIN';
  const [tab, setTab] = useState<'history' | 'statements'>('history');
  const [account, setAccount] = useState<LedgerAccount | undefined>();
  const balances = useBalances();
  const entries = useLedgerEntries({ account });
  // The programs of the entries shown, for their rules' names.
  const programs = useProgramsById(entries.data?.items.map((e) => e.programId ?? '') ?? []);
  const ruleName = (programId: string, ruleId: string) => programs.get(programId)?.rules?.find((r) => r.id === ruleId)?.name;

  return (
    <Page
      title={t('Rewards')}
      subtitle={isAdmin ? t('Everything your organisation earned, and how.') : t('Everything you earned, and how.')}
      actions={
        <a className="button button--ghost" href={`/v1/ledger-entries:export`} download>
          {t('Download CSV')}
        </a>
      }
    >
      <QueryView query={balances}>
        {(list) => (
          <div className="stat-row">
            {list.length === 0 && <Empty>{t('Nothing earned yet.')}</Empty>}
            {list.map((b) => (
              <div key={`${b.account}-${b.unit}`} className="stat">
                <span className="stat__label">{t(labelOf(ACCOUNT_LABELS, b.account) ?? 'Unknown')}</span>
                <span className="stat__value">
                  {b.unit === 'points' ? formatPoints(b.amount) : formatMoney(b.amount, b.unit)}
                </span>
                {b.account === 'LEDGER_ACCOUNT_PAYABLE' && (
                  <span className="muted small">
                    {t('{{earned}} earned, {{paid}} paid', {
                      earned: formatMoney(b.credited, b.unit),
                      paid: formatMoney((b.debited ?? '').replace('-', ''), b.unit),
                    })}
                  </span>
                )}
              </div>
            ))}
          </div>
        )}
      </QueryView>

      {isAdmin && (
        <Tabs
          label={t('Rewards')}
          tabs={[
            { id: 'history', label: t('History') },
            { id: 'statements', label: t('Statements') },
          ]}
          selected={tab}
          onSelect={setTab}
        />
      )}
      <div role={isAdmin ? 'tabpanel' : undefined} aria-labelledby={isAdmin ? `tab-${tab}` : undefined}>
        {tab === 'statements' ? (
          <StatementsList />
        ) : (
          <Card
            title={t('History')}
            id="ledger-history"
            actions={
              <label className="inline-select">
                <span>{t('Account')}</span>
                <select value={account ?? ''} onChange={(e) => setAccount((e.target.value || undefined) as LedgerAccount | undefined)}>
                  <option value="">{t('All accounts')}</option>
                  {kAccounts.map((a) => (
                    <option key={a} value={a}>
                      {t(ACCOUNT_LABELS[a])}
                    </option>
                  ))}
                </select>
              </label>
            }
          >
            <QueryView query={entries}>
              {(data) => {
                const rows = data.items;
                if (rows.length === 0) return <Empty>{t('No entries yet.')}</Empty>;
                return (
                  <>
                    <ul className="entries">
                      {rows.map((e) => (
                        <li key={e.id} className="entry">
                          <div>
                            <RewardExplanation entry={e} ruleName={ruleName(e.programId ?? '', e.ruleId ?? '')} />
                            <Link className="small" to={`/disputes/new?entry=${e.id}`} aria-label={t('Question this: entry {{id}}', { id: e.id })}>
                              {t('Question this')}
                            </Link>
                          </div>
                          <EntryAmount entry={e} />
                        </li>
                      ))}
                    </ul>
                    <LoadMore query={entries} />
                  </>
                );
              }}
            </QueryView>
          </Card>
        )}
      </div>
    </Page>
  );
}

