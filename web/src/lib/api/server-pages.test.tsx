import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { stubGateway } from '@/test/gateway';
import { renderHookWithProviders } from '@/test/render';
import type { ListUsersResponse } from './schema';
import { useServerPages } from './server-pages';

afterEach(() => vi.unstubAllGlobals());

// Three pages of users: the token names the next page.
const kPages: Record<string, ListUsersResponse> = {
  '': { users: [{ id: '1' }, { id: '2' }], nextPageToken: 'after-2' },
  'after-2': { users: [{ id: '3' }, { id: '4' }], nextPageToken: 'after-4' },
  'after-4': { users: [{ id: '5' }], nextPageToken: '' },
};

function usePeople(role?: string) {
  return useServerPages<ListUsersResponse, 'users'>({
    queryKey: ['test-users', role],
    path: '/v1/users',
    params: { role },
    field: 'users',
    pageSize: 2,
  });
}

describe('useServerPages', () => {
  it('reads the first page with the filters and the page size', async () => {
    const calls = stubGateway({ 'GET /v1/users': (call) => ({ body: kPages[String(call.params.pageToken ?? '')] }) });
    const { result } = renderHookWithProviders(() => usePeople('ROLE_FINANCE'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.map((c) => c.params)).toEqual([{ role: 'ROLE_FINANCE', pageSize: '2' }]);
    expect(result.current.data?.items.map((u) => u.id)).toEqual(['1', '2']);
    expect(result.current.hasNextPage).toBe(true);
  });

  it('reads each next page with the token of the one before, and stops at the last', async () => {
    const calls = stubGateway({ 'GET /v1/users': (call) => ({ body: kPages[String(call.params.pageToken ?? '')] }) });
    const { result } = renderHookWithProviders(() => usePeople('ROLE_FINANCE'));
    await waitFor(() => expect(result.current.data?.items).toHaveLength(2));

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.items).toHaveLength(4));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.items).toHaveLength(5));

    expect(calls.map((c) => c.params.pageToken)).toEqual([undefined, 'after-2', 'after-4']);
    expect(calls.every((c) => c.params.role === 'ROLE_FINANCE' && c.params.pageSize === '2')).toBe(true);
    expect(result.current.data?.items.map((u) => u.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.current.data?.pages).toHaveLength(3);
    expect(result.current.hasNextPage).toBe(false);
  });

  it('starts again from the first page when the filters change', async () => {
    const calls = stubGateway({ 'GET /v1/users': (call) => ({ body: kPages[String(call.params.pageToken ?? '')] }) });
    const { result, rerender } = renderHookWithProviders((role: string) => usePeople(role), { initialProps: 'ROLE_FINANCE' });
    await waitFor(() => expect(result.current.data?.items).toHaveLength(2));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.items).toHaveLength(4));

    rerender('ROLE_PROGRAM_ADMIN');
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]!.params).toEqual({ role: 'ROLE_PROGRAM_ADMIN', pageSize: '2' });
    await waitFor(() => expect(result.current.data?.items.map((u) => u.id)).toEqual(['1', '2']));
  });
});
