import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditRecord } from '@/lib/api/schema';
import { stubGateway, type Call } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import AuditPage from './AuditPage';

afterEach(() => vi.unstubAllGlobals());

const record = (seq: string, actorUserId: string): AuditRecord => ({
  seq,
  actorUserId,
  actorRole: 'ROLE_PROGRAM_ADMIN',
  rpc: 'UpdateProgram',
  entityType: 'program',
  entityId: '1',
  requestId: `r${seq}`,
  time: '2026-03-01T10:00:00Z',
});

const kPeople: Record<string, string> = { '7': 'Rosa Larsen', '9': 'Marco Finance', '11': 'Iris Admin' };

function auditGateway(): Call[] {
  return stubGateway({
    'GET /v1/audit-records': (call) =>
      call.params.pageToken === 'page-2'
        ? { body: { records: [record('3', '11'), record('2', '7')], nextPageToken: '' } }
        : { body: { records: [record('6', '7'), record('5', '9'), record('4', '0')], nextPageToken: 'page-2' } },
    'GET /v1/users': (call) => {
      const ids = ([] as string[]).concat(call.params.ids ?? Object.keys(kPeople));
      return { body: { users: ids.map((id) => ({ id, displayName: kPeople[id], email: `${id}@vendor.example` })), nextPageToken: '' } };
    },
  });
}

const byIds = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/v1/users') && c.params.ids).map((c) => ([] as string[]).concat(c.params.ids!));

describe('AuditPage', () => {
  it('names the actors of the records shown with one request for their ids', async () => {
    const calls = auditGateway();
    renderWithProviders(<AuditPage />);
    const table = await screen.findByTestId('audit-table');
    await within(table).findByText('Marco Finance');
    expect(within(table).getByText('Rosa Larsen')).toBeInTheDocument();
    expect(within(table).getByText('The server')).toBeInTheDocument();
    expect(byIds(calls)).toEqual([['7', '9']]);
  });

  it('asks only for the new actors of the next page', async () => {
    const calls = auditGateway();
    renderWithProviders(<AuditPage />);
    const table = await screen.findByTestId('audit-table');
    await within(table).findByText('Marco Finance');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show older records' }));
    await within(table).findByText('Iris Admin');
    expect(byIds(calls)).toEqual([['7', '9'], ['11']]);
  });

  it('filters by an actor found through the server', async () => {
    const calls = auditGateway();
    renderWithProviders(<AuditPage />);
    const user = userEvent.setup();
    await screen.findByTestId('audit-table');
    await user.type(screen.getByRole('searchbox', { name: 'Search people for “Actor”' }), 'iris');
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/v1/users') && c.params.query === 'iris')).toBe(true));
    await screen.findByRole('option', { name: 'Iris Admin (11@vendor.example)' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Actor' }), '11');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/v1/audit-records') && c.params.actorUserId === '11')).toBe(true));
  });
});
