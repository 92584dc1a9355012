import { describe, expect, it, vi } from 'vitest';
import { idBatches } from './by-id';

interface Row {
  id: string;
}

describe('idBatches', () => {
  it('reads the ids asked for in one tick in one request, each id once', async () => {
    const read = vi.fn(async (ids: string[]) => ids.map((id) => ({ id })));
    const load = idBatches<Row>({ read, idOf: (r) => r.id, max: 100 });
    const rows = await Promise.all([load('3'), load('1'), load('3')]);
    expect(read.mock.calls).toEqual([[['3', '1']]]);
    expect(rows).toEqual([{ id: '3' }, { id: '1' }, { id: '3' }]);
  });

  it('splits more ids than a request takes into requests of at most `max`', async () => {
    const read = vi.fn(async (ids: string[]) => ids.map((id) => ({ id })));
    const load = idBatches<Row>({ read, idOf: (r) => r.id, max: 2 });
    await Promise.all(['1', '2', '3', '4', '5'].map(load));
    expect(read.mock.calls.map(([ids]) => ids)).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('answers null for an id the server did not return', async () => {
    const load = idBatches<Row>({ read: async () => [{ id: '1' }], idOf: (r) => r.id, max: 100 });
    expect(await Promise.all([load('1'), load('2')])).toEqual([{ id: '1' }, null]);
  });

  it('rejects every load of a failed request with its error', async () => {
    const failure = new Error('unavailable');
    const load = idBatches<Row>({ read: async () => Promise.reject(failure), idOf: (r) => r.id, max: 100 });
    const results = await Promise.allSettled([load('1'), load('2')]);
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('starts a new request for ids asked for after the last one left', async () => {
    const read = vi.fn(async (ids: string[]) => ids.map((id) => ({ id })));
    const load = idBatches<Row>({ read, idOf: (r) => r.id, max: 100 });
    await load('1');
    await load('2');
    expect(read.mock.calls.map(([ids]) => ids)).toEqual([['1'], ['2']]);
  });
});
