import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryView } from '@/components/Status';
import { useLedgerEntries } from '@/lib/api/ledger';
import { toChartNumber } from '@/lib/decimal';
import { formatMoneyShort, formatPoints, locale } from '@/lib/format';
import { monthlyEarnings } from './earnings-series';

// Money earned (bars) and points (line) per month over the last year, from the ledger.
export default function EarningsChart() {
  const { t } = useTranslation();
  const entries = useLedgerEntries({}, 500);
  return (
    <QueryView query={entries}>
      {(data) => <Chart entries={data.pages.flatMap((p) => p.entries ?? [])} t={t} />}
    </QueryView>
  );
}

function Chart({ entries, t }: { entries: Parameters<typeof monthlyEarnings>[0]; t: (k: string) => string }) {
  const currency = entries.find((e) => e.account === 'LEDGER_ACCOUNT_PAYABLE')?.unit ?? 'EUR';
  const series = useMemo(() => monthlyEarnings(entries, currency, new Date()), [entries, currency]);
  const hasMoney = series.some((m) => m.money !== '0');
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const rows = series.map((m) => ({ month: m.month, money: toChartNumber(m.money), points: toChartNumber(m.points), moneyText: m.money, pointsText: m.points }));
  return (
    <figure className="chart" aria-label={t('Earnings and points per month over the last 12 months')}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dde4ea" />
          <XAxis dataKey="month" tickFormatter={monthLabel} />
          {hasMoney && <YAxis yAxisId="money" tickFormatter={(v: number) => formatMoneyShort(String(v), currency)} width={80} />}
          <YAxis yAxisId="points" orientation={hasMoney ? 'right' : 'left'} tickFormatter={(v: number) => formatPoints(String(v))} />
          <Tooltip
            labelFormatter={(label) => monthLabel(String(label))}
            formatter={(_value, name, item) =>
              name === 'money'
                ? [formatMoneyShort(item.payload.moneyText, currency), t('Earned')]
                : [formatPoints(item.payload.pointsText), t('Points')]
            }
          />
          <Legend formatter={(name) => (name === 'money' ? t('Earned') : t('Points'))} />
          {hasMoney && <Bar yAxisId="money" dataKey="money" fill="#1b5e8c" radius={[4, 4, 0, 0]} />}
          <Line yAxisId="points" dataKey="points" stroke="#c98a00" strokeWidth={2} dot={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {series.map((m) => `${m.month}: ${m.money} ${currency}, ${m.points} ${t('points')}`).join('; ')}
      </figcaption>
    </figure>
  );
}
