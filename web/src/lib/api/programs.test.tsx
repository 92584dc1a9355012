import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { stubGateway } from '@/test/gateway';
import { renderHookWithProviders } from '@/test/render';
import { useEnrollmentPages, usePrograms, useProgramsById } from './programs';

afterEach(() => vi.unstubAllGlobals());

describe('useProgramsById', () => {
  it('reads the programs a page shows, each once', async () => {
    const calls = stubGateway({
      'GET /v1/programs/1': { body: { id: '1', name: 'Storage Rebate 2026' } },
      'GET /v1/programs/2': { body: { id: '2', name: 'Networking SPIF' } },
    });
    const { result, rerender } = renderHookWithProviders((ids: string[]) => useProgramsById(ids), { initialProps: ['1', '2', '1', '0'] });
    await waitFor(() => expect(result.current.size).toBe(2));
    rerender(['2', '1']);
    expect(result.current.get('2')?.name).toBe('Networking SPIF');
    expect(calls.map((c) => c.url).sort()).toEqual(['/v1/programs/1', '/v1/programs/2']);
  });

  it('leaves out a program the caller may not see', async () => {
    stubGateway({ 'GET /v1/programs/1': { body: { id: '1', name: 'Storage Rebate 2026' } } });
    const { result } = renderHookWithProviders(() => useProgramsById(['1', '3']));
    await waitFor(() => expect(result.current.size).toBe(1));
    expect(result.current.has('3')).toBe(false);
  });
});

describe('usePrograms', () => {
  it('reads every page of a status', async () => {
    const calls = stubGateway({
      'GET /v1/programs': (call) =>
        call.params.pageToken === 't2'
          ? { body: { programs: [{ id: '3' }], nextPageToken: '' } }
          : { body: { programs: [{ id: '1' }, { id: '2' }], nextPageToken: 't2' } },
    });
    const { result } = renderHookWithProviders(() => usePrograms('PROGRAM_STATUS_ACTIVE'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(calls.map((c) => [c.params.status, c.params.pageToken])).toEqual([
      ['PROGRAM_STATUS_ACTIVE', undefined],
      ['PROGRAM_STATUS_ACTIVE', 't2'],
    ]);
  });
});

describe('useEnrollmentPages', () => {
  it('sends the partner or program to the server, a page at a time', async () => {
    const calls = stubGateway({ 'GET /v1/enrollments': { body: { enrollments: [{ id: '5', programId: '1' }], nextPageToken: 'next' } } });
    const { result } = renderHookWithProviders(() => useEnrollmentPages({ partnerId: '4' }, 20));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls[0]!.params).toEqual({ partnerId: '4', pageSize: '20' });
    expect(result.current.hasNextPage).toBe(true);
  });
});
