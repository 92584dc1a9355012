import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Statement } from '@/lib/api/schema';
import { PrincipalContext } from '@/lib/principal';
import { stubGateway } from '@/test/gateway';
import StatementPage from './StatementPage';

afterEach(() => vi.unstubAllGlobals());

const statement: Statement = {
  id: '12',
  partnerId: '4',
  partnerName: 'Amstel Systems',
  payoutRunId: '3',
  currencyCode: 'EUR',
  total: '150.00',
  status: 'STATEMENT_STATUS_PAID',
  paidByUserId: '8',
  paymentReference: 'SEPA-0012',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  entries: [
    { id: '100', programId: '1', ruleId: 'r1', rulesVersion: 2, amount: '100.00', unit: 'EUR', claimId: '0', statementId: '12', reversesEntryId: '0' },
    { id: '101', programId: '1', ruleId: 'r1', rulesVersion: 2, amount: '50.00', unit: 'EUR', claimId: '0', statementId: '12', reversesEntryId: '0' },
  ],
};

function renderStatement() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <PrincipalContext.Provider value={{ userId: '5', role: 'ROLE_PROGRAM_ADMIN', displayName: 'Iris Admin' }}>
        <MemoryRouter initialEntries={['/statements/12']}>
          <Routes>
            <Route path="/statements/:statementId" element={<StatementPage />} />
          </Routes>
        </MemoryRouter>
      </PrincipalContext.Provider>
    </QueryClientProvider>,
  );
}

describe('StatementPage', () => {
  it('names who paid and the entries’ program by id, not from lists of everyone', async () => {
    const calls = stubGateway({
      'GET /v1/statements/12': { body: statement },
      'GET /v1/programs/1': { body: { id: '1', name: 'Storage Rebate 2026', rules: [{ id: 'r1', name: 'Tier rebate' }] } },
      'GET /v1/users': { body: { users: [{ id: '8', displayName: 'Marco Finance' }], nextPageToken: '' } },
    });
    renderStatement();
    await screen.findByText('by Marco Finance');
    const entries = screen.getByRole('table');
    expect(await within(entries).findAllByRole('link', { name: 'Storage Rebate 2026' })).toHaveLength(2);
    expect(within(entries).getAllByText(/rule Tier rebate, version 2/)).toHaveLength(2);
    const users = calls.filter((c) => c.url.startsWith('/v1/users'));
    expect(users.map((c) => c.params)).toEqual([{ ids: '8', pageSize: '1' }]);
    expect(calls.filter((c) => c.url === '/v1/programs/1')).toHaveLength(1);
    expect(calls.some((c) => c.url.startsWith('/v1/programs?'))).toBe(false);
  });
});
