import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import { Empty, Loading } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import type { ProgramPerformance, SegmentPerformance } from '@/lib/api/schema';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { partnerTypeOf, segmentRows } from '../chart-data';
import { SegmentTable } from './SegmentTable';

const SegmentSalesChart = lazy(() => import('../PerformanceCharts').then((m) => ({ default: m.SegmentSalesChart })));
const SegmentRoiChart = lazy(() => import('../PerformanceCharts').then((m) => ({ default: m.SegmentRoiChart })));

type Dimension = 'type' | 'region' | 'partner';

// Sales against the baseline and ROI per segment, by partner type, region or partner (tabs),
// as charts and a table.
export function SegmentBreakdown({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('type');
  const c = p.currencyCode ?? '';
  const typeLabel = (s: SegmentPerformance) => {
    const type = partnerTypeOf(s.key ?? '');
    return type ? t(PARTNER_TYPE_LABELS[type]) : (s.label ?? '');
  };
  const regionLabel = (s: SegmentPerformance) => (s.key ? (s.label ?? '') : t('No region'));
  const rows =
    dimension === 'type'
      ? segmentRows(p.byPartnerType, typeLabel)
      : dimension === 'region'
        ? segmentRows(p.byRegion, regionLabel)
        : segmentRows(p.byPartner);
  const names: Record<Dimension, string> = { type: t('Partner type'), region: t('Region'), partner: t('Partner') };
  return (
    <Card title={t('Sales, profit and ROI by segment')} id="performance-segments">
      <p className="muted small">{t('Administration, training and marketing costs are shared out by each segment’s share of sales.')}</p>
      <Tabs
        label={t('Break down by')}
        tabs={[
          { id: 'type', label: t('By partner type') },
          { id: 'region', label: t('By region') },
          { id: 'partner', label: t('By partner') },
        ]}
        selected={dimension}
        onSelect={setDimension}
      />
      <div role="tabpanel" aria-labelledby={`tab-${dimension}`}>
        {rows.length === 0 ? (
          <Empty>{t('No enrolled partners, so no breakdown.')}</Empty>
        ) : (
          <>
            <div className="perf-charts">
              <div>
                <h3>{t('Sales against the baseline')}</h3>
                <Suspense fallback={<Loading />}>
                  <SegmentSalesChart rows={rows} currency={c} title={t('Sales against the baseline by {{segment}}', { segment: names[dimension].toLocaleLowerCase() })} />
                </Suspense>
              </div>
              <div>
                <h3>{t('ROI')}</h3>
                <Suspense fallback={<Loading />}>
                  <SegmentRoiChart rows={rows} title={t('ROI by {{segment}}', { segment: names[dimension].toLocaleLowerCase() })} />
                </Suspense>
              </div>
            </div>
            <SegmentTable rows={rows} currency={c} name={names[dimension]} />
          </>
        )}
      </div>
    </Card>
  );
}
