// The API's figures reshaped for the charts. Every row keeps the exact decimal strings for
// text (tooltips, captions, tables) next to the floating-point numbers that only place marks.
import type { Known, PartnerType, ProgramStatus } from '@/lib/api/enums';
import type { BudgetPoint, ProgramPerformance, SegmentPerformance } from '@/lib/api/schema';
import { compareDecimals, toChartNumber } from '@/lib/decimal';

export interface SegmentRow {
  key: string;
  label: string;
  partners: number;
  sales: number;
  expected: number;
  incremental: number;
  grossProfit: number;
  totalCost: number;
  netProfit: number;
  // null when the segment cost nothing (no ROI to speak of).
  roi: number | null;
  text: {
    sales: string;
    expected: string;
    incremental: string;
    grossProfit: string;
    totalCost: string;
    netProfit: string;
    roi: string;
  };
}

// Segment rows, largest program-period sales first. `label` names a segment for people (e.g.
// the translated partner type); the API's label is the fallback.
export function segmentRows(segments: SegmentPerformance[] | undefined, label: (s: SegmentPerformance) => string = (s) => s.label ?? ''): SegmentRow[] {
  return [...(segments ?? [])]
    .sort((a, b) => compareDecimals(b.roi?.programSales, a.roi?.programSales) || (a.label ?? '').localeCompare(b.label ?? ''))
    .map((s) => {
      const roi = s.roi ?? {};
      return {
        key: s.key ?? '',
        label: label(s),
        partners: Number(s.partnerCount || 0),
        sales: toChartNumber(roi.programSales),
        expected: toChartNumber(roi.expectedSales),
        incremental: toChartNumber(roi.incrementalSales),
        grossProfit: toChartNumber(roi.grossProfit),
        totalCost: toChartNumber(roi.totalCost),
        netProfit: toChartNumber(roi.netProfit),
        roi: roi.roiPercent ? toChartNumber(roi.roiPercent) : null,
        text: {
          sales: roi.programSales ?? '',
          expected: roi.expectedSales ?? '',
          incremental: roi.incrementalSales ?? '',
          grossProfit: roi.grossProfit ?? '',
          totalCost: roi.totalCost ?? '',
          netProfit: roi.netProfit ?? '',
          roi: roi.roiPercent ?? '',
        },
      };
    });
}

// The API names a partner type without its prefix ("DEALER"); the labels table has it.
export function partnerTypeOf(key: string): Known<PartnerType> | undefined {
  const type = `PARTNER_TYPE_${key}`;
  const known: Array<Known<PartnerType>> = [
    'PARTNER_TYPE_DISTRIBUTOR',
    'PARTNER_TYPE_RESELLER',
    'PARTNER_TYPE_DEALER',
    'PARTNER_TYPE_BROKER',
    'PARTNER_TYPE_AGENT',
    'PARTNER_TYPE_MSP',
  ];
  return known.find((k) => k === type);
}

export interface ProgramRow {
  id: string;
  name: string;
  currency: string;
  totalCost: number;
  grossProfit: number;
  netProfit: number;
  roi: number | null;
}

// One row per program for the comparison chart: cost against incremental (gross) profit.
export function programRows(programs: ProgramPerformance[]): ProgramRow[] {
  return programs.map((p) => ({
    id: p.programId ?? '',
    name: p.programName ?? '',
    currency: p.currencyCode ?? '',
    totalCost: toChartNumber(p.roi?.totalCost),
    grossProfit: toChartNumber(p.roi?.grossProfit),
    netProfit: toChartNumber(p.roi?.netProfit),
    roi: p.roi?.roiPercent ? toChartNumber(p.roi.roiPercent) : null,
  }));
}

export interface BudgetRow {
  // Milliseconds since the epoch (UTC midnight), to place the day on a time axis.
  time: number;
  date: string;
  drawn: number;
  drawnText: string;
}

const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

// The cumulative draw as a step series from the program's start (nothing drawn) to the last
// measured day (the draw carried forward), so the line covers the whole measured period.
export function budgetRows(points: BudgetPoint[] | undefined, periodStart: string, periodEnd: string): BudgetRow[] {
  const rows: BudgetRow[] = (points ?? []).map((p) => ({ time: dayTime(p.date ?? ''), date: p.date ?? '', drawn: toChartNumber(p.drawn), drawnText: p.drawn ?? '' }));
  if (periodStart && (rows.length === 0 || rows[0]!.date > periodStart)) {
    rows.unshift({ time: dayTime(periodStart), date: periodStart, drawn: 0, drawnText: '0' });
  }
  const last = rows[rows.length - 1];
  if (periodEnd && last && last.date < periodEnd) {
    rows.push({ time: dayTime(periodEnd), date: periodEnd, drawn: last.drawn, drawnText: last.drawnText });
  }
  return rows;
}

export type SortKey = 'roi' | 'netProfit' | 'incrementalSales' | 'totalCost' | 'name';

export interface ProgramFilter {
  status: ProgramStatus | '';
  search: string;
  sort: SortKey;
}

const byName = (a: ProgramPerformance, b: ProgramPerformance) => (a.programName ?? '').localeCompare(b.programName ?? '');

// ROI as a sortable value: programs without ROI (nothing spent) go last.
const roiUnits = (p: ProgramPerformance) => p.roi?.roiPercent || null;

// The list filtered by status and name and sorted, highest first (names A to Z). The API has
// no filters of its own, so this happens here.
export function filterPrograms(programs: ProgramPerformance[], filter: ProgramFilter): ProgramPerformance[] {
  const search = filter.search.trim().toLocaleLowerCase();
  const kept = programs.filter(
    (p) => (!filter.status || p.status === filter.status) && (!search || (p.programName ?? '').toLocaleLowerCase().includes(search)),
  );
  // Amounts compare only within a currency: programs group by currency first.
  const byMoney = (field: 'netProfit' | 'incrementalSales' | 'totalCost') => (a: ProgramPerformance, b: ProgramPerformance) =>
    (a.currencyCode ?? '').localeCompare(b.currencyCode ?? '') || compareDecimals(b.roi?.[field], a.roi?.[field]);
  const compare: Record<SortKey, (a: ProgramPerformance, b: ProgramPerformance) => number> = {
    name: byName,
    netProfit: byMoney('netProfit'),
    incrementalSales: byMoney('incrementalSales'),
    totalCost: byMoney('totalCost'),
    roi: (a, b) => {
      const x = roiUnits(a);
      const y = roiUnits(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return compareDecimals(y, x);
    },
  };
  return [...kept].sort((a, b) => compare[filter.sort](a, b) || byName(a, b));
}
