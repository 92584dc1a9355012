import type { LedgerEntry } from '@/lib/api/schema';
import { addDecimals } from '@/lib/decimal';

export interface MonthTotals {
  // "YYYY-MM"
  month: string;
  // Money earned that month in `currency` (payable rewards net of reversals; payouts left out).
  money: string;
  points: string;
}

// The last `months` calendar months up to `now`, each with what was earned in it (exact sums).
export function monthlyEarnings(entries: LedgerEntry[], currency: string, now: Date, months = 12): MonthTotals[] {
  const result: MonthTotals[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    result.push({ month: d.toISOString().slice(0, 7), money: '0', points: '0' });
  }
  const byMonth = new Map(result.map((m) => [m.month, m]));
  for (const e of entries) {
    const slot = byMonth.get((e.createTime ?? '').slice(0, 7));
    if (!slot) continue;
    if (e.account === 'LEDGER_ACCOUNT_POINTS') slot.points = addDecimals(slot.points, e.amount);
    else if (e.account === 'LEDGER_ACCOUNT_PAYABLE' && e.unit === currency && e.kind !== 'LEDGER_ENTRY_KIND_PAYOUT')
      slot.money = addDecimals(slot.money, e.amount);
  }
  return result;
}
