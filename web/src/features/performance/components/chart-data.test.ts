import { describe, expect, it } from 'vitest';
import type { ProgramPerformance, RoiFigures, SegmentPerformance } from '@/lib/api/schema';
import { budgetRows, filterPrograms, partnerTypeOf, programRows, segmentRows } from './chart-data';

function roi(over: Partial<RoiFigures>): RoiFigures {
  return {
    programSales: '0.00', programCogs: '0.00', programDays: '30', baselineSales: '0.00', baselineCogs: '0.00', baselineDays: '30',
    expectedSales: '0.00', expectedCogs: '0.00', incrementalSales: '0.00', incrementalCogs: '0.00', grossProfit: '0.00',
    rewardsCost: '0.00', adminCost: '0.00', trainingCost: '0.00', marketingCost: '0.00', totalCost: '0.00', netProfit: '0.00',
    roiPercent: '', ...over,
  };
}

const segment = (key: string, over: Partial<RoiFigures>, partners = '1'): SegmentPerformance => ({ key, label: key, partnerCount: partners, roi: roi(over) });

describe('segmentRows', () => {
  it('sorts by sales, keeps the exact strings for text and plots numbers', () => {
    const rows = segmentRows(
      [
        segment('DEALER', { programSales: '100.10', expectedSales: '80.05', grossProfit: '5.00', roiPercent: '-12.50' }, '2'),
        segment('RESELLER', { programSales: '1000.00', expectedSales: '900.00', grossProfit: '40.00', roiPercent: '150.25' }, '11'),
        segment('MSP', { programSales: '0.00' }),
      ],
      (s) => (s.key ?? '').toLowerCase(),
    );
    expect(rows.map((r) => r.label)).toEqual(['reseller', 'dealer', 'msp']);
    expect(rows[0]).toMatchObject({ partners: 11, sales: 1000, expected: 900, grossProfit: 40, roi: 150.25 });
    expect(rows[1]!.text).toMatchObject({ sales: '100.10', expected: '80.05', roi: '-12.50' });
    expect(rows[1]!.roi).toBe(-12.5);
    // A segment that cost nothing has no ROI to plot.
    expect(rows[2]!.roi).toBeNull();
  });

  it('is empty without segments', () => {
    expect(segmentRows(undefined)).toEqual([]);
  });
});

describe('partnerTypeOf', () => {
  it('maps the API key to the partner type, unknown keys to nothing', () => {
    expect(partnerTypeOf('MSP')).toBe('PARTNER_TYPE_MSP');
    expect(partnerTypeOf('UNSPECIFIED')).toBeUndefined();
  });
});

describe('budgetRows', () => {
  it('starts at zero on the first day and carries the draw to the last measured day', () => {
    const rows = budgetRows(
      [
        { date: '2026-01-03', drawn: '12000.00' },
        { date: '2026-02-10', drawn: '12500.50' },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(rows.map((r) => [r.date, r.drawnText])).toEqual([
      ['2026-01-01', '0'],
      ['2026-01-03', '12000.00'],
      ['2026-02-10', '12500.50'],
      ['2026-03-31', '12500.50'],
    ]);
    expect(rows[1]!.time).toBe(Date.UTC(2026, 0, 3));
    expect(rows[3]!.drawn).toBe(12500.5);
  });

  it('does not repeat a day the series already has', () => {
    const rows = budgetRows([{ date: '2026-01-01', drawn: '5.00' }], '2026-01-01', '2026-01-01');
    expect(rows).toHaveLength(1);
  });
});

const program = (id: string, name: string, status: ProgramPerformance['status'], over: Partial<RoiFigures>): ProgramPerformance => ({
  programId: id, programName: name, status, currencyCode: 'EUR', periodStart: '2026-01-01', periodEnd: '2026-06-30',
  baselineStart: '2025-07-01', baselineEnd: '2025-12-31', roi: roi(over),
});

describe('filterPrograms', () => {
  const list = [
    program('1', 'Storage rebate', 'PROGRAM_STATUS_ACTIVE', { roiPercent: '99.99', netProfit: '500.00', totalCost: '10.00' }),
    program('2', 'Networking SPIF', 'PROGRAM_STATUS_CLOSED', { roiPercent: '100.01', netProfit: '20.00', totalCost: '900.00' }),
    program('3', 'Free training', 'PROGRAM_STATUS_ACTIVE', { roiPercent: '', netProfit: '1000.00' }),
    program('4', 'Storage loss', 'PROGRAM_STATUS_ACTIVE', { roiPercent: '-250.00', netProfit: '-5.00' }),
  ];

  it('sorts by ROI exactly, programs without ROI last', () => {
    expect(filterPrograms(list, { status: '', search: '', sort: 'roi' }).map((p) => p.programId)).toEqual(['2', '1', '4', '3']);
  });

  it('filters by status and name and sorts by net profit', () => {
    expect(filterPrograms(list, { status: 'PROGRAM_STATUS_ACTIVE', search: 'storage', sort: 'netProfit' }).map((p) => p.programId)).toEqual(['1', '4']);
  });

  it('gives the comparison chart cost and profit per program', () => {
    expect(programRows(list.slice(0, 1))).toEqual([
      { id: '1', name: 'Storage rebate', currency: 'EUR', totalCost: 10, grossProfit: 0, netProfit: 500, roi: 99.99 },
    ]);
  });
});
