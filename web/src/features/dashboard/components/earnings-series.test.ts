import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@/lib/api/schema';
import { monthlyEarnings } from './earnings-series';

function entry(partial: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: '1', partnerId: '4', userId: '0', programId: '1', rulesVersion: 1, ruleId: 'r', claimId: '0',
    account: 'LEDGER_ACCOUNT_PAYABLE', kind: 'LEDGER_ENTRY_KIND_REBATE', unit: 'EUR', amount: '0', basis: '',
    periodStart: '', reversesEntryId: '0', statementId: '0', createdByUserId: '0', createTime: '2026-11-23T11:00:00Z',
    fundRequestId: '0', ...partial,
  };
}

describe('monthlyEarnings', () => {
  it('sums money and points per month exactly, leaving out payouts and other currencies', () => {
    const series = monthlyEarnings(
      [
        entry({ amount: '739.60' }),
        entry({ amount: '0.10', createTime: '2026-11-01T00:00:00Z' }),
        entry({ amount: '0.20', createTime: '2026-11-30T23:59:59Z' }),
        entry({ kind: 'LEDGER_ENTRY_KIND_PAYOUT', amount: '-790.66' }),
        entry({ kind: 'LEDGER_ENTRY_KIND_REVERSAL', amount: '-0.90' }),
        entry({ unit: 'USD', amount: '5' }),
        entry({ account: 'LEDGER_ACCOUNT_POINTS', unit: 'points', amount: '370' }),
        entry({ account: 'LEDGER_ACCOUNT_POINTS', unit: 'points', amount: '24', createTime: '2026-10-02T11:00:00Z' }),
        entry({ amount: '99', createTime: '2025-11-30T00:00:00Z' }),
      ],
      'EUR',
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(series).toHaveLength(12);
    expect(series[0]!.month).toBe('2026-01');
    expect(series[11]).toEqual({ month: '2026-12', money: '0', points: '0' });
    expect(series[10]).toEqual({ month: '2026-11', money: '739', points: '370' });
    expect(series[9]).toEqual({ month: '2026-10', money: '0', points: '24' });
  });
});
