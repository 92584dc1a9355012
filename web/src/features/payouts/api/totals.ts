import type { StatementStatus } from '@/lib/api/enums';
import type { Statement } from '@/lib/api/schema';
import { addDecimals } from '@/lib/decimal';

export interface CurrencyTotal {
  currencyCode: string;
  count: number;
  total: string;
  open: string;
  openCount: number;
  paid: string;
  paidCount: number;
}

// Sums statements per currency (exactly, as decimal strings), with the open and paid parts;
// currencies in alphabetical order.
export function totalsByCurrency(statements: ReadonlyArray<Pick<Statement, 'currencyCode' | 'total' | 'status'>>): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>();
  for (const s of statements) {
    const row =
      byCurrency.get(s.currencyCode ?? '') ??
      { currencyCode: s.currencyCode ?? '', count: 0, total: '0', open: '0', openCount: 0, paid: '0', paidCount: 0 };
    row.count += 1;
    row.total = addDecimals(row.total, s.total);
    if (s.status === ('STATEMENT_STATUS_PAID' satisfies StatementStatus)) {
      row.paid = addDecimals(row.paid, s.total);
      row.paidCount += 1;
    } else {
      row.open = addDecimals(row.open, s.total);
      row.openCount += 1;
    }
    byCurrency.set(row.currencyCode, row);
  }
  return [...byCurrency.values()].sort((a, b) => a.currencyCode.localeCompare(b.currencyCode));
}
