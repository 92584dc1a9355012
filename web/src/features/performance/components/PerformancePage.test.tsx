import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/test/render';
import PerformancePage from './PerformancePage';

// The chart itself is Recharts (no layout in jsdom); the table carries the figures.
vi.mock('./PerformanceCharts', () => ({ ProgramComparisonChart: () => <p>chart</p> }));

const roi = (over: Record<string, string>) => ({
  programSales: '0.00', incrementalSales: '0.00', rewardsCost: '0.00', adminCost: '0.00', trainingCost: '0.00', marketingCost: '0.00',
  totalCost: '0.00', netProfit: '0.00', grossProfit: '0.00', roiPercent: '', ...over,
});

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      new Response(
        JSON.stringify({
          programs: [
            {
              programId: '3', programName: 'Co-op 2026', status: 'PROGRAM_STATUS_ACTIVE', currencyCode: 'EUR', periodStart: '2026-01-01', periodEnd: '2026-06-30',
              roi: roi({ programSales: '478876.50', incrementalSales: '-1200.10', rewardsCost: '1000.00', adminCost: '250.00', marketingCost: '0.05', totalCost: '1250.05', netProfit: '-300.00', roiPercent: '-24.00' }),
            },
            {
              programId: '2', programName: 'Networking SPIF', status: 'PROGRAM_STATUS_CLOSED', currencyCode: 'EUR', periodStart: '2025-01-01', periodEnd: '2025-12-31',
              roi: roi({ programSales: '1000.00', totalCost: '10.00', netProfit: '152.93', roiPercent: '1529.37' }),
            },
          ],
        }),
        { status: 200 },
      ),
    ),
  );
});

describe('PerformancePage', () => {
  it('shows each program’s figures exactly, highest ROI first, linked to its page', async () => {
    renderWithProviders(<PerformancePage />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Networking SPIF' })).toHaveAttribute('href', '/programs/2/performance');
    expect(within(rows[0]!).getByText('1,529.37%')).toBeInTheDocument();
    const coop = rows[1]!;
    expect(within(coop).getByText('€478,876.50')).toBeInTheDocument();
    expect(within(coop).getByText('-€1,200.10')).toHaveClass('perf-negative');
    expect(within(coop).getByText('€1,000.00 rewards + €250.05 other')).toBeInTheDocument();
    expect(within(coop).getByText('-24%')).toBeInTheDocument();
  });

  it('filters by status', async () => {
    renderWithProviders(<PerformancePage />);
    await screen.findByRole('table');
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'PROGRAM_STATUS_CLOSED');
    expect(screen.queryByRole('link', { name: 'Co-op 2026' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Networking SPIF' })).toBeInTheDocument();
  });
});
