import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format';

export interface NpsChartRow {
  label: string;
  promoters: number;
  passives: number;
  detractors: number;
}

// Responses per group (overall, partner types or regions) split into detractors, passives and
// promoters: a stacked bar each. Loaded on demand with Recharts.
export default function NpsChart({ rows, title }: { rows: NpsChartRow[]; title: string }) {
  const { t } = useTranslation();
  const height = Math.max(140, rows.length * 34 + 70);
  const names: Record<string, string> = { promoters: t('Promoters (9–10)'), passives: t('Passives (7–8)'), detractors: t('Detractors (0–6)') };
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dde4ea" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
          <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value, name) => [formatNumber(Number(value)), names[String(name)] ?? String(name)]} />
          <Legend formatter={(name) => names[String(name)] ?? String(name)} />
          <Bar dataKey="detractors" stackId="nps" fill="#b42318" isAnimationActive={false} />
          <Bar dataKey="passives" stackId="nps" fill="#c98a1a" isAnimationActive={false} />
          <Bar dataKey="promoters" stackId="nps" fill="#146c43" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
