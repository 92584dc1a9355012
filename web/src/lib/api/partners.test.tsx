import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { stubGateway, type Call } from '@/test/gateway';
import { renderHookWithProviders } from '@/test/render';
import { usePartnersById, userKeys, useUsersById } from './partners';
import type { User } from './schema';

afterEach(() => vi.unstubAllGlobals());

const person = (id: string): User => ({ id, displayName: `Person ${id}`, email: `p${id}@example.com` });

// ListUsers as the server answers `ids`: those users it has (here every id but 404).
function usersGateway(): Call[] {
  return stubGateway({
    'GET /v1/users': (call) => {
      const ids = ([] as string[]).concat(call.params.ids ?? []);
      return { body: { users: ids.filter((id) => id !== '404').map(person), nextPageToken: '' } };
    },
  });
}

const idsOf = (call: Call) => ([] as string[]).concat(call.params.ids ?? []);

describe('useUsersById', () => {
  it('asks for the ids shown in one request and names them', async () => {
    const calls = usersGateway();
    const { result } = renderHookWithProviders(() => useUsersById(['7', '9', '7', '0', '']));
    await waitFor(() => expect(result.current.size).toBe(2));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.split('?')[0]).toBe('/v1/users');
    expect(idsOf(calls[0]!)).toEqual(['7', '9']);
    expect(calls[0]!.params.pageSize).toBe('2');
    expect(result.current.get('9')?.displayName).toBe('Person 9');
  });

  it('asks for no id it already knows: a re-render or the next page sends only new ids', async () => {
    const calls = usersGateway();
    const { result, rerender } = renderHookWithProviders((ids: string[]) => useUsersById(ids), { initialProps: ['7', '9'] });
    await waitFor(() => expect(result.current.size).toBe(2));

    rerender(['9', '7']);
    rerender(['7', '9', '11']);
    await waitFor(() => expect(result.current.size).toBe(3));
    expect(calls.map(idsOf)).toEqual([['7', '9'], ['11']]);
  });

  it('reads users already in the cache without a request', async () => {
    const calls = usersGateway();
    const { result, client, rerender } = renderHookWithProviders((ids: string[]) => useUsersById(ids), { initialProps: [] as string[] });
    client.setQueryData(userKeys.byId('5'), person('5'));
    rerender(['5']);
    await waitFor(() => expect(result.current.get('5')?.displayName).toBe('Person 5'));
    expect(calls).toEqual([]);
  });

  it('asks in requests of at most 100 ids', async () => {
    const calls = usersGateway();
    const ids = Array.from({ length: 150 }, (_, i) => String(i + 1));
    const { result } = renderHookWithProviders(() => useUsersById(ids));
    await waitFor(() => expect(result.current.size).toBe(150));
    expect(calls.map((c) => idsOf(c).length)).toEqual([100, 50]);
    expect(calls.map((c) => c.params.pageSize)).toEqual(['100', '50']);
  });

  it('leaves out users the server does not return, and does not ask for them again', async () => {
    const calls = usersGateway();
    const { result, rerender } = renderHookWithProviders((ids: string[]) => useUsersById(ids), { initialProps: ['404', '8'] });
    await waitFor(() => expect(result.current.size).toBe(1));
    expect(result.current.has('404')).toBe(false);
    rerender(['404', '8']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(1);
  });
});

describe('usePartnersById', () => {
  it('reads each partner shown once, by id', async () => {
    const calls = stubGateway({
      'GET /v1/partners/4': { body: { id: '4', name: 'Amstel Systems' } },
      'GET /v1/partners/6': { body: { id: '6', name: 'Delta Distribution' } },
    });
    const { result, rerender } = renderHookWithProviders((ids: string[]) => usePartnersById(ids), { initialProps: ['4', '6', '4'] });
    await waitFor(() => expect(result.current.size).toBe(2));
    rerender(['6']);
    expect(result.current.get('6')?.name).toBe('Delta Distribution');
    expect(calls.map((c) => c.url).sort()).toEqual(['/v1/partners/4', '/v1/partners/6']);
  });
});
