import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubGateway } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import { UserPicker } from './UserPicker';

afterEach(() => vi.unstubAllGlobals());

const kUsers = [
  { id: '7', displayName: 'Rosa Larsen', email: 'rosa@amstel.example' },
  { id: '8', displayName: 'Marco Finance', email: 'marco@vendor.example' },
];

// ListUsers as the server answers a query (name or email) or ids.
function usersGateway() {
  return stubGateway({
    'GET /v1/users': (call) => {
      if (call.params.ids) {
        const ids = ([] as string[]).concat(call.params.ids);
        return { body: { users: [{ id: '42', displayName: 'Old Admin', email: 'old@vendor.example' }].filter((u) => ids.includes(u.id)) } };
      }
      const query = String(call.params.query ?? '').toLowerCase();
      return { body: { users: kUsers.filter((u) => `${u.displayName} ${u.email}`.toLowerCase().includes(query)), nextPageToken: '' } };
    },
  });
}

const optionTexts = () => within(screen.getByRole('combobox', { name: 'Actor' })).getAllByRole('option').map((o) => o.textContent);

describe('UserPicker', () => {
  it('sends the search to the server as query, with the role it is given', async () => {
    const calls = usersGateway();
    renderWithProviders(<UserPicker id="actor" label="Actor" value="" onChange={() => {}} emptyLabel="Anyone" role="ROLE_FINANCE" />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.params).toEqual({ role: 'ROLE_FINANCE', pageSize: '50' });

    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search people for “Actor”' }), 'rosa');
    await waitFor(() => expect(optionTexts()).toEqual(['Anyone', 'Rosa Larsen (rosa@amstel.example)']));
    expect(calls.at(-1)!.params).toEqual({ query: 'rosa', role: 'ROLE_FINANCE', pageSize: '50' });
  });

  it('names the chosen person by id when the matches do not include them', async () => {
    const calls = usersGateway();
    renderWithProviders(<UserPicker id="actor" label="Actor" value="42" onChange={() => {}} emptyLabel="Anyone" />);
    await screen.findByRole('option', { name: 'Old Admin (old@vendor.example)' });
    expect(calls.filter((c) => c.params.ids)).toHaveLength(1);
    expect(calls.find((c) => c.params.ids)!.params.ids).toBe('42');
  });

  it('reads no one by id when the matches name the chosen person', async () => {
    const calls = usersGateway();
    renderWithProviders(<UserPicker id="actor" label="Actor" value="8" onChange={() => {}} emptyLabel="Anyone" />);
    await screen.findByRole('option', { name: 'Marco Finance (marco@vendor.example)' });
    expect(screen.getByRole('combobox', { name: 'Actor' })).toHaveValue('8');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.filter((c) => c.params.ids)).toEqual([]);
  });

  it('passes the chosen person on', async () => {
    usersGateway();
    const onChange = vi.fn();
    renderWithProviders(<UserPicker id="actor" label="Actor" value="" onChange={onChange} emptyLabel="Anyone" />);
    await screen.findByRole('option', { name: 'Marco Finance (marco@vendor.example)' });
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Actor' }), '8');
    expect(onChange).toHaveBeenCalledWith('8');
  });
});
