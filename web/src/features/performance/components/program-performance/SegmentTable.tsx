import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '@/lib/format';
import type { SegmentRow } from '../chart-data';
import { RoiText, SignedMoney } from '../RoiText';

// The figures of each segment (`name`: what a segment is, e.g. "Region").
export function SegmentTable({ rows, currency: c, name }: { rows: SegmentRow[]; currency: string; name: string }) {
  const { t } = useTranslation();
  return (
    <table className="table table--compact table--cards perf-segments">
      <caption className="visually-hidden">{t('Figures by {{segment}}', { segment: name.toLocaleLowerCase() })}</caption>
      <thead>
        <tr>
          <th scope="col">{name}</th>
          <th scope="col" className="num">{t('Partners')}</th>
          <th scope="col" className="num">{t('Sales')}</th>
          <th scope="col" className="num">{t('Baseline')}</th>
          <th scope="col" className="num">{t('Incremental sales')}</th>
          <th scope="col" className="num">{t('Gross profit')}</th>
          <th scope="col" className="num">{t('Total cost')}</th>
          <th scope="col" className="num">{t('Net profit')}</th>
          <th scope="col" className="num">{t('ROI')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num" data-label={t('Partners')}>{formatNumber(r.partners)}</td>
            <td className="num" data-label={t('Sales')}>{formatMoney(r.text.sales, c)}</td>
            <td className="num" data-label={t('Baseline')}>{formatMoney(r.text.expected, c)}</td>
            <td className="num" data-label={t('Incremental sales')}>
              <SignedMoney value={r.text.incremental} currency={c} />
            </td>
            <td className="num" data-label={t('Gross profit')}>
              <SignedMoney value={r.text.grossProfit} currency={c} />
            </td>
            <td className="num" data-label={t('Total cost')}>{formatMoney(r.text.totalCost, c)}</td>
            <td className="num" data-label={t('Net profit')}>
              <SignedMoney value={r.text.netProfit} currency={c} />
            </td>
            <td className="num" data-label={t('ROI')}>
              <RoiText value={r.text.roi} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
