// The performance charts (Recharts). The pages import this module lazily, so the chart library
// loads after the figures are on screen. Each chart is a figure with its data in words for
// screen readers; the plotted numbers are approximations of the exact decimal strings shown.
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay, formatMoney, formatMoneyShort, formatPercent, locale } from '@/lib/format';
import type { BudgetRow, ProgramRow, SegmentRow } from './chart-data';

const kColors = { cost: '#b42318', gross: '#1b5e8c', net: '#146c43', expected: '#9aa7b1', sales: '#1b5e8c', drawn: '#c98a00', budget: '#0f3d5e' };
const kGrid = '#dde4ea';
const kCursor = { fill: 'rgba(15, 61, 94, 0.06)' };

// Height grows with the number of bars on horizontal charts, so labels stay readable.
const barHeight = (rows: number) => Math.max(180, rows * 44 + 70);
const shortLabel = (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label);

// Total cost against incremental gross profit and net profit, one group per program.
export function ProgramComparisonChart({ programs }: { programs: ProgramRow[] }) {
  const { t } = useTranslation();
  const currency = programs[0]?.currency ?? 'EUR';
  const money = (v: number, c = currency) => formatMoneyShort(String(v), c);
  return (
    <figure className="chart" aria-label={t('Program cost against incremental profit')}>
      <ResponsiveContainer width="100%" height={barHeight(programs.length * 2)}>
        <BarChart data={programs} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={kGrid} horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => money(v)} />
          <YAxis type="category" dataKey="name" width={150} tickFormatter={shortLabel} />
          <Tooltip
            cursor={kCursor}
            formatter={(value, name, item) => [money(Number(value), item.payload.currency), String(name)]}
          />
          <Legend />
          <ReferenceLine x={0} stroke="#52606b" />
          <Bar dataKey="totalCost" name={t('Total cost')} fill={kColors.cost} radius={[0, 4, 4, 0]} />
          <Bar dataKey="grossProfit" name={t('Gross profit')} fill={kColors.gross} radius={[0, 4, 4, 0]} />
          <Bar dataKey="netProfit" name={t('Net profit')} fill={kColors.net} radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {programs
          .map((p) =>
            t('{{program}}: total cost {{cost}}, gross profit {{gross}}, net profit {{net}}, ROI {{roi}}', {
              program: p.name,
              cost: money(p.totalCost, p.currency),
              gross: money(p.grossProfit, p.currency),
              net: money(p.netProfit, p.currency),
              roi: p.roi === null ? t('none') : formatPercent(String(p.roi)),
            }),
          )
          .join('; ')}
      </figcaption>
    </figure>
  );
}

interface BudgetChartProps {
  rows: BudgetRow[];
  budget: string;
  currency: string;
}

// The cumulative draw on the budget over time, with the budget as a line to stay under.
export function BudgetBurnChart({ rows, budget, currency }: BudgetChartProps) {
  const { t } = useTranslation();
  const day = (time: number) => new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(time));
  const budgetNumber = Number(budget || 0);
  const top = Math.max(budgetNumber, ...rows.map((r) => r.drawn)) * 1.05;
  const last = rows[rows.length - 1];
  return (
    <figure className="chart" aria-label={t('Budget drawn over time')}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={kGrid} />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={day} />
          <YAxis domain={[0, top || 'auto']} tickFormatter={(v: number) => formatMoneyShort(String(v), currency)} width={84} />
          <Tooltip
            labelFormatter={(time) => formatDay(new Date(Number(time)).toISOString().slice(0, 10))}
            formatter={(_v, _n, item) => [formatMoney(item.payload.drawnText, currency), t('Drawn')]}
          />
          {budgetNumber > 0 && (
            <ReferenceLine
              y={budgetNumber}
              stroke={kColors.budget}
              strokeDasharray="6 4"
              label={{ value: t('Budget'), position: 'insideTopLeft', fill: kColors.budget, fontSize: 12 }}
            />
          )}
          <Line type="stepAfter" dataKey="drawn" stroke={kColors.drawn} strokeWidth={2} dot={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {t('Drawn {{drawn}} of a {{budget}} budget by {{date}}, starting {{start}}.', {
          drawn: formatMoney(last?.drawnText ?? '0', currency),
          budget: formatMoney(budget, currency),
          date: formatDay(last?.date ?? ''),
          start: formatDay(rows[0]?.date ?? ''),
        })}
      </figcaption>
    </figure>
  );
}

interface SegmentChartProps {
  rows: SegmentRow[];
  currency: string;
  // What the segments are ("partner type"), for the chart's name.
  title: string;
}

// Program-period sales against the baseline (scaled to the period), per segment.
export function SegmentSalesChart({ rows, currency, title }: SegmentChartProps) {
  const { t } = useTranslation();
  const money = (v: number) => formatMoneyShort(String(v), currency);
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={barHeight(rows.length)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={kGrid} horizontal={false} />
          <XAxis type="number" tickFormatter={money} />
          <YAxis type="category" dataKey="label" width={130} tickFormatter={shortLabel} />
          <Tooltip
            cursor={kCursor}
            formatter={(_v, name, item) => {
              const row = item.payload as SegmentRow;
              const text = item.dataKey === 'expected' ? row.text.expected : item.dataKey === 'sales' ? row.text.sales : row.text.grossProfit;
              return [formatMoney(text, currency), String(name)];
            }}
          />
          <Legend />
          <Bar dataKey="expected" name={t('Baseline')} fill={kColors.expected} radius={[0, 4, 4, 0]} />
          <Bar dataKey="sales" name={t('Program sales')} fill={kColors.sales} radius={[0, 4, 4, 0]} />
          <Bar dataKey="grossProfit" name={t('Incremental profit')} fill={kColors.net} radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {rows
          .map((r) =>
            t('{{segment}}: sales {{sales}}, baseline {{baseline}}, incremental profit {{profit}}', {
              segment: r.label,
              sales: formatMoney(r.text.sales, currency),
              baseline: formatMoney(r.text.expected, currency),
              profit: formatMoney(r.text.grossProfit, currency),
            }),
          )
          .join('; ')}
      </figcaption>
    </figure>
  );
}

// ROI % per segment (segments that cost nothing have none and are left out).
export function SegmentRoiChart({ rows, title }: Omit<SegmentChartProps, 'currency'>) {
  const { t } = useTranslation();
  const plotted = rows.filter((r) => r.roi !== null);
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={barHeight(plotted.length)}>
        <BarChart data={plotted} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={kGrid} horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => formatPercent(String(v))} />
          <YAxis type="category" dataKey="label" width={130} tickFormatter={shortLabel} />
          <Tooltip cursor={kCursor} formatter={(_v, _n, item) => [formatPercent((item.payload as SegmentRow).text.roi), t('ROI')]} />
          <ReferenceLine x={0} stroke="#52606b" />
          <Bar dataKey="roi" name={t('ROI')} radius={[0, 4, 4, 0]}>
            {plotted.map((r) => (
              <Cell key={r.key} fill={(r.roi ?? 0) < 0 ? kColors.cost : kColors.net} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {plotted.map((r) => `${r.label}: ${formatPercent(r.text.roi)}`).join('; ')}
      </figcaption>
    </figure>
  );
}
