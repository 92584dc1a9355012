import { describe, expect, it } from 'vitest';
import { totalsByCurrency } from './totals';

describe('totalsByCurrency', () => {
  it('sums exactly per currency with open and paid parts', () => {
    const totals = totalsByCurrency([
      { currencyCode: 'EUR', total: '0.10', status: 'STATEMENT_STATUS_OPEN' },
      { currencyCode: 'EUR', total: '0.20', status: 'STATEMENT_STATUS_OPEN' },
      { currencyCode: 'USD', total: '1000.01', status: 'STATEMENT_STATUS_PAID' },
      { currencyCode: 'EUR', total: '2906.76', status: 'STATEMENT_STATUS_PAID' },
    ]);
    expect(totals).toEqual([
      { currencyCode: 'EUR', count: 3, total: '2907.06', open: '0.3', openCount: 2, paid: '2906.76', paidCount: 1 },
      { currencyCode: 'USD', count: 1, total: '1000.01', open: '0', openCount: 0, paid: '1000.01', paidCount: 1 },
    ]);
  });
});
